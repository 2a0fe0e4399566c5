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

/** The bundle ships the .wasm files beside itself; from source they are in node_modules. */
function wasmDir(): string {
  if (fs.existsSync(path.join(__dirname, 'tree-sitter.wasm'))) return __dirname;
  // createRequire keeps the bundler from trying to inline a .wasm path.
  return path.join(path.dirname(createRequire(__filename).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}
