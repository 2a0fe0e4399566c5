import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ConfigStore } from '../../server/src/engine/config/store';
import { parseConfigText } from '../../server/src/engine/index';
import { engine } from '../helpers/engine';

const knownRuleIds = new Set(engine.rules.map((r) => r.id));
const parse = (text: string) => parseConfigText(text, { knownRuleIds, knownFamilies: new Set(['failure', 'secrets', 'architecture']) });

describe('config parsing', () => {
  it('accepts the documented architecture keys and fills defaults', () => {
    const { config, problems } = parse(`architecture:
  layers:
    domain: src/domain/**
    infra: [src/infra/**, lib/infra/**]
  constraints:
    - layer: domain
      mayImport: []
      mustNotImportPackages: [pg]
      because: pure
  publicApi: [src/infra/*]
  cycles: warn
rules:
  failure/empty-catch: { severity: error, options: {} }
  secrets/*: off
ignore: [dist/**]
limits:
  maxFileSizeKB: 64
`);
    assert.deepEqual(problems, []);
    assert.equal(config?.architecture?.cycles, 'warn');
    assert.equal(config?.limits.maxFileSizeKB, 64);
    assert.deepEqual(config?.ignore, ['dist/**']);
  });

  it('an empty file is the default config', () => {
    const { config, problems } = parse('');
    assert.deepEqual(problems, []);
    assert.equal(config?.limits.maxFileSizeKB, 1024);
  });

  it('reports invalid YAML at its line', () => {
    const { config, problems } = parse('rules:\n  failure/empty-catch: error\n  bad: [unclosed\n');
    assert.equal(config, undefined);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /^Invalid YAML/);
    assert.ok(problems[0].line >= 3, `line ${problems[0].line}`);
  });

  it('reports a wrong severity at the line of the value', () => {
    const { config, problems } = parse('# comment\nrules:\n  failure/empty-catch: loud\n');
    assert.equal(config, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.equal(problems[0].column, 24);
    assert.match(problems[0].message, /rules\.failure\/empty-catch: must be equal to one of the allowed values/);
  });

  it('reports an unknown top-level key at the key', () => {
    const { problems } = parse('rules: {}\nlayers:\n  a: b\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /must NOT have additional properties 'layers'/);
  });

  it('reports every unknown key at its own line, not only the first', () => {
    const { problems } = parse('rules: {}\nlayers:\n  a: b\ngate:\n  maxErrors: 0\narchitecture:\n  layer: {}\n');
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [2, "must NOT have additional properties 'layers'"],
      [4, "must NOT have additional properties 'gate'"],
      [7, "architecture: must NOT have additional properties 'layer'"],
    ]);
  });

  it('reports a constraint on an undeclared layer at its line', () => {
    const { config, problems } = parse('architecture:\n  layers:\n    domain: src/**\n  constraints:\n    - layer: domian\n      mayImport: [infra]\n');
    assert.equal(config, undefined);
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [5, "Unknown layer 'domian': declare it under architecture.layers."],
      [6, "Unknown layer 'infra' in mayImport."],
    ]);
  });

  it('accepts capture layers and the real-codebase constraint keys, and warns about independent without a capture', () => {
    const text = [
      'architecture:',
      '  layers:',
      '    plugin: plugins/{plugin}/**',
      '    upper: [server/routes/**, server/queues/**]',
      '    models: server/models/**',
      '  constraints:',
      '    - layer: plugin',
      '      independent: true',
      '      severity: warning',
      '    - layer: models',
      '      mustNotImport: [upper]',
      '      mustNotImportPackages: [koa, "@aws-sdk/*"]',
      '      ignoreTypeOnly: true',
      '    - layer: upper',
      '      independent: true',
      '',
    ].join('\n');
    const { config, problems } = parse(text);
    assert.ok(config);
    assert.deepEqual(problems.map((p) => [p.line, p.severity, p.message]), [
      [15, 'warning', "independent has no effect: layer 'upper' has no {name} capture in its globs, so it has no instances to keep apart."],
    ]);
  });

  it('warns about unknown rule ids but keeps the config', () => {
    const { config, problems } = parse('rules:\n  failure/empty-catsh: error\n');
    assert.ok(config);
    assert.equal(problems[0].severity, 'warning');
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /Unknown rule 'failure\/empty-catsh'/);
  });

  it('caps YAML alias expansion (billion laughs)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9).fill(i === 1 ? '*a' : '*' + 'b'.repeat(i - 1)).join(',')}]`);
    const { config, problems } = parse(bomb.join('\n') + '\n');
    assert.equal(config, undefined);
    assert.ok(problems.length > 0);
  });
});

describe('config store', () => {
  const root = path.resolve('/ws');
  const files = new Map<string, string>();
  const store = new ConfigStore({ readText: (p) => files.get(p) }, { knownRuleIds });

  beforeEach(() => {
    files.clear();
    store.invalidate();
  });

  it('uses the nearest shipshape.yml up from the file, not above the root', () => {
    files.set(path.join(root, 'shipshape.yml'), 'rules: {}\n');
    files.set(path.join(root, 'packages/a/shipshape.yml'), 'ignore: [x]\n');
    assert.equal(store.configFor(path.join(root, 'packages/a/src/f.ts'), root).path, path.join(root, 'packages/a/shipshape.yml'));
    assert.equal(store.configFor(path.join(root, 'packages/b/src/f.ts'), root).path, path.join(root, 'shipshape.yml'));
    files.set(path.resolve('/shipshape.yml'), 'rules: {}\n');
    assert.equal(store.configFor(path.resolve('/other/f.ts'), path.resolve('/other')).path, undefined);
  });

  it('keeps the last good config while the file is broken, and reports the problem', () => {
    const configPath = path.join(root, 'shipshape.yml');
    files.set(configPath, 'ignore: [a]\n');
    assert.deepEqual(store.load(configPath).config.ignore, ['a']);
    files.set(configPath, 'ignore: [a\n');
    store.invalidate(configPath);
    const broken = store.load(configPath);
    assert.deepEqual(broken.config.ignore, ['a']);
    assert.equal(broken.problems[0].severity, 'error');
    assert.equal(store.isBroken(configPath), true);
    files.set(configPath, 'ignore: [b]\n');
    store.invalidate(configPath);
    assert.deepEqual(store.load(configPath).config.ignore, ['b']);
    assert.equal(store.isBroken(configPath), false);
  });

  it('falls back to defaults when the first version is already broken', () => {
    const configPath = path.join(root, 'shipshape.yml');
    files.set(configPath, 'rules: [\n');
    const loaded = store.load(configPath);
    assert.deepEqual(loaded.config.rules, {});
    assert.equal(loaded.problems.length, 1);
  });
});
