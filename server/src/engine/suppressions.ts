// Inline suppression directives, in any language's comment form:
//   // shipshape-ignore-next-line failure/empty-catch -- the fallback is the documented behaviour
//   # shipshape-ignore-file secrets/* -- fixtures of fake keys
// A directive names one or more rule ids (or `<family>/*`) and gives a reason after `--`.
// Directives without a reason, and directives that suppress nothing, are findings themselves.
import type { LineIndex } from './positions';

export type DirectiveKind = 'next-line' | 'file';

export interface SuppressionDirective {
  kind: DirectiveKind;
  ruleIds: string[];
  reason?: string;
  /** 1-based line of the directive itself. */
  line: number;
  /** Offsets of the directive text (from `shipshape-ignore-` to the end of the reason). */
  start: number;
  end: number;
}

// A directive must follow a comment opener on its line, so a string that merely mentions it does not count.
const DIRECTIVE = /(?:\/\/|\/\*|#|<!--|--|;|%)[ \t]*(shipshape-ignore-(next-line|file))\b([^\r\n]*)/g;
const TRAILING_COMMENT_CLOSE = /\s*(\*\/|-->)\s*$/;

export function findDirectives(text: string, lines: LineIndex): SuppressionDirective[] {
  if (!text.includes('shipshape-ignore-')) return [];
  const directives: SuppressionDirective[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index! + match[0].indexOf(match[1]);
    const body = match[3].replace(TRAILING_COMMENT_CLOSE, '');
    const separator = body.indexOf('--');
    const idsText = separator >= 0 ? body.slice(0, separator) : body;
    const reason = separator >= 0 ? body.slice(separator + 2).trim() : '';
    const ruleIds = idsText.split(/[\s,]+/).filter(Boolean);
    directives.push({
      kind: match[2] as DirectiveKind,
      ruleIds,
      reason: reason || undefined,
      line: lines.position(start).line,
      start,
      end: start + match[1].length + body.trimEnd().length,
    });
  }
  return directives;
}

export function directiveCovers(directive: SuppressionDirective, ruleId: string, findingLine: number): boolean {
  if (directive.kind === 'next-line' && findingLine !== directive.line + 1) return false;
  return directive.ruleIds.some((id) => id === ruleId || (id.endsWith('/*') && ruleId.startsWith(id.slice(0, -1))));
}

/** The directive line the quick fix inserts above a finding. */
export function formatDirective(ruleId: string, reason: string, comment: { open: string; close: string }): string {
  const cleanReason = reason.replace(/[\r\n]+/g, ' ').trim();
  return `${comment.open} shipshape-ignore-next-line ${ruleId} -- ${cleanReason}${comment.close}`;
}
