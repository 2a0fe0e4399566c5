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
  return ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, scriptKindOf(filePath));
}

/**
 * The tree of `text` built from the tree of an earlier version of the same document: TypeScript's
 * incremental parser reuses every node outside the edited span (a keystroke costs a tenth of a full
 * parse on a 2,000-line file). The edited span is found by comparing the two texts, so any sequence of
 * edits works. `previous` is consumed: the incremental parser moves its nodes into the new tree, so the
 * caller must not use it again.
 */
export function reparseScript(previous: ts.SourceFile, filePath: string, text: string): ts.SourceFile {
  if (previous.fileName !== filePath) return parseScript(filePath, text);
  const old = previous.text;
  if (old === text) return previous;
  const shortest = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const change = ts.createTextChangeRange(ts.createTextSpan(prefix, old.length - suffix - prefix), text.length - suffix - prefix);
  return ts.updateSourceFile(previous, text, change);
}
