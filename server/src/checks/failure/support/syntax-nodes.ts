// Every node of a syntax tree in document order (pre-order: a node, then its children), collected in
// one walk per tree and shared by the failure rules. Each rule walking the tree itself with
// ts.forEachChild cost, together, about seven times the incremental parse on every keystroke (profile
// of the editor benchmark); one walk and a loop over an array per rule cost about one.
import ts from 'typescript';
import { statementsToCheck } from '../../../engine/incremental';

// Single slots, not WeakMaps from trees: a list holds its tree's nodes, so key and value would form a
// cycle that only a full collection frees (a scavenge promotes every tree, one per keystroke).
let lastAll: { tree: ts.SourceFile; nodes: readonly ts.Node[] } | undefined;
let lastChecked: { tree: ts.SourceFile; statements: ReadonlySet<ts.Statement>; nodes: readonly ts.Node[] } | undefined;

/** Every node of the tree: for lookups that may land anywhere in the file. */
export function syntaxNodes(tree: ts.SourceFile): readonly ts.Node[] {
  if (lastAll?.tree !== tree) lastAll = { tree, nodes: collect([tree]) };
  return lastAll.nodes;
}

/**
 * The nodes a statement-local check visits in this analysis: all of them, or on a keystroke only
 * those of the top-level statements the edit may affect (engine/incremental.ts), the file node first.
 */
export function nodesToCheck(tree: ts.SourceFile): readonly ts.Node[] {
  const statements = statementsToCheck(tree);
  if (!statements) return syntaxNodes(tree);
  if (lastChecked?.tree === tree && lastChecked.statements === statements) return lastChecked.nodes;
  const nodes = collect(tree.statements.filter((statement) => statements.has(statement)), [tree]);
  lastChecked = { tree, statements, nodes };
  return nodes;
}

/** `roots` and their descendants in pre-order, after what `list` holds. */
function collect(roots: readonly ts.Node[], list: ts.Node[] = []): ts.Node[] {
  const visit = (node: ts.Node): void => {
    list.push(node);
    ts.forEachChild(node, visit);
  };
  for (const root of roots) visit(root);
  return list;
}
