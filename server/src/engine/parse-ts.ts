// One TypeScript/JavaScript parse per document version, shared by every check.
import * as path from 'node:path';
import ts from 'typescript';

// Built on first use: TypeScript loads only when a check needs it (see scripts/build.mjs).
let scriptKinds: Record<string, ts.ScriptKind> | undefined;

function scriptKindOf(filePath: string): ts.ScriptKind {
  scriptKinds ??= {
    '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
    '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
  };
  return scriptKinds[path.extname(filePath).toLowerCase()] ?? ts.ScriptKind.TS;
}

/** The files parseScript has parsed in this process, in order (paths only): tests check that a run parses each file once. */
export const parsedFiles: { record: boolean; paths: string[] } = { record: false, paths: [] };

export function parseScript(filePath: string, text: string): ts.SourceFile {
  if (parsedFiles.record) parsedFiles.paths.push(filePath);
  // JSDoc is parsed only where it carries types (JavaScript files): a tenth of the parse time in TS code.
  // Parent pointers are set by walkTree below, not by the parser: one walk of the tree instead of two.
  const tree = ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, false, scriptKindOf(filePath));
  lastWalk = { tree, walk: walkTree(tree) };
  return tree;
}

/** Every node of a tree in document order (pre-order), with its kind in a plain array (see treeNodes). */
export interface TreeNodes {
  nodes: ts.Node[];
  kinds: number[];
}

// One slot, not a WeakMap from trees: the lists hold the tree's nodes, so key and value would form a
// cycle that only a full collection frees (a scavenge would promote every tree).
let lastWalk: { tree: ts.SourceFile; walk: TreeNodes } | undefined;

/**
 * Every node of the tree in document order, with its kind: what the failure rules loop over (reading
 * `kinds[i]` instead of `node.kind`, a lookup V8 cannot cache across node shapes). Made by the walk that
 * set the parent pointers when parseScript parsed the tree; walked again for another tree.
 */
export function treeNodes(tree: ts.SourceFile): TreeNodes {
  if (lastWalk?.tree !== tree) lastWalk = { tree, walk: walkTree(tree) };
  return lastWalk.walk;
}

/**
 * `roots` and their descendants in pre-order, after what `into` holds, each child's parent set on the
 * way, JSDoc included, as the parser's own fix-up does (a no-op on a tree whose parents are set).
 */
export function walkTree(...roots: ts.Node[]): TreeNodes {
  return walkInto({ nodes: [], kinds: [] }, roots);
}

export function walkInto(into: TreeNodes, roots: readonly ts.Node[]): TreeNodes {
  const { nodes, kinds } = into;
  // One callback for the whole walk, the parent in a variable, rather than a closure per node: a
  // closure for each of effect's 1.5 million nodes was garbage the collector had to sweep.
  let parent: ts.Node | undefined;
  const visit = (node: ts.Node): undefined => {
    // Written only when missing: a reparsed tree has its parents, and a write to an old node, even of
    // the same value, costs the garbage collector (the editor's p95 rose 1.5 ms with plain writes).
    if (parent && node.parent !== parent) (node as { parent: ts.Node }).parent = parent;
    nodes.push(node);
    kinds.push(node.kind);
    bindJsDoc(node);
    const outer = parent;
    parent = node;
    ts.forEachChild(node, visit);
    parent = outer;
    return undefined; // forEachChild stops at a truthy answer
  };
  for (const root of roots) {
    parent = undefined;
    visit(root);
  }
  return into;
}

/** JSDoc comments are not children (forEachChild skips them), but hang off their node and need parents too. */
function bindJsDoc(node: ts.Node): void {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (!docs) return;
  const bind = (parent: ts.Node) => (child: ts.Node): void => {
    if (child.parent !== parent) (child as { parent: ts.Node }).parent = parent;
    ts.forEachChild(child, bind(child));
  };
  for (const doc of docs) bind(node)(doc);
}

/** Whether a tree has syntax errors: TypeScript keeps them on it (`parseDiagnostics`, set by every parse; not in the public typings). */
function hasSyntaxErrors(tree: ts.SourceFile): boolean {
  const { parseDiagnostics } = tree as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] };
  return parseDiagnostics === undefined || parseDiagnostics.length > 0;
}

/** Trees reparseScript built on a tree with syntax errors, or on such a tree in turn (see reparseScript). */
const provisionalTrees = new WeakSet<ts.SourceFile>();

/**
 * Whether a tree may differ from a fresh parse of its text: reparseScript built it on a tree with
 * syntax errors (or on one built so). The server analyses the text afresh once typing pauses.
 */
export function isProvisional(tree: ts.SourceFile): boolean {
  return provisionalTrees.has(tree);
}

/**
 * The tree of `text` built from the tree of an earlier version of the same document: TypeScript's
 * incremental parser reuses every node outside the edited span (a keystroke costs a tenth of a full
 * parse on a 2,000-line file). The edited span is found by comparing the two texts, so any sequence of
 * edits works. `previous` is consumed: the incremental parser moves its nodes into the new tree, so the
 * caller must not use it again.
 *
 * Built on a tree with syntax errors, TypeScript's incremental parser can make a tree a fresh parse would
 * not, and the difference can outlive the error: after edits that left an unterminated string it kept a
 * function body out of line with the text, so an empty catch got another try statement (and fingerprint),
 * and a later valid text still got that tree. It can also throw (`Debug Failure. Expected 236 <= 233`).
 * Over random edit sequences (incremental-parse.test.ts's; 250 × 200 and 120 × 200 of them) that gave 2
 * wrong results and 2 throws; built only on error-free trees, none. Parsing broken text afresh on every
 * keystroke instead doubled p95 in `npm run bench:editor` (14 → 28 ms; 121 of its 190 edits leave a
 * syntax error), so such trees are marked provisional (isProvisional) and the server analyses the text
 * afresh once typing pauses (server.ts analyseAfresh). A throw falls back to a fresh parse.
 */
export function reparseScript(previous: ts.SourceFile, filePath: string, text: string): ts.SourceFile {
  if (previous.fileName !== filePath) return parseScript(filePath, text);
  const old = previous.text;
  if (old === text) return previous;
  const provisional = provisionalTrees.has(previous) || hasSyntaxErrors(previous);
  const shortest = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const change = ts.createTextChangeRange(ts.createTextSpan(prefix, old.length - suffix - prefix), text.length - suffix - prefix);
  let tree: ts.SourceFile;
  try {
    tree = ts.updateSourceFile(previous, text, change);
  } catch {
    return parseScript(filePath, text);
  }
  if (provisional) provisionalTrees.add(tree);
  return tree;
}
