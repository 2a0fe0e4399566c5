// Every regular expression in the engine and its checks runs in V8's backtracking engine, on text a
// workspace controls (a line, a value, a whole file). None may backtrack exponentially: one line such as
// `password: A_A_A_…!` would freeze the language server. The recheck ReDoS analyser checks the regex
// literals of server/src and the expressions built from parts, which are exported for this test.
// Quadratic ones are allowed: each runs on bounded input (a value of at most 1,000 characters, a name,
// 200 characters before an operator) or anchors on a keyword.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ANNOTATED_NAME } from '../../server/src/checks/secrets/assignments';
import { REFERENCE_NAME } from '../../server/src/checks/secrets/generic';
import { rejectedExpressions, type Expression } from '../helpers/redos';

const SOURCE_ROOT = path.resolve(__dirname, '../../server/src');
const CACHE = 'engine-redos-checked.json';

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

/** The expressions that backtrack exponentially, or that the analyser cannot judge. */
function exponential(expressions: Expression[]): Promise<string[]> {
  return rejectedExpressions(expressions, CACHE, (result) => result.status === 'safe' || (result.status === 'vulnerable' && result.complexity.type !== 'exponential'));
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
