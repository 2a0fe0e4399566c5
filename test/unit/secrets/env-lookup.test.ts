// "Move to environment variable" in each language (checks/secrets/env-lookup.ts): the source line the
// fix leaves, or no fix where the lookup could not stand in for the literal (a place only a constant
// may hold, a literal that is not the whole value, text the language reads as something else). The
// TypeScript, JavaScript and Python results must also parse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { resetSecretsGitIgnoreCache } from '../../../server/src/checks/secrets/git-ignored';
import { loadGrammar, parserFor } from '../../../server/src/engine/grammar/index';
import { DiskHost } from '../../../server/src/engine/host';
import { languageOf } from '../../../server/src/engine/index';
import { LineIndex } from '../../../server/src/engine/positions';
import { engine, loadedConfig, makeWorkspace, TEST_SALT } from '../../helpers/engine';

const STRIPE = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';
const NO_FIX = 'no fix';

/** The file's text after the move fix of its one secrets finding, or NO_FIX; and the .env line it writes. */
function afterFix(file: string, text: string): { text: string; env?: string } {
  const dir = makeWorkspace({ [file]: text });
  fs.mkdirSync(path.join(dir, '.git'));
  resetSecretsGitIgnoreCache();
  const full = path.join(dir, file);
  const findings = engine.analyze({ document: { path: full, text, language: languageOf(full) }, config: loadedConfig(undefined, dir), host: new DiskHost(), salt: TEST_SALT }).findings.filter((f) => f.family === 'secrets');
  assert.equal(findings.length, 1, `one secrets finding in ${file}: ${findings.map((f) => f.ruleId).join(', ')}`);
  const fix = findings[0].fixes?.find((f) => f.title.startsWith('Move'));
  if (!fix) return { text: NO_FIX };
  const lines = new LineIndex(text);
  let result = text;
  const own = fix.changes.filter((change) => change.path === full).sort((a, b) => b.line - a.line || b.column - a.column);
  for (const change of own) result = result.slice(0, lines.lineStart(change.line) + change.column - 1) + change.newText + result.slice(lines.lineStart(change.endLine) + change.endColumn - 1);
  return { text: result, env: fix.changes.find((change) => change.path === path.join(dir, '.env'))?.newText };
}

// [file, source, the source after the fix (or NO_FIX)]
const CASES: [string, string, string][] = [
  // TypeScript and JavaScript: only where an expression may stand.
  ['a.ts', `const key = "${STRIPE}";\n`, 'const key = process.env.STRIPE_KEY;\n'],
  ['a.tsx', `export const A = () => <Checkout apiKey="${STRIPE}" />;\n`, 'export const A = () => <Checkout apiKey={process.env.STRIPE_API_KEY} />;\n'],
  ['a.js', `module.exports = { stripe: { key: '${STRIPE}' } };\n`, 'module.exports = { stripe: { key: process.env.STRIPE_KEY } };\n'],
  ['a.ts', `const a = tag\`${STRIPE}\`;\n`, NO_FIX],
  ['a.ts', `enum Keys { Live = "${STRIPE}" }\n`, NO_FIX],
  ['a.ts', `import live from "${STRIPE}";\n`, NO_FIX],
  ['a.ts', `type Live = "${STRIPE}";\n`, NO_FIX],
  ['a.ts', `const keys = { "${STRIPE}": 1 };\n`, NO_FIX],
  ['a.ts', `const key = "${STRIPE}" as const;\n`, NO_FIX],
  ['a.ts', `declare const key = "${STRIPE}";\n`, NO_FIX],
  ['a.ts', `interface Keys { "${STRIPE}": string }\n`, NO_FIX],
  // A part of a literal (a URL's query): interpolated into a template, which a quoted string becomes when it reads the same as one.
  ['a.ts', `const u = "https://api.example.io/v1?key=${STRIPE}&q=1";\n`, 'const u = `https://api.example.io/v1?key=${process.env.STRIPE_KEY}&q=1`;\n'],
  ['a.ts', `const u = \`https://api.example.io/v1?q=\${q}&key=${STRIPE}\`;\n`, 'const u = `https://api.example.io/v1?q=${q}&key=${process.env.STRIPE_KEY}`;\n'],
  // A Basic header's password: the user stays in the literal, the password comes from the environment.
  ['a.ts', `const h = "Basic " + btoa("admin:kT9vQ2pL7xW4zR8mQ3Zx");\n`, 'const h = "Basic " + btoa(`admin:${process.env.BASIC_AUTH_PASSWORD}`);\n'],
  ['A.java', `String a = Base64.getEncoder().encodeToString("admin:kT9vQ2pL7xW4zR8mQ3Zx".getBytes());\n`, 'String a = Base64.getEncoder().encodeToString(("admin:" + System.getenv("BASIC_AUTH_PASSWORD")).getBytes());\n'],
  ['a.ts', `const u = \`https://api.example.io/v1?key=${STRIPE}&q=\${q}\`;\n`, 'const u = `https://api.example.io/v1?key=${process.env.STRIPE_KEY}&q=${q}`;\n'],
  ['a.tsx', `export const A = () => <img src="https://api.example.io/v1?key=${STRIPE}" />;\n`, 'export const A = () => <img src={`https://api.example.io/v1?key=${process.env.STRIPE_KEY}`} />;\n'],
  ['a.ts', `const u = "https://api.example.io/\\v1?key=${STRIPE}";\n`, NO_FIX],
  ['a.ts', `const u = "https://api.example.io/\`v1?key=${STRIPE}";\n`, NO_FIX],
  ['a.ts', `const u = gql\`https://api.example.io/v1?key=${STRIPE}\`;\n`, NO_FIX],
  ['a.ts', `const u = gql\`https://api.example.io/v1?q=\${q}&key=${STRIPE}\`;\n`, NO_FIX],
  ['a.ts', `type U = \`https://api.example.io/v1?q=\${string}&key=${STRIPE}\`;\n`, NO_FIX],
  ['a.ts', `enum Urls { Live = \`https://api.example.io/v1?key=${STRIPE}\` }\n`, NO_FIX],
  ['a.py', `import os\nu = "https://api.example.io/v1?key=${STRIPE}&q=1"\n`, 'import os\nu = f"https://api.example.io/v1?key={os.environ[\'STRIPE_KEY\']}&q=1"\n'],
  ['a.py', `u = f'https://api.example.io/v1?q={q}&key=${STRIPE}'\n`, 'import os\nu = f\'https://api.example.io/v1?q={q}&key={os.environ["STRIPE_KEY"]}\'\n'],
  ['a.py', `import os\nu = "https://api.example.io/v1?q={}&key=${STRIPE}".format(q)\n`, NO_FIX],
  ['a.py', `import os\nu = b"https://api.example.io/v1?key=${STRIPE}"\n`, NO_FIX],
  ['a.py', `import os\nu = u"https://api.example.io/v1?key=${STRIPE}"\n`, NO_FIX],
  ['a.py', `import os\nu = r"https://api.example.io/v1?key=${STRIPE}"\n`, 'import os\nu = rf"https://api.example.io/v1?key={os.environ[\'STRIPE_KEY\']}"\n'],
  // Python: the literal's prefix and triple quotes go with it; bytes, f-string braces and joined literals do not.
  ['a.py', `import os\nkey = """${STRIPE}"""\n`, 'import os\nkey = os.environ["STRIPE_KEY"]\n'],
  ['a.py', `import os\nkey = r'${STRIPE}'\n`, 'import os\nkey = os.environ["STRIPE_KEY"]\n'],
  ['a.py', `import os\nkey = f"${STRIPE}"\n`, 'import os\nkey = os.environ["STRIPE_KEY"]\n'],
  ['a.py', `import os\nkey = b"${STRIPE}"\n`, NO_FIX],
  ['a.py', `import os\nkey = ("sk_" "${STRIPE}")\n`, NO_FIX],
  ['a.py', `import os\nkey = ("${STRIPE}"\n       "suffix")\n`, NO_FIX],
  // YAML: `\${NAME}`, except in a GitHub workflow, which reads its secrets from the repository.
  ['compose.yml', `services:\n  api:\n    environment:\n      STRIPE_KEY: ${STRIPE}\n`, 'services:\n  api:\n    environment:\n      STRIPE_KEY: ${STRIPE_KEY}\n'],
  ['.github/workflows/ci.yml', 'jobs:\n  a:\n    steps:\n      - uses: x/y@v1\n        with:\n          token: ghp_k3J9x2M5q8W1z4V7b6N0p2R5t8Y1u4I7o0Pa\n', 'jobs:\n  a:\n    steps:\n      - uses: x/y@v1\n        with:\n          token: ${{ secrets.GH_TOKEN }}\n'],
  // Spring's own properties resolve placeholders; other .properties files do not.
  ['src/main/resources/application-prod.properties', 'spring.datasource.password=kT9vQ2pL7xW4zR8m\n', 'spring.datasource.password=${DATASOURCE_PASSWORD}\n'],
  ['gradle.properties', 'db.password=kT9vQ2pL7xW4zR8m\n', NO_FIX],
  // Go: with `os` imported, not in a constant.
  ['main.go', `package main\nimport "os"\nvar stripeKey = "${STRIPE}"\n`, 'package main\nimport "os"\nvar stripeKey = os.Getenv("STRIPE_KEY")\n'],
  ['main.go', `package main\nimport "os"\nconst stripeKey = "${STRIPE}"\n`, NO_FIX],
  ['main.go', `package main\nimport "os"\nconst (\n\tmode = "live"\n\tstripeKey = "${STRIPE}"\n)\n`, NO_FIX],
  // Java, Kotlin, Groovy: System.getenv, not in an annotation, a case label, a `const val`, a triple-quoted or interpolated string.
  ['Pay.java', `class Pay {\n  void init() { Stripe.apiKey = "${STRIPE}"; }\n}\n`, 'class Pay {\n  void init() { Stripe.apiKey = System.getenv("STRIPE_API_KEY"); }\n}\n'],
  ['Pay.java', `class Pay {\n  @Value("${STRIPE}") String key;\n}\n`, NO_FIX],
  ['Pay.java', `class Pay {\n  int f(String s) { switch (s) { case "${STRIPE}": return 1; } return 0; }\n}\n`, NO_FIX],
  ['Pay.kt', `val stripeKey = "${STRIPE}"\n`, 'val stripeKey = System.getenv("STRIPE_KEY")\n'],
  ['Pay.kt', `const val STRIPE_KEY = "${STRIPE}"\n`, NO_FIX],
  ['Pay.kt', `val stripeKey = """${STRIPE}"""\n`, NO_FIX],
  ['build.gradle', `stripe { key = '${STRIPE}' }\n`, 'stripe { key = System.getenv("STRIPE_KEY") }\n'],
  // C#: not in a const, an attribute, a parameter default or an interpolated string; a verbatim string is fine.
  ['Pay.cs', `class Pay {\n  static string key = @"${STRIPE}";\n}\n`, 'class Pay {\n  static string key = System.Environment.GetEnvironmentVariable("STRIPE_KEY");\n}\n'],
  ['Pay.cs', `class Pay {\n  void Go() { var client = new StripeClient("${STRIPE}"); }\n}\n`, 'class Pay {\n  void Go() { var client = new StripeClient(System.Environment.GetEnvironmentVariable("STRIPE_KEY")); }\n}\n'],
  ['Pay.cs', `class Pay {\n  const string Key = "${STRIPE}";\n}\n`, NO_FIX],
  ['Pay.cs', `class Pay {\n  void Connect(string key = "${STRIPE}") {}\n}\n`, NO_FIX],
  ['Pay.cs', `class Pay {\n  [Secret("${STRIPE}")] string k;\n}\n`, NO_FIX],
  ['Pay.cs', `class Pay {\n  string k = $"${STRIPE}";\n}\n`, NO_FIX],
  // Ruby: ENV.fetch (raises when unset), not a symbol or interpolation.
  ['pay.rb', `Stripe.api_key = '${STRIPE}'\n`, 'Stripe.api_key = ENV.fetch("STRIPE_API_KEY")\n'],
  ['pay.rb', `KEYS = { live: :"${STRIPE}" }\n`, NO_FIX],
  ['pay.rb', `key = "#{prefix}${STRIPE}"\n`, NO_FIX],
  // PHP: getenv, not in a class constant, a property default (even a few lines down an array) or a parameter default.
  // The setter names the key it is given: the provider's API key.
  ['pay.php', `<?php\nfunction pay() {\n    \\Stripe\\Stripe::setApiKey('${STRIPE}');\n}\n`, `<?php\nfunction pay() {\n    \\Stripe\\Stripe::setApiKey(getenv('STRIPE_API_KEY'));\n}\n`],
  ['pay.php', `<?php\nclass Pay {\n    const KEY = '${STRIPE}';\n}\n`, NO_FIX],
  ['pay.php', `<?php\nclass Pay {\n    private $config = [\n        'mode' => 'live',\n        'key' => '${STRIPE}',\n    ];\n}\n`, NO_FIX],
  ['pay.php', `<?php\nclass Pay {\n    public function connect($key = '${STRIPE}') {}\n}\n`, NO_FIX],
  ['pay.php', `<?php\n$password = "kT9#vQ2!pL7@xW4z";\n`, `<?php\n$password = getenv('APP_PASSWORD');\n`],
  // A part of a plain string: the string split around the lookup and joined again, in brackets.
  ['Pay.java', `class Pay {\n  String url = "https://api.example.io/v1?key=${STRIPE}&q=1";\n}\n`, 'class Pay {\n  String url = ("https://api.example.io/v1?key=" + System.getenv("STRIPE_KEY") + "&q=1");\n}\n'],
  ['Pay.kt', `val url = "https://api.example.io/v1?key=${STRIPE}"\n`, 'val url = ("https://api.example.io/v1?key=" + System.getenv("STRIPE_KEY"))\n'],
  ['main.go', `package main\nimport "os"\nvar url = "https://api.example.io/v1?key=${STRIPE}"\n`, 'package main\nimport "os"\nvar url = ("https://api.example.io/v1?key=" + os.Getenv("STRIPE_KEY"))\n'],
  ['pay.rb', `URL = 'https://api.example.io/v1?key=${STRIPE}&q=1'\n`, 'URL = (\'https://api.example.io/v1?key=\' + ENV.fetch("STRIPE_KEY") + \'&q=1\')\n'],
  ['pay.php', `<?php\n$url = 'https://api.example.io/v1?key=${STRIPE}';\n`, `<?php\n$url = ('https://api.example.io/v1?key=' . getenv('STRIPE_KEY'));\n`],
  ['Pay.cs', `class Pay {\n  void Go() { var url = "https://api.example.io/v1?key=${STRIPE}"; }\n}\n`, 'class Pay {\n  void Go() { var url = ("https://api.example.io/v1?key=" + System.Environment.GetEnvironmentVariable("STRIPE_KEY")); }\n}\n'],
  // Not in a string the language reads differently, a verbatim or interpolated one, or where only a constant may stand.
  ['Pay.kt', `val url = "https://api.example.io/\${v}?key=${STRIPE}"\n`, NO_FIX],
  ['pay.rb', `url = "https://api.example.io/#{v}?key=${STRIPE}"\n`, NO_FIX],
  ['Pay.java', `class Pay {\n  String url = "https://api.example.io/\\n?key=${STRIPE}";\n}\n`, NO_FIX],
  ['Pay.cs', `class Pay {\n  void Go() { var url = @"https://api.example.io/v1?key=${STRIPE}"; }\n}\n`, NO_FIX],
  ['Pay.cs', `class Pay {\n  const string Url = "https://api.example.io/v1?key=${STRIPE}";\n}\n`, NO_FIX],
  ['main.go', `package main\nimport "os"\nconst url = "https://api.example.io/v1?key=${STRIPE}"\n`, NO_FIX],
  // Quotes inside a text block, a Go raw string or a heredoc are its text; after the heredoc they are code again.
  ['pay.rb', `body = <<~JSON\n  { "key": "${STRIPE}" }\nJSON\n`, NO_FIX],
  ['pay.php', `<?php\n$body = <<<JSON\n{ "key": "${STRIPE}" }\nJSON;\n`, NO_FIX],
  ['pay.rb', `body = <<~TEXT\n  hello\nTEXT\nStripe.api_key = '${STRIPE}'\n`, 'body = <<~TEXT\n  hello\nTEXT\nStripe.api_key = ENV.fetch("STRIPE_API_KEY")\n'],
  ['Pay.java', `class Pay {\n  String body = \"\"\"\n    { "key": "${STRIPE}" }\n    \"\"\";\n}\n`, NO_FIX],
  ['main.go', `package main\nimport "os"\nvar body = \`{\n  "key": "${STRIPE}"\n}\`\n`, NO_FIX],
  ['pay.php', `<?php\n$password = "kT9#vQ2$pL7@xW4z";\n`, NO_FIX],
  ['pay.php', `<?php\n$password = 'kT9#vQ2$pL7@xW4z';\n`, `<?php\n$password = getenv('APP_PASSWORD');\n`],
  ['Pay.kt', `val password = "kT9#vQ2$pL7@xW4z"\n`, NO_FIX],
  ['pay.rb', `password = "kT9#@vQ2pL7xW4z"\n`, NO_FIX],
  ['pay.rb', `password = 'kT9#@vQ2pL7xW4z'\n`, 'password = ENV.fetch("APP_PASSWORD")\n'],
  // No lookup the language would run: Rust, shell, plain text.
  ['main.rs', `fn main() { let key = "${STRIPE}"; }\n`, NO_FIX],
];

describe('secrets: move to environment variable, per language', () => {
  before(() => loadGrammar('python'));

  CASES.forEach(([file, source, expected], index) => {
    it(`#${index} ${file}: ${expected === NO_FIX ? 'no fix for' : 'fixes'} ${JSON.stringify(source.split('\n').find((line) => /sk_|ghp_|password|kT9v/.test(line))?.trim())}`, () => {
      const { text, env } = afterFix(file, source);
      assert.equal(text, expected);
      if (expected === NO_FIX) return;
      assert.ok(env && source.includes(env.replace(/^\w+=/, '').replace(/^'|'?\n$/g, '')), `.env gets the value as it is in the source: ${env}`);
      if (/\.[jt]sx?$/.test(file)) {
        const parsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) as unknown as { parseDiagnostics: unknown[] };
        assert.equal(parsed.parseDiagnostics.length, 0, 'the result parses');
      }
      if (file.endsWith('.py')) {
        const tree = parserFor('python')!.parse(text)!;
        try {
          assert.equal(tree.rootNode.hasError, false, 'the result parses');
        } finally {
          tree.delete();
        }
      }
    });
  });
});
