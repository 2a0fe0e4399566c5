// Where a Python name got its value, read from the syntax tree alone: the rules that follow a value back
// to its source (unguarded-parse, unbounded-concurrency) share this one reading.
import type { SyntaxNode } from '../../../engine/grammar/index';

/**
 * The value a name was last given before `at`, in the same function, lambda or module (not in a nested
 * one): `name = value`, or `with value as name`. Undefined when the scope gives it none (a parameter, a
 * global). The last assignment in the text wins, whatever branch it is in.
 */
export function binding(name: string, at: SyntaxNode): SyntaxNode | undefined {
  const scope = enclosingScope(at);
  let found: SyntaxNode | undefined;
  for (const node of scope.descendantsOfType(['assignment', 'with_item'])) {
    if (!node || node.startIndex >= at.startIndex) continue;
    if (node.type === 'assignment' && node.childForFieldName('left')?.text === name) {
      const right = node.childForFieldName('right');
      if (right && enclosingScope(node).id === scope.id) found = right;
    } else if (node.type === 'with_item') {
      const item = node.namedChildren[0];
      if (item?.type === 'as_pattern' && item.childForFieldName('alias')?.text === name && item.namedChildren[0] && enclosingScope(node).id === scope.id) found = item.namedChildren[0];
    }
  }
  return found;
}

/** The function or lambda a node is in, or the module's root. */
export function enclosingScope(node: SyntaxNode): SyntaxNode {
  let current: SyntaxNode = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'lambda') return parent;
  }
  return current;
}
