// The secrets check around the scan: the generic rule switched off or held back in a limited (untrusted)
// run, rules limited to some paths matched by relative path or file name, which languages count as
// script files, the finding's message, and custom rules (severity off, keywords, capture group, the
// description in the message, placeholders and the entropy floor).
import * as assert from 'node:assert/strict';
import { analyse, visible } from '../../helpers/engine';

const V = 'kT9#vQ2!pL7@xW4z';
const found = (code: string, options: { filename?: string; config?: string } = {}) =>
  visible(analyse(code, options)).filter((f) => f.family === 'secrets').map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endColumn} ${f.severity}`);

describe('secrets check', () => {
  it('runs the generic rule unless it is off, and not in a limited run', () => {
    assert.deepEqual(found(`password = "${V}"\n`, { filename: 'a.py' }), ['secrets/generic-credential 1:13-29 warning']);
    assert.deepEqual(found(`password = "${V}"\n`, { filename: 'a.py', config: 'rules:\n  secrets/generic-credential: off\n' }), []);
    // A file over the size limit gets the secrets pass in limited form: format rules, not the generic one.
    const big = `password = "${V}"\nstripe = "sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab"\n${'#'.repeat(2000)}\n`;
    assert.deepEqual(found(big, { filename: 'a.py', config: 'limits:\n  maxFileSizeKB: 1\n' }).map((f) => f.split(' ')[0]), ['secrets/stripe-key']);
    assert.deepEqual(found(big, { filename: 'a.py' }).map((f) => f.split(' ')[0]), ['secrets/generic-credential', 'secrets/stripe-key']);
  });

  it("takes bare assigned values as expressions in a program's source, and as values in configs, scripts and text", () => {
    for (const filename of ['a.ts', 'a.js', 'a.py', 'a.rb', 'main.go', 'App.java', 'index.php', 'lib.rs']) assert.deepEqual(found(`password = ${V}\n`, { filename }), [], filename);
    for (const filename of ['a.yml', 'a.txt', '.env', 'deploy.sh', 'app.properties', 'Dockerfile']) assert.equal(found(`password = ${V}\n`, { filename }).length, 1, filename);
    // The same values as string literals are found everywhere.
    for (const filename of ['a.ts', 'a.rb', 'main.go', 'App.java', 'index.php']) assert.equal(found(`password = "${V}"\n`, { filename }).length, 1, filename);
  });

  it('says what was found, where, masked, and what to do', () => {
    const [finding] = visible(analyse(`const password = "${V}";\n`)).filter((f) => f.family === 'secrets');
    assert.equal(finding.message, 'Credential hardcoded in `password` (16 characters): anyone who can read this code, its history or a log of it can use it. Load it from a secret store or an environment variable, then rotate it.');
  });

  it('says where the call belongs when the file is a client component (React\'s "use client")', () => {
    const note = ' This file runs in the browser ("use client"): whatever key it reads reaches every visitor, so call the provider from server code (a route handler or server action).';
    const client = (code: string, filename = 'app/chat/page.tsx') => visible(analyse(code, { filename })).filter((f) => f.family === 'secrets').map((f) => f.message);
    const key = 'const openai = new OpenAI({ apiKey: "sk-proj-dDclb6YXanhQUHc7rnyonHoLlGpeTWf7DZpPu8nJNIx39Igc5o91v5oGN6LjREQI7ET3BlbkFJmIr3KSyMGEkRNJoU0VeWx2ruPf6OLhx8cXk7yZQY_NrfDg8", dangerouslyAllowBrowser: true });\n';
    assert.ok(client(`"use client";\n${key}`)[0].endsWith(note));
    assert.ok(client(`// Chat window\n/* streams the reply */\n'use client'\n${key}`)[0].endsWith(note));
    // Elsewhere in the module, or in a server module, the directive is not one.
    assert.ok(!client(`import x from "y";\n"use client";\n${key}`)[0].includes('browser'));
    assert.ok(!client(`"use server";\n${key}`)[0].includes('browser'));
    // A comment that never closes (the file is being typed) ends the search.
    assert.ok(!client(`  /* header\n${key}`)[0].includes('browser'));
  });

  describe('custom rules', () => {
    const custom = (rule: string) => `secrets:\n  custom:\n    - id: acme-token\n${rule}`;
    it('report the capture group (or the whole match), with the description, masked', () => {
      const [finding] = visible(analyse('const t = "acme_q7wz3mr9tp2lx8kv5bn4jh6g";\n', { config: custom('      description: ACME partner token\n      regex: "acme_([a-z0-9]{24})"\n') })).filter((f) => f.ruleId === 'secrets/custom');
      assert.deepEqual([finding.column, finding.endColumn], [17, 41]);
      assert.equal(finding.message, "ACME partner token (24 characters), rule 'acme-token' in shipshape.yml. Load it from a secret store or an environment variable, then rotate it.");
      const [whole] = visible(analyse('const t = "acme_q7wz3mr9tp2lx8kv5bn4jh6g";\n', { config: custom('      regex: "acme_[a-z0-9]{24}"\n') })).filter((f) => f.ruleId === 'secrets/custom');
      assert.deepEqual([whole.column, whole.endColumn], [12, 41]);
      assert.equal(whole.message, "Secret matching custom rule 'acme-token' (29 characters), rule 'acme-token' in shipshape.yml. Load it from a secret store or an environment variable, then rotate it.");
    });
    it('skip files without a keyword, placeholder values, low-entropy values and rules switched off', () => {
      const text = 'const t = "acme_q7wz3mr9tp2lx8kv5bn4jh6g";\n';
      assert.equal(found(text, { config: custom('      regex: "acme_[a-z0-9]{24}"\n      keywords: [ACME_]\n') }).length, 1);
      assert.deepEqual(found(text, { config: custom('      regex: "acme_[a-z0-9]{24}"\n      keywords: [other, none]\n') }), []);
      assert.equal(found(text, { config: custom('      regex: "acme_[a-z0-9]{24}"\n      keywords: [other, acme_]\n') }).length, 1);
      assert.deepEqual(found('const t = "acme_aaaaaaaaaaaaaaaaaaaaaaaa";\n', { config: custom('      regex: "acme_[a-z0-9]{24}"\n      entropy: 3\n') }), []);
      assert.deepEqual(found('const t = "acme_xxxxxq7wz3mr9tp2lx8kv5bn";\n', { config: custom('      regex: "acme_[a-z0-9]{24}"\n') }), []);
      assert.deepEqual(found(text, { config: custom('      regex: "acme_[a-z0-9]{24}"\n      severity: off\n') }), []);
      assert.deepEqual(found(text, { config: custom('      regex: "acme_[a-z0-9]{24}"\n      severity: info\n') }), ['secrets/custom 1:12-41 info']);
    });
  });
});
