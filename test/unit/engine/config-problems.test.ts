// shipshape.yml problems as the editor shows them: the message and the exact range to underline, and
// the config store that finds, caches and re-reads config files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { defaultConfig } from '../../../server/src/engine/config/model';
import { ConfigStore } from '../../../server/src/engine/config/store';
import { parseConfigText } from '../../../server/src/engine/index';
import { engine } from '../../helpers/engine';

const knownRuleIds = new Set(engine.rules.map((r) => r.id));
const parse = (text: string) => parseConfigText(text, { knownRuleIds, knownFamilies: new Set(['failure', 'secrets', 'architecture']) });
/** Each problem as "severity line:column-endLine:endColumn message". */
const problems = (text: string) => parse(text).problems.map((p) => `${p.severity} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`);

describe('config problems', () => {
  it('warn about unknown rules and families at the key, and keep the config', () => {
    const { config, problems: found } = parse('rules:\n  nope/*: off\n  failure/typo: warning\n  failure/empty-catch: error\n');
    assert.deepEqual(found.map((p) => `${p.severity} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`), [
      "warning 2:3-2:9 Unknown rule family 'nope'.",
      "warning 3:3-3:15 Unknown rule 'failure/typo': this setting has no effect.",
    ]);
    assert.equal(config?.rules['failure/empty-catch'], 'error');
    // Without the lists of known ids nothing is said.
    assert.deepEqual(parseConfigText('rules:\n  nope/*: off\n  failure/typo: warning\n').problems, []);
  });

  it('warn when a constraint sets both mayImport and mustNotImport, or independent without a capture', () => {
    assert.deepEqual(problems('architecture:\n  layers:\n    a: src/a/**\n    b: src/b/**\n  constraints:\n    - layer: a\n      mayImport: [b]\n      mustNotImport: [b]\n'), [
      'warning 8:7-8:20 Both mayImport and mustNotImport are set: mayImport already denies every layer it does not list.',
    ]);
    assert.deepEqual(problems('architecture:\n  layers:\n    a: src/a/**\n  constraints:\n    - layer: a\n      independent: true\n'), [
      "warning 6:7-6:18 independent has no effect: layer 'a' has no {name} capture in its globs, so it has no instances to keep apart.",
    ]);
    assert.deepEqual(problems('architecture:\n  layers:\n    a: [lib/**, "src/{name}/**"]\n  constraints:\n    - layer: a\n      independent: true\n'), []);
    assert.deepEqual(problems('architecture:\n  layers:\n    a: src/a/**\n  constraints:\n    - layer: a\n      mayImport: []\n'), []);
  });

  it('report schema errors at the value, unknown keys at the key, with the path', () => {
    assert.deepEqual(problems('limits:\n  maxFileSizeKB: -1\n  extra: 1\n'), ["error 3:3-3:8 limits: must NOT have additional properties 'extra'", 'error 2:18-2:20 limits.maxFileSizeKB: must be > 0']);
    // Every unknown key at its own key, not only the first.
    assert.deepEqual(problems('a: &a [1]\nb: *a\n'), ["error 1:1-1:2 must NOT have additional properties 'a'", "error 2:1-2:2 must NOT have additional properties 'b'"]);
    assert.deepEqual(problems('rules: [1, 2]\n'), ['error 1:8-1:14 rules: must be object']);
    assert.deepEqual(problems('ignore: "x"\n'), ['error 1:9-1:12 ignore: must be array']);
    assert.deepEqual(problems('- 1\n- 2\n'), ['error 1:1-1:2 must be object']);
    assert.deepEqual(problems('limits: 5\n'), ['error 1:9-1:10 limits: must be object']);
    // Array items are addressed by index.
    assert.deepEqual(problems('ignore: [a, 3]\n'), ['error 1:13-1:14 ignore.1: must be string']);
    // A multi-line value is underlined on its first line only.
    assert.deepEqual(problems('rules:\n  failure/empty-catch: |\n    multi\n    line\n'), ['error 2:24-2:25 rules.failure/empty-catch: must be equal to one of the allowed values']);
    assert.deepEqual(problems('rules:\n  failure/empty-catch: [error,\n    warning]\n'), ['error 2:24-2:25 rules.failure/empty-catch: must be equal to one of the allowed values']);
  });

  it('prefer the concrete error inside a rule setting to the summary of its alternatives', () => {
    assert.deepEqual(problems('rules:\n  failure/empty-catch:\n    severity: loud\n'), [
      'error 3:5-3:6 rules.failure/empty-catch: must be equal to one of the allowed values',
      'error 3:15-3:19 rules.failure/empty-catch.severity: must be equal to one of the allowed values',
    ]);
    assert.deepEqual(problems('rules:\n  failure/empty-catch: 3\n'), ['error 2:24-2:25 rules.failure/empty-catch: must be equal to one of the allowed values']);
  });

  it('report invalid YAML, duplicate keys and alias bombs on their first line', () => {
    assert.deepEqual(problems('key: 1\nkey: 2\n'), ['error 2:1-2:2 Invalid YAML: Map keys must be unique at line 2, column 1:']);
    assert.deepEqual(problems('x: [a, b\n'), ['error 2:1-2:2 Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const result = parse(bomb.join('\n') + '\n');
    assert.equal(result.config, undefined);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /^Invalid YAML: Excessive alias count/);
    assert.ok(!result.problems[0].message.includes('\n'));
    assert.deepEqual([result.problems[0].line, result.problems[0].column, result.problems[0].endLine, result.problems[0].endColumn], [1, 1, 1, 2]);
  });

  it('report custom secret regexes RE2 cannot run at the pattern', () => {
    assert.deepEqual(problems('secrets:\n  custom:\n    - id: x\n      regex: "(?<=a)b"\n'), ['error 4:14-4:23 Invalid regex for RE2 (the linear-time engine custom rules run in): error parsing regexp: invalid named capture: `(?<=a)b`']);
  });

  it('fill defaults for what is left out', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(parse('').config)), defaultConfig());
    assert.deepEqual(defaultConfig(), { rules: {}, ignore: [], limits: { maxFileSizeKB: 1024, timeBudgetMs: 2000, maxFindingsPerFile: 200 } });
    assert.deepEqual(parse('architecture:\n  layers: {}\n').config?.architecture, { layers: {}, constraints: [], publicApi: [], cycles: 'forbid' });
    assert.deepEqual(parse('architecture:\n  constraints: []\n').config?.architecture?.layers, {});
    assert.deepEqual(parse('limits:\n  timeBudgetMs: 5\n').config?.limits, { maxFileSizeKB: 1024, timeBudgetMs: 5, maxFindingsPerFile: 200 });
  });
});

describe('config store', () => {
  function store(files: Record<string, string>) {
    const reads: string[] = [];
    const s = new ConfigStore({ readText: (p) => { reads.push(p); return files[p]; } }, { knownRuleIds });
    return { store: s, reads, files };
  }

  it('finds the nearest config, stopping at the root, and gives defaults rooted there otherwise', () => {
    const { store: s } = store({ '/r/shipshape.yml': 'rules: {}\n', '/r/a/shipshape.yml': 'ignore: [x]\n' });
    assert.equal(s.findConfigPath('/r/a/b/c.ts'), '/r/a/shipshape.yml');
    assert.equal(s.findConfigPath('/r/x/c.ts'), '/r/shipshape.yml');
    assert.equal(s.findConfigPath('/r/x/c.ts', '/r/x'), undefined);
    assert.equal(s.findConfigPath('/r/x/c.ts', '/r'), '/r/shipshape.yml');
    // A root that is not above the file stops the search at once.
    assert.equal(s.findConfigPath('/r/x/c.ts', '/elsewhere'), undefined);
    assert.equal(s.findConfigPath('/other/c.ts'), undefined);
    assert.deepEqual(s.configFor('/r/x/c.ts', '/r/x'), { dir: path.resolve('/r/x'), config: defaultConfig(), problems: [] });
    assert.deepEqual(s.configFor('/other/d/c.ts'), { dir: '/other/d', config: defaultConfig(), problems: [] });
    assert.deepEqual(s.configFor('/r/a/c.ts').config.ignore, ['x']);
    assert.deepEqual(s.knownConfigPaths().sort(), ['/r/a/shipshape.yml', '/r/shipshape.yml']);
  });

  it('reads each file once until invalidated, and keeps the last good config while a file is broken', () => {
    const { store: s, reads, files } = store({ '/r/shipshape.yml': 'ignore: [a]\n' });
    assert.deepEqual(s.load('/r/shipshape.yml').config.ignore, ['a']);
    s.load('/r/shipshape.yml');
    assert.equal(reads.filter((p) => p === '/r/shipshape.yml').length, 1);
    assert.equal(s.isBroken('/r/shipshape.yml'), false);
    assert.equal(s.isBroken('/r/never-loaded.yml'), false);

    files['/r/shipshape.yml'] = 'ignore: [b\n';
    assert.deepEqual(s.load('/r/shipshape.yml').config.ignore, ['a']); // not re-read yet
    s.invalidate('/r/shipshape.yml');
    const broken = s.load('/r/shipshape.yml');
    assert.deepEqual(broken.config.ignore, ['a']); // last good
    assert.equal(broken.problems[0].severity, 'error');
    assert.equal(broken.path, '/r/shipshape.yml');
    assert.equal(s.isBroken('/r/shipshape.yml'), true);

    files['/r/shipshape.yml'] = 'ignore: [c]\n';
    s.invalidate();
    assert.deepEqual(s.load('/r/shipshape.yml').config.ignore, ['c']);
    assert.equal(s.isBroken('/r/shipshape.yml'), false);

    // Deleted: defaults, and no longer broken or cached.
    delete files['/r/shipshape.yml'];
    s.invalidate('/r/shipshape.yml');
    assert.deepEqual(s.load('/r/shipshape.yml'), { dir: '/r', config: defaultConfig(), problems: [] });
    assert.equal(s.isBroken('/r/shipshape.yml'), false);
    assert.deepEqual(s.knownConfigPaths(), ['/r/shipshape.yml']);
  });

  it('a file broken from the start analyses with the defaults', () => {
    const { store: s } = store({ '/r/shipshape.yml': 'rules: [\n' });
    const loaded = s.load('/r/shipshape.yml');
    assert.deepEqual(loaded.config, defaultConfig());
    assert.equal(s.isBroken('/r/shipshape.yml'), true);
    // A warning alone does not make it broken.
    const { store: t } = store({ '/r/shipshape.yml': 'rules:\n  failure/typo: off\n' });
    assert.equal(t.load('/r/shipshape.yml').problems.length, 1);
    assert.equal(t.isBroken('/r/shipshape.yml'), false);
  });
});
