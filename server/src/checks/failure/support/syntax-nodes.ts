// Every node of a syntax tree in document order (pre-order: a node, then its children), collected in
// one walk per tree and shared by the failure rules. Each rule walking the tree itself with
// ts.forEachChild cost, together, about seven times the incremental parse on every keystroke (profile
// of the editor benchmark); one walk and a loop over an array per rule cost about one.
import ts from 'typescript';

const nodesByTree = new WeakMap<ts.SourceFile, readonly ts.Node[]>();

export function syntaxNodes(tree: ts.SourceFile): readonly ts.Node[] {
  let nodes = nodesByTree.get(tree);
  if (!nodes) {
    const list: ts.Node[] = [];
    const visit = (node: ts.Node): void => {
      list.push(node);
      ts.forEachChild(node, visit);
    };
    visit(tree);
    nodesByTree.set(tree, (nodes = list));
  }
  return nodes;
}
