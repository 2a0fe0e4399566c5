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
 * Parses `text`, hands the tree to `read`, and frees the tree (WASM memory is not garbage-collected).
 * Returns undefined when the grammar is not loaded. Node indices are UTF-16 offsets, the engine's own.
 */
export function withSyntaxTree<T>(name: GrammarName, text: string, read: (root: Node, tree: Tree) => T): T | undefined {
  const parser = parsers.get(name);
  if (!parser) return undefined;
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    return read(tree.rootNode, tree);
  } finally {
    tree.delete();
  }
}

/** The bundle ships the .wasm files beside itself; from source they are in node_modules. */
function wasmDir(): string {
  if (fs.existsSync(path.join(__dirname, 'tree-sitter.wasm'))) return __dirname;
  // createRequire keeps the bundler from trying to inline a .wasm path.
  return path.join(path.dirname(createRequire(__filename).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}
