// Thresholds of the session tracker. Pure data: the VS Code side reads them from `shipshape.session.*`.

export interface SessionThresholds {
  /** A single change event inserting at least this many lines is AI-sized… */
  aiEditMinLines: number;
  /** …or at least this many characters. */
  aiEditMinChars: number;
  /** Findings that appear in a file this long after an AI-sized edit there are counted as that edit's. */
  attributionWindowMs: number;
  /** A fix counts once it has held this long: cut-and-paste (gone, then back seconds later) is not a fix and a regression. */
  fixSettleMs: number;
  /** Prompt after this many regressions (a fixed finding re-introduced by an AI-sized edit). */
  regressions: number;
  /** Prompt when AI-sized edits break the same architecture constraint in this many files. */
  repeatedConstraintFiles: number;
  /** Prompt when the last `rateWindow` AI-sized edits introduced at least `rateMin` findings per edit… */
  rateWindow: number;
  rateMin: number;
  /** …and at least `rateFactor` times the rate of the AI-sized edits before them. */
  rateFactor: number;
  /** Prompt when AI-sized edits rewrite the same region this many times. */
  thrashRewrites: number;
  /** Prompt after this many compactions reported through the marker file (when it is enabled). */
  compactions: number;
}

export const DEFAULT_THRESHOLDS: SessionThresholds = {
  aiEditMinLines: 5,
  aiEditMinChars: 200,
  attributionWindowMs: 30_000,
  fixSettleMs: 10_000,
  regressions: 2,
  repeatedConstraintFiles: 3,
  rateWindow: 5,
  rateMin: 1,
  rateFactor: 2,
  thrashRewrites: 3,
  compactions: 1,
};

/** Thresholds from untrusted input (settings): unknown or invalid values fall back to the defaults. */
export function thresholdsFrom(partial: Partial<Record<keyof SessionThresholds, unknown>> = {}): SessionThresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof SessionThresholds)[]) {
    const value = partial[key];
    const min = key === 'fixSettleMs' ? 0 : Number.MIN_VALUE;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min) out[key] = value;
  }
  return out;
}
