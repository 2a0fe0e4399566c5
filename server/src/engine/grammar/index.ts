// Tree-sitter grammars (WebAssembly, from @vscode/tree-sitter-wasm) behind one interface, so a check for
// Python today and Go or Java later asks for a parser by language name. Grammars load asynchronously,
// once, when whoever starts the engine asks for them (`loadGrammar`); until then `parserFor` returns
// undefined and checks of that language report nothing rather than guess.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Language, Parser, type Node, type Tree } from '@vscode/tree-sitter-wasm';

export type { Node as SyntaxNode, Tree as SyntaxTree } from '@vscode/tree-sitter-wasm';

/** Grammars the build copies beside the bundle (scripts/build.mjs); add a name here and there together. */
export type GrammarName = 'python';

const parsers = new Map<GrammarName, Parser>();
const loading = new Map<GrammarName, Promise<void>>();
let runtime: Promise<void> | undefined;

/** Loads a grammar; safe to call more than once. Failure leaves that language unanalysed. */
export function loadGrammar(name: GrammarName): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = (async () => {
      const dir = wasmDir();
      runtime ??= Parser.init({ locateFile: (file: string) => path.join(dir, file) });
      await runtime;
      const language = await Language.load(fs.readFileSync(path.join(dir, `tree-sitter-${name}.wasm`)));
      const parser = new Parser();
      parser.setLanguage(language);
      parsers.set(name, parser);
    })().catch(() => undefined);
    loading.set(name, pending);
  }
  return pending;
}

/** The grammar's parser once loaded. Parsers are not re-entrant: parse, read, then `tree.delete()`. */
export function parserFor(name: GrammarName): Parser | undefined {
  return parsers.get(name);
}

/**
 * Hands `read` the syntax tree of `text`. Returns undefined when the grammar is not loaded. Node
 * indices are UTF-16 offsets, the engine's own.
 *
 * The last tree parsed is kept for the next call with the same text: the rules of a language each ask
 * for the tree of the document being analysed, and one parse serves them all (a 2,000-line Python file
 * takes about 10 ms to parse; seven rules parsed it seven times). It is freed (WASM memory is not
 * garbage-collected) when another text is parsed, unless a `read` is still using it: a text parsed
 * from inside a `read` (another module, read on demand) gets a tree of its own, freed after.
 */
export function withSyntaxTree<T>(name: GrammarName, text: string, read: (root: Node, tree: Tree) => T): T | undefined {
  const parser = parsers.get(name);
  if (!parser) return undefined;
  if (last && last.name === name && last.text === text) return reading(last.tree, read);
  const tree = parser.parse(text);
  if (!tree) return undefined;
  if (readers > 0) {
    try {
      return read(tree.rootNode, tree);
    } finally {
      tree.delete();
    }
  }
  last?.tree.delete();
  last = { name, text, tree };
  return reading(tree, read);
}

/** Frees the kept tree (tests that count WASM memory, or a host done with a language). */
export function releaseSyntaxTrees(): void {
  if (readers === 0) {
    last?.tree.delete();
    last = undefined;
  }
}

let last: { name: GrammarName; text: string; tree: Tree } | undefined;
/** How many `read` calls are running on the kept tree. */
let readers = 0;

function reading<T>(tree: Tree, read: (root: Node, tree: Tree) => T): T {
  readers++;
  try {
    return read(tree.rootNode, tree);
  } finally {
    readers--;
  }
}

/**
 * The nodes of these types under `root`, in document order (an outer node before the nodes it holds).
 * Under a tree's root, the node kinds the rules look for are gathered in one walk per tree and shared:
 * each rule asking the tree-sitter runtime for its own kinds walked the whole tree again (a dozen walks
 * of a 2,000-line file cost more than its parse).
 */
export function nodesOfType(root: Node, types: string | readonly string[]): Node[] {
  const wanted = typeof types === 'string' ? [types] : types;
  if (root.parent || !wanted.every((type) => SHARED_KINDS.has(type))) return root.descendantsOfType(wanted as string[]).filter((node): node is Node => !!node);
  let byType = gathered.get(root.tree);
  if (!byType) {
    byType = new Map();
    for (const node of root.descendantsOfType([...SHARED_KINDS])) {
      if (!node) continue;
      const list = byType.get(node.type);
      if (list) list.push(node);
      else byType.set(node.type, [node]);
    }
    gathered.set(root.tree, byType);
  }
  if (wanted.length === 1) return byType.get(wanted[0]) ?? [];
  return wanted.flatMap((type) => byType!.get(type) ?? []).sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** The node kinds the Python rules look for under a module's root. */
const SHARED_KINDS = new Set([
  'import_statement', 'import_from_statement', 'function_definition', 'call', 'expression_statement',
  'return_statement', 'except_clause', 'while_statement', 'for_statement', 'assignment', 'as_pattern',
]);
const gathered = new WeakMap<Tree, Map<string, Node[]>>();

/** The bundle ships the .wasm files beside itself; from source they are in node_modules. */
function wasmDir(): string {
  if (fs.existsSync(path.join(__dirname, 'tree-sitter.wasm'))) return __dirname;
  // createRequire keeps the bundler from trying to inline a .wasm path.
  return path.join(path.dirname(createRequire(__filename).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}
