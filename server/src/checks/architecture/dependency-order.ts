// The order in which the CLI's single pass analyses files (engine/workspace/parallel.ts): each file
// after the files it imports, so that the workspace index already holds their summaries, made from the
// tree their own analysis parsed, when an importer asks for them. Only an order: a file met before its
// dependency (an import cycle, an import this scan misses) still gets the right answer, from a summary
// the index makes on demand at the cost of one more parse.
import type { FileSystemHost } from '../../engine/types';
import { resolverFor } from './module-resolver';

// The module specifiers of a text, found without parsing: `from "x"` (imports and re-exports),
// `import "x"`, `import("x")`, `require("x")`. Comments and strings can hold false ones; they only
// change the order.
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*["'`]([^"'`\n]{1,300})["'`]/g;

/** `files`, each after the ones it imports among them (depth first; a cycle is cut where it closes). */
export function dependencyOrder<T extends { file: string; text: string }>(files: readonly T[], host: FileSystemHost): T[] {
  const resolver = resolverFor(host);
  const byPath = new Map(files.map((item) => [item.file, item]));
  const dependencies = (item: T): T[] => {
    const found: T[] = [];
    for (const match of item.text.matchAll(SPECIFIER)) {
      const specifier = match[1];
      // Packages are not files of the run: only local-looking specifiers are worth resolving.
      if (!/^[.#/~@]/.test(specifier) && !specifier.includes('/')) continue;
      const resolution = resolver.resolve(item.file, specifier);
      const dependency = resolution.kind === 'file' ? byPath.get(resolution.path) : undefined;
      if (dependency && dependency !== item) found.push(dependency);
    }
    return found;
  };
  const ordered: T[] = [];
  const state = new Map<T, 'open' | 'done'>();
  for (const root of files) {
    if (state.has(root)) continue;
    // Iterative depth-first search: import chains can be longer than the stack is deep.
    const stack: { item: T; next: T[] }[] = [{ item: root, next: dependencies(root) }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const dependency = top.next.pop();
      if (dependency === undefined) {
        stack.pop();
        state.set(top.item, 'done');
        ordered.push(top.item);
      } else if (!state.has(dependency)) {
        state.set(dependency, 'open');
        stack.push({ item: dependency, next: dependencies(dependency) });
      }
    }
  }
  return ordered;
}
