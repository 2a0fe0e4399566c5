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
