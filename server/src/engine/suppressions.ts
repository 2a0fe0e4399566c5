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

/**
 * The lines other secret scanners' markers exempt, so a project moving from them keeps its decisions:
 * gitleaks' `gitleaks:allow` (on the secret's line), detect-secrets' `pragma: allowlist secret` (on the
 * line) and `pragma: allowlist nextline secret` (the line after), secretlint's `secretlint-disable-line`,
 * `secretlint-disable-next-line` and `secretlint-disable` … `secretlint-enable` (the lines between, to
 * the end of the file without an enable). They cover secret findings only, as they did in those tools;
 * the marker is the reason given. Line numbers are 1-based.
 */
export function foreignSecretMarkers(text: string, lines: LineIndex): Map<number, string> {
  const covered = new Map<number, string>();
  if (!FOREIGN_MARKER_HINT.test(text)) return covered;
  let disabledFrom: number | undefined;
  for (const match of text.matchAll(FOREIGN_MARKER)) {
    const line = lines.position(match.index!).line;
    const marker = match[0];
    if (marker === 'gitleaks:allow' || /^pragma: *allowlist secret$/.test(marker) || marker === 'secretlint-disable-line') covered.set(line, marker);
    else if (/^pragma: *allowlist nextline secret$/.test(marker) || marker === 'secretlint-disable-next-line') covered.set(line + 1, marker);
    else if (marker === 'secretlint-disable') disabledFrom ??= line;
    else if (marker === 'secretlint-enable' && disabledFrom !== undefined) {
      for (let l = disabledFrom; l <= line; l++) if (!covered.has(l)) covered.set(l, 'secretlint-disable');
      disabledFrom = undefined;
    }
  }
  if (disabledFrom !== undefined) for (let l = disabledFrom; l <= lines.lineCount; l++) if (!covered.has(l)) covered.set(l, 'secretlint-disable');
  return covered;
}

const FOREIGN_MARKER_HINT = /gitleaks:allow|allowlist|secretlint-(?:disable|enable)/;
// Longest first: `secretlint-disable-next-line` before `secretlint-disable`.
const FOREIGN_MARKER = /gitleaks:allow|pragma: *allowlist (?:nextline )?secret|secretlint-disable-next-line|secretlint-disable-line|secretlint-disable(?![\w-])|secretlint-enable(?![\w-])/g;
