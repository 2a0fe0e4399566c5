// Small helpers project checks share: finding text in files and locating it by line.

/** 1-based line of the first match of `pattern` in `text`, or 1. */
export function lineOf(text: string | undefined, pattern: RegExp | string): number {
  if (!text) return 1;
  const index = typeof pattern === 'string' ? text.indexOf(pattern) : text.search(pattern);
  if (index < 0) return 1;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Whether a relative path matches any of the simple globs (`*` within a segment, `**` across). */
export function matchesAny(relativePath: string, patterns: RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(relativePath));
}

export const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|py)$/;
export const SCRIPT_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
export const TEST_FILE = /(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$/;
