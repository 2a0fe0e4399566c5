// One TypeScript/JavaScript parse per document version, shared by every check.
import * as path from 'node:path';
import * as ts from 'typescript';

const SCRIPT_KIND: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

export function parseScript(filePath: string, text: string): ts.SourceFile {
  const kind = SCRIPT_KIND[path.extname(filePath).toLowerCase()] ?? ts.ScriptKind.TS;
  // JSDoc is parsed only where it carries types (JavaScript files): a tenth of the parse time in TS code.
  return ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, kind);
}

/**
 * The tree for `text` after an edit of `previous.text`, reusing every node outside the edited span
 * (`ts.updateSourceFile`): a keystroke in a 2,000-line file costs a fraction of a full parse. The
 * span is where the two texts differ, so any number of ranged changes in one didChange is one update.
 * `previous` must not be used afterwards: the incremental parser takes its nodes over.
 */
export function reparseScript(previous: ts.SourceFile, text: string): ts.SourceFile {
  const old = previous.text;
  if (old === text) return previous;
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return ts.updateSourceFile(previous, text, ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start));
}
