// The primer through its public functions: content, order, size in real tokens, no secret values.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encode } from 'gpt-tokenizer';
import { buildPrimer, renderPrimer, testCommandOf, PRIMER_FORMATS, type PrimerInput } from '../../../server/src/engine/primer/index';
import type { Finding, RuleMeta } from '../../../server/src/engine/index';
import { analyse, engine, loadedConfig, makeWorkspace } from '../../helpers/engine';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'examples/sample-service');
const MONOREPO = path.join(ROOT, 'test/fixtures/arch-monorepo');

function configOf(dir: string) {
  return loadedConfig(fs.readFileSync(path.join(dir, 'shipshape.yml'), 'utf8'), dir);
}

function sampleFindings(): Finding[] {
  const config = fs.readFileSync(path.join(SAMPLE, 'shipshape.yml'), 'utf8');
  const files = ['src/domain/order.ts', 'src/app/place-order.ts', 'src/config/signing-key.ts'];
  const all: Finding[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(SAMPLE, file), 'utf8');
    // analyse() places the file in a temp workspace; point the findings back at the sample.
    const copy = Object.fromEntries(['src/domain/order.ts', 'src/infra/db.ts', 'src/app/place-order.ts', 'src/config/signing-key.ts'].map((f) => [f, fs.readFileSync(path.join(SAMPLE, f), 'utf8')]));
    for (const finding of analyse(text, { filename: file, config, files: { ...copy, 'shipshape.yml': config } })) all.push({ ...finding, file: path.join(SAMPLE, file) });
  }
  return all;
}

function typical(dir: string, extra: Partial<PrimerInput> = {}): PrimerInput {
  return { config: configOf(dir), rules: engine.rules, root: dir, ...extra };
}

function tokens(text: string): number {
  return encode(text).length;
}

describe('primer', () => {
  it('lists the hard constraints first, in config order, each architecture one with its because', () => {
    const text = renderPrimer(buildPrimer(typical(SAMPLE)));
    const lines = text.split('\n');
    assert.equal(lines[0], '# Primer for a fresh session');
    assert.match(lines[2], /^## Hard constraints/);
    assert.equal(
      lines[3],
      '1. `domain` (`src/domain/**`) imports no other layer and never uses the packages `pg`, `axios`, `node:fs` and `node:http`, because the domain model stays free of I/O so it can be unit-tested and reused.',
    );
    assert.equal(lines[4], '2. `app` (`src/app/**`) imports only the `domain` layer, because use cases reach infrastructure only through ports declared in the domain.');
    assert.equal(lines[5], '3. Import a module in `src/infra/*` only through its entry point, never its internal files.');
    assert.equal(lines[6], '4. Add no import cycle between files.');
    assert.match(lines[7], /^5\. Failure paths: No empty catch/, 'the failure rules as one item');
    assert.match(lines[8], /^6\. Never hardcode a key, token or password/);
    assert.equal(lines[9], '', 'one line for all the secret rules');
  });

  it('restates every constraint in one line at the end', () => {
    const text = renderPrimer(buildPrimer(typical(MONOREPO)));
    const last = text.trimEnd().split('\n').pop()!;
    assert.equal(last, 'Remember: domain: no other layer, no pg, node:fs; web: only domain; worker: no requests; packages/* only via entry points; no import cycles; no hardcoded secrets.');
  });

  it('takes rules from their metadata: a rule switched off disappears, a new rule appears without code here', () => {
    const config = configOf(SAMPLE);
    const off = { ...config, config: { ...config.config, rules: { ...config.config.rules, 'failure/empty-catch': 'off' as const, 'secrets/*': 'off' as const } } };
    const text = renderPrimer(buildPrimer({ config: off, rules: engine.rules }));
    assert.ok(!text.includes('empty catch'));
    assert.ok(!text.includes('hardcode'));
    const invented: RuleMeta = {
      id: 'failure/fetch-timeout', family: 'failure', title: 'Fetch without a timeout', rationale: 'r', remedy: 'Pass `signal: AbortSignal.timeout(ms)`. It hangs otherwise.',
      defaultSeverity: 'warning', languages: ['typescript'], examples: { bad: [], good: [] },
    };
    const withNew = renderPrimer(buildPrimer({ config, rules: [...engine.rules, invented] }));
    assert.match(withNew, /\n5\. Failure paths: .*; avoid: fetch without a timeout\. Pass `signal: AbortSignal\.timeout\(ms\)`\.\n/);
    assert.match(withNew, /; every failure path handled; no hardcoded secrets\.\n$/);
  });

  it('skips constraints that are off and rules of families that are not instructions', () => {
    const config = loadedConfig('architecture:\n  layers:\n    a: a/**\n    b: b/**\n  constraints:\n    - layer: a\n      mustNotImport: [b]\n      severity: "off"\n  cycles: allow\n', '/w');
    const primer = buildPrimer({ config, rules: engine.rules });
    assert.equal(primer.constraints.length, 2, 'the failure rules as one item and one line for secrets');
    assert.match(primer.constraints[0].source, /^failure\/empty-catch,failure\//);
    assert.match(primer.constraints[1].source, /^secrets\//);
    assert.ok(primer.constraints.every((c) => c.source !== 'architecture'));
    assert.ok(primer.constraints.every((c) => !c.source.startsWith('shipshape/') && !c.source.startsWith('readiness/')));
  });

  it('shows the open findings of the files touched only, with the task, decisions and verification', () => {
    const findings = sampleFindings();
    assert.equal(findings.length, 3);
    const text = renderPrimer(
      buildPrimer(typical(SAMPLE, { findings, filesTouched: ['src/domain/order.ts', 'src/app/place-order.ts'], testCommand: 'npm test', task: 'Add order cancellation', decisions: ['Cancellations are soft deletes'] })),
    );
    assert.match(text, /## Task\nAdd order cancellation\n/);
    assert.match(text, /## Decisions\n- Cancellations are soft deletes\n/);
    assert.match(text, /Files touched: the 2 with findings below\n/, 'files with findings are named once, below');
    assert.match(text, /Open findings:\n- src\/app\/place-order.ts:8 failure\/empty-catch: Empty catch block\n- src\/domain\/order.ts:2 architecture\/layer-import: domain must not import infra \(src\/infra\/db.ts\)\n\n/);
    assert.ok(!text.includes('signing-key'), 'a file not touched is not listed');
    assert.match(text, /## Verify before you finish\n- `npm test`\n- `shipshape readiness`\n/);
  });

  it('caps the findings listed and says how many more there are', () => {
    const one = sampleFindings().find((f) => f.ruleId === 'failure/empty-catch')!;
    const many = Array.from({ length: 11 }, (_, i) => ({ ...one, line: i + 1 }));
    const text = renderPrimer(buildPrimer(typical(SAMPLE, { findings: many })));
    assert.equal(text.match(/^- src\/app\/place-order\.ts:\d+ /gm)!.length, 8);
    assert.match(text, /- …and 3 more \(`shipshape check`\)/);
  });

  it('never contains a secret value, even when the touched files hold secrets', () => {
    const planted = { stripe: 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab', aws: 'AKIAQ3EGRT7PLM2XKW4Z', github: 'ghp_k3J9x2M5q8W1z4V7b6N0p2R5t8Y1u4I7o0Pa', password: 'Tr0ub4dor&3-horse-Battery' };
    const code = `export const stripe = "${planted.stripe}";\nexport const aws = "${planted.aws}";\nexport const gh = "${planted.github}";\nconst db_password = "${planted.password}";\n`;
    const dir = makeWorkspace({ 'src/config.ts': code });
    const findings = analyse(code, { filename: 'src/config.ts', files: { 'src/config.ts': code } }).map((f) => ({ ...f, file: path.join(dir, 'src/config.ts') }));
    assert.ok(findings.filter((f) => f.family === 'secrets').length >= 4, 'the secrets are found');
    for (const format of PRIMER_FORMATS) {
      const text = renderPrimer(buildPrimer({ config: loadedConfig(undefined, dir), rules: engine.rules, findings, filesTouched: ['src/config.ts'] }), format);
      for (const [name, value] of Object.entries(planted)) {
        assert.ok(!text.includes(value), `${format} primer contains the ${name} value`);
        assert.ok(!text.includes(value.slice(8, 16)), `${format} primer contains part of the ${name} value`);
      }
    }
  });

  it('is deterministic', () => {
    const input = typical(MONOREPO, { findings: sampleFindings(), filesTouched: ['a.ts'] });
    for (const format of PRIMER_FORMATS) assert.equal(renderPrimer(buildPrimer(input), format), renderPrimer(buildPrimer(input), format));
  });

  describe('size (gpt-tokenizer, o200k_base)', () => {
    // The budget: about 400 tokens for a typical config (the sample service), session state
    // included: three files touched, three findings, a task and a decision. The monorepo fixture has
    // three layer constraints with their reasons, so a little more.
    for (const [name, dir, BUDGET] of [['examples/sample-service', SAMPLE, 400], ['test/fixtures/arch-monorepo', MONOREPO, 420]] as const) {
      it(`${name}: every format within ${BUDGET} tokens`, () => {
        const state = { findings: sampleFindings(), filesTouched: ['src/domain/order.ts', 'src/app/place-order.ts', 'src/config/signing-key.ts'].map((f) => path.join(SAMPLE, f)), testCommand: 'npm test', task: 'Add order cancellation', decisions: ['Cancellations are soft deletes'] };
        for (const format of PRIMER_FORMATS) {
          const count = tokens(renderPrimer(buildPrimer(typical(dir, { ...state, root: SAMPLE })), format));
          assert.ok(count <= BUDGET, `${name} ${format}: ${count} tokens`);
          assert.ok(count >= 150, `${name} ${format}: ${count} tokens is too small to hold the constraints`);
        }
      });
    }
  });
});

describe('testCommandOf', () => {
  it('reads scripts.test as data and picks the package manager from the lockfile', () => {
    assert.equal(testCommandOf('{"scripts":{"test":"mocha"}}'), 'npm test');
    assert.equal(testCommandOf('{"scripts":{"test":"vitest"}}', ['pnpm-lock.yaml']), 'pnpm test');
    assert.equal(testCommandOf('{"scripts":{"test":"jest"}}', ['yarn.lock']), 'yarn test');
    assert.equal(testCommandOf('{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}'), undefined);
    assert.equal(testCommandOf('{"scripts":{"build":"tsc"}}'), undefined);
    assert.equal(testCommandOf('{ not json'), undefined);
    assert.equal(testCommandOf(undefined), undefined);
  });
});
