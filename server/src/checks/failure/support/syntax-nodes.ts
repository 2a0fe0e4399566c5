// Every node of a syntax tree in document order (pre-order: a node, then its children), collected in
// one walk per tree and shared by the failure rules. Each rule walking the tree itself with
// ts.forEachChild cost, together, about seven times the incremental parse on every keystroke (profile
// of the editor benchmark); one walk and a loop over an array per rule cost about one.
// The walk also records each node's kind in a plain array of numbers, and a rule asks only for the kinds
// it looks at: reading `node.kind` meets a different object shape at every node (V8 cannot cache the
// lookup), which made a rule's mere loop over effect's 1.5 million nodes take about 90 ms.
import ts from 'typescript';
import { statementsToCheck } from '../../../engine/incremental';

interface Walk {
  nodes: ts.Node[];
  kinds: number[];
}

// Single slots, not WeakMaps from trees: a list holds its tree's nodes, so key and value would form a
// cycle that only a full collection frees (a scavenge promotes every tree, one per keystroke).
let lastAll: { tree: ts.SourceFile; walk: Walk } | undefined;
let lastChecked: { tree: ts.SourceFile; statements: ReadonlySet<ts.Statement>; walk: Walk } | undefined;

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
  return allOf(tree).nodes;
}

function allOf(tree: ts.SourceFile): Walk {
  if (lastAll?.tree !== tree) lastAll = { tree, walk: collect([tree]) };
  return lastAll.walk;
}

/**
 * The nodes of these kinds a statement-local check visits in this analysis, in document order: of the
 * whole file, or on a keystroke only of the top-level statements the edit may affect
 * (engine/incremental.ts), the file node first.
 */
export function nodesToCheck(tree: ts.SourceFile, wanted: NodeKinds): ts.Node[] {
  const statements = statementsToCheck(tree);
  let walk: Walk;
  if (!statements) walk = allOf(tree);
  else if (lastChecked?.tree === tree && lastChecked.statements === statements) walk = lastChecked.walk;
  else {
    walk = collect(tree.statements.filter((statement) => statements.has(statement)), { nodes: [tree], kinds: [tree.kind] });
    lastChecked = { tree, statements, walk };
  }
  const { nodes, kinds } = walk;
  const out: ts.Node[] = [];
  for (let i = 0; i < kinds.length; i++) if (wanted[kinds[i]] === 1) out.push(nodes[i]);
  return out;
}

/** `roots` and their descendants in pre-order, after what `walk` holds. */
function collect(roots: readonly ts.Node[], walk: Walk = { nodes: [], kinds: [] }): Walk {
  const { nodes, kinds } = walk;
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    kinds.push(node.kind);
    ts.forEachChild(node, visit);
  };
  for (const root of roots) visit(root);
  return walk;
}
