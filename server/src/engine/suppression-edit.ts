// The "suppress with reason" quick fix as a pure edit: insert a directive line above the finding's
// start line, indented like it. It is refused where a new line would change the program's meaning
// (inside a multi-line string, template or YAML block scalar) or where the format has no comments.
import * as ts from 'typescript';
import { commentStyleFor, isScriptLanguage, languageOf } from './language';
import { parseScript } from './parse-ts';
import { LineIndex } from './positions';
import { formatDirective } from './suppressions';

export type SuppressionEdit = { offset: number; text: string } | { refused: string };

export function suppressionEdit(filePath: string, text: string, line: number, ruleId: string, reason: string): SuppressionEdit {
  const comment = commentStyleFor(filePath);
  if (!comment) return { refused: 'this file format has no comments; use `ignore:` in shipshape.yml or the baseline' };
  if (!reason.trim()) return { refused: 'a suppression needs a reason' };
  const lines = new LineIndex(text);
  if (line < 0 || line >= lines.lineCount) return { refused: 'line out of range' };
  const offset = lines.lineStart(line + 1);
  const language = languageOf(filePath);
  if (isScriptLanguage(language) && insideMultilineLiteral(parseScript(filePath, text), offset)) {
    return { refused: 'the line is inside a multi-line string; a comment there would change the string' };
  }
  if (language === 'yaml' && insideYamlBlockScalar(text, lines, line)) {
    return { refused: 'the line is inside a YAML block scalar; a comment there would change the value' };
  }
  const indentation = /^[ \t]*/.exec(text.slice(offset))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset, text: `${indentation}${formatDirective(ruleId, reason, comment)}${eol}` };
}

function insideMultilineLiteral(tree: ts.SourceFile, offset: number): boolean {
  let inside = false;
  const visit = (node: ts.Node): void => {
    if (inside || offset < node.pos || offset >= node.end) return;
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || node.kind === ts.SyntaxKind.JsxText) {
      if (node.getStart(tree) < offset) inside = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return inside;
}

function insideYamlBlockScalar(text: string, lines: LineIndex, line: number): boolean {
  const lineText = (n: number) => text.slice(lines.lineStart(n + 1), n + 1 < lines.lineCount ? lines.lineStart(n + 2) : text.length).replace(/\r?\n$/, '');
  const indent = (s: string) => /^ */.exec(s)![0].length;
  // Walk up through less-indented lines: a deeper line of a scalar sits under its first content line,
  // which sits under the header (`key: |`). Reaching the top without a header means a plain mapping.
  let own = indent(lineText(line));
  for (let n = line - 1; n >= 0 && own > 0; n--) {
    const previous = lineText(n);
    if (!previous.trim()) continue;
    const depth = indent(previous);
    if (depth >= own) continue;
    if (/[|>][0-9+-]*\s*(#.*)?$/.test(previous)) return true;
    own = depth;
  }
  return false;
}
