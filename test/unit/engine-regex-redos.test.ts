// Every regular expression in the engine and its checks runs in V8's backtracking engine, on text a
// workspace controls (a line, a value, a whole file). None may backtrack exponentially: one line such as
// `password: A_A_A_…!` would freeze the language server. The recheck ReDoS analyser checks the regex
// literals of server/src and the expressions built from parts, which are exported for this test.
// Quadratic ones are allowed: each runs on bounded input (a value of at most 1,000 characters, a name,
// 200 characters before an operator) or anchors on a keyword.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from 'recheck';
import * as ts from 'typescript';
import { ANNOTATED_NAME } from '../../server/src/checks/secrets/assignments';
import { REFERENCE_NAME } from '../../server/src/checks/secrets/generic';

const SOURCE_ROOT = path.resolve(__dirname, '../../server/src');
// Verdicts are remembered in node_modules/.cache (never committed; a clean checkout checks all), keyed
// by the expression and the analyser's version, as in the rule pack's ReDoS test.
const CACHE = path.resolve(__dirname, '../../node_modules/.cache/shipshape/engine-redos-checked.json');
const RECHECK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version;
const keyOf = (source: string, flags: string) => createHash('sha256').update(`${RECHECK_VERSION}\0${source}\0${flags}`).digest('hex');
// Step limits only, with a fixed seed: the verdict must not depend on how busy the machine is.
const ANALYSER_OPTIONS = { timeout: null, attackTimeout: null, incubationTimeout: null, randomSeed: 20261130 } as const;

interface Expression {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (full.endsWith('.ts')) out.push(full);
  }
  return out;
}

function regexLiterals(file: string): Expression[] {
  const tree = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(tree);
      const end = text.lastIndexOf('/');
      found.push({ where: `${path.relative(SOURCE_ROOT, file)}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}`, source: text.slice(1, end), flags: text.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

async function exponential(expressions: Expression[]): Promise<string[]> {
  const known = (() => {
    try {
      return new Set(JSON.parse(fs.readFileSync(CACHE, 'utf8')) as string[]);
    } catch {
      return new Set<string>();
    }
  })();
  const unchecked = expressions.filter((e) => !known.has(keyOf(e.source, e.flags)));
  const bad: string[] = [];
  // Two at a time: this machine has two cores.
  for (let i = 0; i < unchecked.length; i += 2) {
    await Promise.all(
      unchecked.slice(i, i + 2).map(async (e) => {
        // `g` and `y` change where matching starts, not how it backtracks.
        const result = await check(e.source, e.flags.replace(/[gyd]/g, ''), ANALYSER_OPTIONS);
        if (result.status === 'unknown' || (result.status === 'vulnerable' && result.complexity.type === 'exponential')) bad.push(`${e.where} /${e.source}/: ${result.status}`);
        else known.add(keyOf(e.source, e.flags));
      }),
    );
  }
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  fs.writeFileSync(CACHE, JSON.stringify([...known]));
  return bad;
}

describe('regular expressions of the engine and ReDoS', function () {
  this.timeout(900000);

  it('the analyser flags an exponential expression as such (the check can fail)', async () => {
    assert.deepEqual(await exponential([{ where: 'known', source: '^(?:[A-Z][a-z]*|[A-Z]+)(?:_(?:[A-Z][a-z]*|[A-Z]+))*$', flags: '' }]), ['known /^(?:[A-Z][a-z]*|[A-Z]+)(?:_(?:[A-Z][a-z]*|[A-Z]+))*$/: vulnerable']);
  });

  it('no expression in server/src backtracks exponentially', async function () {
    // Under mutation testing this checks source text, not mutated code.
    if ('__stryker__' in globalThis) this.skip();
    const literals = sourceFiles(SOURCE_ROOT).flatMap(regexLiterals);
    assert.ok(literals.length > 200, `found ${literals.length} regex literals`);
    const built: Expression[] = [
      { where: 'secrets/generic.ts REFERENCE_NAME', source: REFERENCE_NAME.source, flags: REFERENCE_NAME.flags },
      { where: 'secrets/assignments.ts ANNOTATED_NAME', source: ANNOTATED_NAME.source, flags: ANNOTATED_NAME.flags },
    ];
    assert.deepEqual(await exponential([...literals, ...built]), []);
  });
});
