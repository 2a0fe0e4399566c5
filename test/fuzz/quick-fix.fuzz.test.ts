// Quick-fix safety, as properties over generated variants of each fix's examples: the result parses
// (no more syntax errors than before), the finding is gone, and the edit removes no user text except
// the literal it replaces; a secret moved to .env is there byte for byte.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as ts from 'typescript';
import { resetSecretsGitIgnoreCache } from '../../server/src/checks/secrets/git-ignored';
import { DiskHost } from '../../server/src/engine/host';
import { languageOf } from '../../server/src/engine/index';
import { LineIndex } from '../../server/src/engine/positions';
import { suppressionEdit } from '../../server/src/engine/suppression-edit';
import type { Finding, TextChange } from '../../server/src/engine/types';
import { engine, loadedConfig, makeWorkspace, TEST_SALT } from '../helpers/engine';
import { RUNS } from './arbitraries';
import { loadGrammar, parserFor } from '../../server/src/engine/grammar/index';

function analyseFile(dir: string, relative: string, text: string): Finding[] {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  resetSecretsGitIgnoreCache();
  return engine.analyze({ document: { path: file, text, language: languageOf(file) }, config: loadedConfig(undefined, dir), host: new DiskHost(), salt: TEST_SALT }).findings.filter((f) => !f.suppressed);
}

function syntaxErrors(file: string, text: string): number {
  return (ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
}

/** Applies changes to one text; returns the result and the original text of every replaced range. */
function apply(text: string, changes: TextChange[]): { text: string; removed: string[] } {
  const lines = new LineIndex(text);
  const offset = (line: number, column: number) => lines.lineStart(line) + column - 1;
  const removed: string[] = [];
  let result = text;
  for (const change of [...changes].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column))) {
    const start = offset(change.line, change.column);
    const end = offset(change.endLine, change.endColumn);
    removed.push(text.slice(start, end));
    result = result.slice(0, start) + change.newText + result.slice(end);
  }
  return { text: result, removed };
}

// Reserved and contextual words that cannot name a variable in a module.
const RESERVED = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'await', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'type', 'of', 'as', 'async', 'declare', 'module', 'namespace', 'get', 'set', 'any', 'unknown', 'never', 'string', 'number', 'boolean', 'symbol', 'object', 'undefined', 'keyof', 'readonly', 'infer', 'is', 'satisfies']);
const identifier = fc.stringMatching(/^[a-z][a-zA-Z]{2,10}$/).filter((name) => !RESERVED.has(name));
const indent = fc.constantFrom('', '  ', '    ', '\t');
const secretValue = fc.constantFrom('sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab', 'ghp_k3J9x2M5q8W1z4V7b6N0p2R5t8Y1u4I7o0Pa', 'AKIAQ3EGRT7PLM2XKW4Z', 'xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD');
const quote = fc.constantFrom('"', "'", '`');

describe('fuzz: quick-fix safety', function () {
  this.timeout(300000);

  it('move to environment variable: parses, finding gone, only the literal replaced, value in .env byte for byte', () => {
    fc.assert(
      fc.property(identifier, identifier, indent, secretValue, quote, fc.boolean(), (before, name, pad, value, q, wrap) => {
        const dir = makeWorkspace({});
        fs.mkdirSync(path.join(dir, '.git'));
        const line = `${pad}const ${name}Key = ${q}${value}${q};`;
        const text = wrap ? `export function ${before}() {\n${line}\n${pad}return ${name}Key;\n}\n` : `// ${before}\n${line}\n`;
        const findings = analyseFile(dir, 'src/app.ts', text);
        const finding = findings.find((f) => f.family === 'secrets');
        assert.ok(finding, 'the secret is found');
        const fix = finding.fixes?.find((f) => f.title.startsWith('Move to environment variable'));
        assert.ok(fix, 'the fix is offered');
        const source = path.join(dir, 'src/app.ts');
        const { text: fixed, removed } = apply(text, fix.changes.filter((c) => c.path === source));
        assert.deepEqual(removed, [`${q}${value}${q}`], 'only the literal is removed');
        assert.ok(syntaxErrors('app.ts', fixed) <= syntaxErrors('app.ts', text), 'parses');
        assert.ok(!analyseFile(dir, 'src/app.ts', fixed).some((f) => f.family === 'secrets'), 'finding gone');
        const envChange = fix.changes.find((c) => c.path === path.join(dir, '.env'));
        assert.ok(envChange?.newText.includes(`=${value}\n`), '.env gets the value byte for byte');
        assert.equal(envChange?.sensitive, true);
      }),
      { numRuns: Math.max(30, Math.floor(RUNS / 3)) },
    );
  });

  it('suppress with a reason: inserts one line, removes nothing, parses, finding suppressed', () => {
    fc.assert(
      fc.property(identifier, indent, fc.string({ minLength: 1, maxLength: 40 }).filter((r) => r.trim().length > 0), fc.boolean(), (name, pad, reason, wrapped) => {
        const body = `${pad}try { ${name}(); } catch (e) {}`;
        const text = wrapped ? `function outer() {\n${body}\n}\n` : `${body}\n`;
        const dir = makeWorkspace({});
        const [finding] = analyseFile(dir, 'a.ts', text).filter((f) => f.ruleId === 'failure/empty-catch');
        assert.ok(finding);
        const edit = suppressionEdit(path.join(dir, 'a.ts'), text, finding.line - 1, finding.ruleId, reason);
        assert.ok(!('refused' in edit), 'offered');
        const fixed = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset);
        assert.equal(fixed.replace(edit.text, ''), text, 'only an insertion');
        assert.ok(syntaxErrors('a.ts', fixed) <= syntaxErrors('a.ts', text));
        assert.deepEqual(analyseFile(dir, 'a.ts', fixed).filter((f) => f.ruleId === 'failure/empty-catch'), []);
      }),
      { numRuns: Math.max(30, Math.floor(RUNS / 3)) },
    );
  });

  it('remove an unused suppression: removes only the directive line', () => {
    fc.assert(
      fc.property(identifier, indent, fc.constantFrom('//', '/*'), (name, pad, opener) => {
        const directive = `${pad}${opener} shipshape-ignore-next-line failure/empty-catch -- was needed${opener === '/*' ? ' */' : ''}\n`;
        const text = `const ${name} = 1;\n${directive}export { ${name} };\n`;
        const dir = makeWorkspace({});
        const finding = analyseFile(dir, 'a.ts', text).find((f) => f.ruleId === 'shipshape/unused-suppression');
        assert.ok(finding?.fixes?.length, 'offered');
        const { text: fixed, removed } = apply(text, finding.fixes[0].changes);
        assert.deepEqual(removed, [directive]);
        assert.equal(fixed, `const ${name} = 1;\nexport { ${name} };\n`);
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
  });

  // Every failure-family fix, on generated variants of each rule's own `bad` examples (whatever rules
  // exist: a new rule's fixes are covered without touching this test). Variants move the code down,
  // indent it and put it inside a function, so offsets, indentation and scopes all change.
  before(() => loadGrammar('python'));
  const failureRules = engine.rules.filter((meta) => meta.family === 'failure' && meta.fixable);
  const scriptExamples = failureRules.flatMap((meta) =>
    meta.examples.bad.filter((code) => !/^\s*(def |try:|import |from |except)/m.test(code)).map((code) => ({ ruleId: meta.id, code })),
  );
  // A floating promise every variant flags on its own (the docs examples call functions of other files).
  scriptExamples.push({ ruleId: 'failure/floating-promise', code: 'fetch("https://example.com/a", { signal: AbortSignal.timeout(1000) }).then((r) => r.json());' });
  const pythonExamples = failureRules.flatMap((meta) => meta.examples.bad.filter((code) => /^\s*(try:|import requests|requests\.)/m.test(code)).map((code) => ({ ruleId: meta.id, code })));

  it('finds fixable failure examples to test (the property below can fail)', () => {
    assert.ok(scriptExamples.length >= 5, `TypeScript examples: ${scriptExamples.length}`);
    assert.ok(pythonExamples.length >= 1, `Python examples: ${pythonExamples.length}`);
  });

  it('every failure quick fix: parses, its finding goes, and every replaced text is kept inside the new text', () => {
    const titles = new Set<string>();
    fc.assert(
      // Every example in every wrapper on each run (so every kind of fix is exercised whatever the
      // seed); the generated parts are the names and the position.
      fc.property(identifier, fc.nat(3), (name, blankLines) => {
        for (const example of scriptExamples) {
          for (const wrapper of ['none', 'function', 'async'] as const) {
            const body = wrapper === 'none' ? example.code : example.code.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
            const head = `// ${name}\n${'\n'.repeat(blankLines)}`;
            const text = wrapper === 'none' ? `${head}${body}\n` : `${head}${wrapper === 'async' ? 'async ' : ''}function ${name}Wrapper() {\n${body}\n}\n`;
            const dir = makeWorkspace({});
            const before = analyseFile(dir, 'src/a.ts', text).filter((f) => f.ruleId === example.ruleId);
            for (const finding of before) {
              for (const fix of finding.fixes ?? []) {
                const { text: fixed, removed } = apply(text, fix.changes);
                // apply() replaces from the last change to the first; `removed` is in that order.
                const kept = [...fix.changes].sort((a, b) => b.line - a.line || b.column - a.column);
                kept.forEach((change, i) => assert.ok(change.newText.includes(removed[i]), `"${fix.title}" removed ${JSON.stringify(removed[i])}`));
                assert.ok(syntaxErrors('a.ts', fixed) <= syntaxErrors('a.ts', text), `"${fix.title}" leaves code that parses:\n${fixed}`);
                const after = analyseFile(dir, 'src/a.ts', fixed).filter((f) => f.ruleId === example.ruleId);
                assert.ok(after.length < before.length, `"${fix.title}" removes its finding:\n${fixed}`);
                titles.add(fix.title.replace(/\(.*$/, ''));
              }
            }
          }
        }
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 30)) },
    );
    // The kinds of fix exercised: rethrow, wrap in Error, await / void…catch, abort signal, timeout.
    assert.ok(titles.size >= 5, `fixes exercised: ${[...titles].join(' | ')}`);
  });

  it('every Python failure quick fix: parses (tree-sitter), its finding goes, nothing removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pythonExamples), fc.nat(3), fc.boolean(), (example, blankLines, inFunction) => {
        const body = inFunction ? `def handler():\n${example.code.split('\n').map((line) => (line ? `    ${line}` : line)).join('\n')}` : example.code;
        const text = `# generated\n${'\n'.repeat(blankLines)}${body.endsWith('\n') ? body : `${body}\n`}`;
        const dir = makeWorkspace({});
        const before = analyseFile(dir, 'app.py', text).filter((f) => f.ruleId === example.ruleId);
        assert.ok(before.length > 0, `the example is found:\n${text}`);
        for (const finding of before) {
          for (const fix of finding.fixes ?? []) {
            const { text: fixed, removed } = apply(text, fix.changes);
            const kept = [...fix.changes].sort((a, b) => b.line - a.line || b.column - a.column);
            kept.forEach((change, i) => assert.ok(change.newText.includes(removed[i]), `"${fix.title}" removed ${JSON.stringify(removed[i])}`));
            assert.ok(!pythonHasErrors(fixed) || pythonHasErrors(text), `"${fix.title}" leaves Python that parses:\n${fixed}`);
            const after = analyseFile(dir, 'app.py', fixed).filter((f) => f.ruleId === example.ruleId);
            assert.ok(after.length < before.length, `"${fix.title}" removes its finding:\n${fixed}`);
          }
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
  });
});

function pythonHasErrors(text: string): boolean {
  const tree = parserFor('python')!.parse(text)!;
  try {
    return tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
