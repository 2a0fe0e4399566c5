// Every node of a syntax tree in document order (pre-order: a node, then its children), collected in
// one walk per tree and shared by the failure rules. Each rule walking the tree itself with
// ts.forEachChild cost, together, about seven times the incremental parse on every keystroke (profile
// of the editor benchmark); one walk and a loop over an array per rule cost about one.
// The walk (engine/parse-ts.ts, the one that sets parent pointers after a parse) also records each
// node's kind in a plain array of numbers, and a rule asks only for the kinds it looks at: reading
// `node.kind` meets a different object shape at every node (V8 cannot cache the lookup), which made a
// rule's mere loop over effect's 1.5 million nodes take about 90 ms.
import ts from 'typescript';
import { statementsToCheck } from '../../../engine/incremental';
import { treeNodes, walkInto, type TreeNodes } from '../../../engine/parse-ts';

// A single slot, not a WeakMap from trees: a list holds its tree's nodes, so key and value would form a
// cycle that only a full collection frees (a scavenge promotes every tree, one per keystroke).
let lastChecked: { tree: ts.SourceFile; statements: ReadonlySet<ts.Statement>; walk: TreeNodes } | undefined;

/** The kinds of node a rule visits, as a table by kind (see `kindsOf`). */
export type NodeKinds = Uint8Array;

/** A table of these kinds, for `nodesToCheck`. Build it on first use: module code must not touch `ts`. */
export function kindsOf(...kinds: ts.SyntaxKind[]): NodeKinds {
  const table = new Uint8Array(ts.SyntaxKind.Count);
  for (const kind of kinds) table[kind] = 1;
  return table;
}

/** Every node of the tree: for lookups that may land anywhere in the file. */
export function syntaxNodes(tree: ts.SourceFile): readonly ts.Node[] {
  return treeNodes(tree).nodes;
}

/**
 * The nodes of these kinds a statement-local check visits in this analysis, in document order: of the
 * whole file, or on a keystroke only of the top-level statements the edit may affect
 * (engine/incremental.ts), the file node first.
 */
export function nodesToCheck(tree: ts.SourceFile, wanted: NodeKinds): ts.Node[] {
  // A declaration file (.d.ts) runs nothing: no call in it can float, time out or swallow an error. Its
  // declarations still feed the workspace index (async-exports.ts reads them) and other files' checks.
  if (tree.isDeclarationFile) return [];
  const statements = statementsToCheck(tree);
  let walk: TreeNodes;
  if (!statements) walk = treeNodes(tree);
  else if (lastChecked?.tree === tree && lastChecked.statements === statements) walk = lastChecked.walk;
  else {
    walk = walkInto({ nodes: [tree], kinds: [tree.kind] }, tree.statements.filter((statement) => statements.has(statement)));
    lastChecked = { tree, statements, walk };
  }
  const { nodes, kinds } = walk;
  const out: ts.Node[] = [];
  for (let i = 0; i < kinds.length; i++) if (wanted[kinds[i]] === 1) out.push(nodes[i]);
  return out;
}

/**
 * Whether `root` or a node under it `matches`, not looking inside nodes `skip` accepts (a function
 * body, say). Stops at the first match: ts.forEachChild returns the first truthy answer.
 */
export function someNode(root: ts.Node, matches: (node: ts.Node) => boolean, skip?: (node: ts.Node) => boolean): boolean {
  const visit = (node: ts.Node): boolean => !skip?.(node) && (matches(node) || ts.forEachChild(node, visit) === true);
  return visit(root);
}
