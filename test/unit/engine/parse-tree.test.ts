// parseScript sets parent pointers in its own walk (the one that lists the nodes for the failure rules)
// instead of the parser's: the tree must come out exactly as the parser's fix-up leaves it, JSDoc included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { parseScript, treeNodes } from '../../../server/src/engine/parse-ts';

/** Each node (JSDoc too) as `kind@pos-end <- parent kind@pos`, in pre-order. */
function parents(tree: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    out.push(`${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end} <- ${node.parent ? `${ts.SyntaxKind[node.parent.kind]}@${node.parent.pos}` : 'none'}`);
    for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) visit(doc);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return out;
}

const SAMPLES: [string, string][] = [
  ['a.ts', 'import x from "y";\nexport class A<T> extends B implements C {\n  @dec() m(@p a: string): Promise<T> { try { return x(a)!; } catch { } }\n}\n'],
  ['b.js', '/**\n * @param {string} a the name\n * @returns {Promise<number>}\n */\nexport async function f(a) {\n  /** @type {number} */\n  const n = await g(a);\n  return n;\n}\n'],
  ['c.tsx', 'export const App = () => <div onClick={async () => { await go(); }}>{items.map((i) => <li key={i}>{i}</li>)}</div>;\n'],
  ['d.ts', 'label: for (const [k, { v = 1 }] of entries) { if (k) continue label; else break; }\nenum E { A = 1, B }\nnamespace N { export type T = keyof typeof E; }\n'],
];

describe('parseScript: parent pointers from its own walk', () => {
  const fixtures = path.join(__dirname, '..', '..', 'fixtures');
  const files: [string, string][] = [...SAMPLES];
  for (const entry of fs.readdirSync(fixtures, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name)) files.push([entry.name, fs.readFileSync(path.join(entry.parentPath ?? (entry as { path: string }).path, entry.name), 'utf8')]);
  }

  it(`sets every parent as the parser's fix-up does (${SAMPLES.length} samples and the test fixtures)`, () => {
    assert.ok(files.length > SAMPLES.length, 'the fixtures were found');
    for (const [name, text] of files) {
      const ours = parseScript(name, text);
      const theirs = ts.createSourceFile(name, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, name.endsWith('.tsx') ? ts.ScriptKind.TSX : name.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
      assert.deepEqual(parents(ours), parents(theirs), name);
    }
  });

  it('lists every node (not JSDoc) in pre-order with its kind, from the parse or from a walk of another tree', () => {
    for (const [name, text] of SAMPLES) {
      const tree = parseScript(name, text);
      const expected: ts.Node[] = [];
      const visit = (node: ts.Node): void => {
        expected.push(node);
        ts.forEachChild(node, visit);
      };
      visit(tree);
      const listed = treeNodes(tree);
      assert.deepEqual(listed.nodes, expected, name);
      assert.deepEqual(listed.kinds, expected.map((node) => node.kind), name);
    }
    // The JSDoc of the JavaScript sample has parents: its tags point at the comment.
    const js = parseScript('b.js', SAMPLES[1][1]);
    const fn = js.statements[0] as ts.FunctionDeclaration;
    const doc = (fn as { jsDoc?: ts.JSDoc[] }).jsDoc![0];
    assert.equal(doc.parent, fn);
    assert.ok(doc.tags!.every((tag) => tag.parent === doc));
  });
});
