// The primer's constraint lines, exactly: architecture constraints from shipshape.yml (allow-lists,
// deny-lists, independent modules, package lists, glob lists, reasons, constraints switched off, rules
// switched off, public API and cycles) and rule instructions (derived from title and remedy, or given;
// duplicates once; failure rules grouped; long remedies shortened), plus the headline and first-sentence
// helpers that shorten findings and remedies.
import * as assert from 'node:assert/strict';
import type { RuleMeta } from '../../../server/src/engine/index';
import { firstSentence, headline } from '../../../server/src/engine/primer/constraints';
import { architectureConstraints, ruleConstraints } from '../../../server/src/engine/primer/index';
import { engine, loadedConfig } from '../../helpers/engine';

const ARCHITECTURE = `architecture:
  layers:
    domain: src/domain/**
    app: [src/app/**, src/jobs/**]
    plugin: plugins/{plugin}/**
    ui: src/ui/**
    shared: src/shared/**
  constraints:
    - layer: domain
      mayImport: []
      mayImportPackages: []
      because: "  The model stays pure.  "
    - layer: app
      mayImport: [domain, shared]
      mustNotImportPackages: [pg]
    - layer: plugin
      independent: true
      mustNotImport: [app, ui]
      mayImportPackages: [lodash, zod]
      because: HTTP stays out.
    - layer: ui
      mustNotImport: [domain]
      severity: off
    - layer: shared
      mayImportPackages: [lodash]
  publicApi: [src/domain]
  cycles: allow
`;

const lines = (constraints: { text: string; recap: string; source: string }[]) => constraints.map((c) => `${c.text} | ${c.recap} | ${c.source}`);
const meta = (id: string, title: string, remedy: string, instruction?: { text: string; recap: string }) =>
  ({ id, family: id.split('/')[0], title, remedy, rationale: '', defaultSeverity: 'warning', languages: '*', examples: { bad: [], good: [] }, instruction }) as RuleMeta;

describe('primer constraints (exact)', () => {
  it('turns every kind of architecture constraint into one line and a recap', () => {
    assert.deepEqual(lines(architectureConstraints(loadedConfig(ARCHITECTURE, '/w').config, engine.rules)), [
      '`domain` (`src/domain/**`) imports no other layer and uses no packages, because the model stays pure. | domain: no other layer, no packages | architecture',
      '`app` (`src/app/**`, `src/jobs/**`) imports only the `domain` and `shared` layers and never uses the package `pg`. | app: only domain, shared, no pg | architecture',
      '`plugin` (`plugins/{plugin}/**`) never imports `app` and `ui`, its modules never import each other and uses only the packages `lodash` and `zod`, because HTTP stays out. | plugin: not app, ui, modules independent, only lodash, zod | architecture',
      '`shared` (`src/shared/**`) uses only the package `lodash`. | shared: only lodash | architecture',
      'Import a module in `src/domain` only through its entry point, never its internal files. | src/domain only via entry points | architecture',
    ]);
  });

  it('leaves out what switched-off rules would check, and adds cycles unless allowed', () => {
    const config = loadedConfig('rules:\n  architecture/forbidden-package: off\n  architecture/public-api: off\narchitecture:\n  layers:\n    domain: src/domain/**\n  constraints:\n    - layer: domain\n      mayImport: []\n      mustNotImportPackages: [pg]\n  publicApi: [src/domain]\n  cycles: warn\n', '/w').config;
    assert.deepEqual(lines(architectureConstraints(config, engine.rules)), [
      '`domain` (`src/domain/**`) imports no other layer. | domain: no other layer | architecture',
      'Add no import cycle between files. | no import cycles | architecture',
    ]);
    assert.deepEqual(architectureConstraints(loadedConfig('rules: {}\n', '/w').config, engine.rules), []);
  });

  it('turns enabled failure and secrets rules into instructions, once each, failure rules as one item', () => {
    const rules = [
      meta('secrets/a', 'AWS key', 'Use a vault. Then rotate.'),
      meta('failure/x', 'Empty catch', 'Handle it!  Really.'),
      meta('failure/y', 'Floating promise', 'Await it', { text: 'Await every promise.', recap: 'promises awaited' }),
      meta('secrets/b', 'Token', 'x', { text: 'Await every promise.', recap: 'dup' }),
      meta('architecture/z', 'Layer', 'x'),
      meta('failure/w', 'Slow thing', 'A '.repeat(150) + 'end.'),
    ];
    assert.deepEqual(lines(ruleConstraints(loadedConfig(undefined, '/w').config, rules)), [
      'Avoid: AWS key. Use a vault. | no AWS key | secrets/a',
      `Failure paths: Avoid: empty catch. Handle it!; await every promise; avoid: slow thing. ${'A '.repeat(99)}A…. | every failure path handled | failure/x,failure/y,failure/w`,
    ]);
    assert.deepEqual(lines(ruleConstraints(loadedConfig('rules:\n  failure/*: off\n', '/w').config, [meta('failure/x', 'Empty catch', 'Handle it.'), meta('secrets/a', 'AWS key', 'Use a vault')])), [
      'Avoid: AWS key. Use a vault | no AWS key | secrets/a',
    ]);
    assert.deepEqual(lines(ruleConstraints(loadedConfig(undefined, '/w').config, [meta('failure/x', 'Empty catch', 'Handle it.')])), ['Avoid: empty catch. Handle it. | no empty catch | failure/x']);
  });

  it('shortens finding messages to their headline and remedies to their first sentence', () => {
    assert.deepEqual(
      [headline('Empty catch block: errors vanish. Do x.'), headline('`a.b: c` is wrong. Fix'), headline('No separator here'), headline('Trailing dot.'), headline('a  \n b: c'), headline('x'.repeat(130) + '. y')],
      ['Empty catch block', '`a.b: c` is wrong', 'No separator here', 'Trailing dot', 'a b', `${'x'.repeat(119)}…`],
    );
    assert.deepEqual([firstSentence('One. Two.'), firstSentence('  No end  '), firstSentence('Q? yes'), firstSentence('Two\n  lines. Next'), firstSentence('x'.repeat(210) + '.')], ['One.', 'No end', 'Q?', 'Two lines.', `${'x'.repeat(199)}…`]);
  });
});
