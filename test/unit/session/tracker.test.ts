// The session tracker through its public methods: sequences of edits and findings -> when it prompts,
// and with what evidence. The clock is a variable the tests move.
import * as assert from 'node:assert/strict';
import { promptMessage, SessionTracker, statusText, type ContentChange, type TrackedFinding } from '../../../client/src/session/tracker';
import { DEFAULT_THRESHOLDS, thresholdsFrom } from '../../../client/src/session/settings';

const START = Date.UTC(2026, 0, 5, 14, 2);
const FIX_SETTLE_MS = DEFAULT_THRESHOLDS.fixSettleMs;
const LAYER: TrackedFinding = { ruleId: 'architecture/layer-import', constraintKey: 'domain must not import infra', message: 'domain must not import infra (src/infra/db.ts): …' };
const CATCH: TrackedFinding = { ruleId: 'failure/empty-catch', message: 'Empty catch block: …' };

function setup(overrides: Partial<typeof DEFAULT_THRESHOLDS> = {}) {
  let clock = START;
  const tracker = new SessionTracker(thresholdsFrom(overrides), {
    now: () => clock,
    formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
  });
  return {
    tracker,
    advance(ms: number) {
      clock += ms;
    },
  };
}

/** A paste / agent edit: `lines` new lines inserted at `at`. */
function big(lines = 10, at = 0, replacing = 0): ContentChange[] {
  return [{ startLine: at, endLine: at + replacing, rangeLength: replacing * 20, text: 'x = 1;\n'.repeat(lines) }];
}
/** A keystroke. */
const typed: ContentChange[] = [{ startLine: 3, endLine: 3, rangeLength: 0, text: 'a' }];

describe('session tracker', () => {
  describe('AI-sized edits', () => {
    it('is a single change event inserting at least N lines or M characters; both configurable', () => {
      const { tracker } = setup({ aiEditMinLines: 5, aiEditMinChars: 200 });
      assert.equal(tracker.recordEdit('a.ts', typed), undefined);
      assert.equal(tracker.recordEdit('a.ts', big(4)), undefined, '4 lines, 28 chars');
      assert.deepEqual(tracker.recordEdit('a.ts', big(5)), { at: START, file: 'a.ts', lines: 5, chars: 35, introduced: 0 });
      assert.ok(tracker.recordEdit('a.ts', [{ startLine: 0, endLine: 0, rangeLength: 0, text: 'y'.repeat(200) }]), '200 chars on one line');
      // Several ranges of one event add up (a multi-range agent edit).
      assert.ok(tracker.recordEdit('b.ts', [big(3)[0], big(2, 40)[0]]));
      assert.equal(setup({ aiEditMinLines: 20 }).tracker.recordEdit('a.ts', big(10)), undefined);
      const state = tracker.state();
      assert.equal(state.edits, 5);
      assert.equal(state.aiEdits, 3);
      assert.deepEqual(state.filesTouched, ['a.ts', 'b.ts']);
    });

    it('counts findings introduced after an AI-sized edit in that file, within the attribution window', () => {
      const { tracker, advance } = setup();
      tracker.recordFindings('a.ts', []);
      const edit = tracker.recordEdit('a.ts', big())!;
      advance(1000);
      tracker.recordFindings('a.ts', [LAYER, CATCH]);
      assert.equal(edit.introduced, 2);
      // Too late: a finding long after the edit is not the edit's.
      const late = tracker.recordEdit('b.ts', big())!;
      advance(DEFAULT_THRESHOLDS.attributionWindowMs + 1);
      tracker.recordFindings('b.ts', [CATCH]);
      assert.equal(late.introduced, 0);
      // Typing after the AI edit: what appears is the typist's.
      const third = tracker.recordEdit('c.ts', big())!;
      tracker.recordEdit('c.ts', typed);
      tracker.recordFindings('c.ts', [CATCH]);
      assert.equal(third.introduced, 0);
      assert.equal(tracker.state().findingsIntroduced, 4);
    });

    it('does not count the findings a session starts with, in files it has not edited', () => {
      const { tracker } = setup({ regressions: 1 });
      assert.deepEqual(tracker.recordFindings('old.ts', [LAYER, LAYER, CATCH]), []);
      assert.equal(tracker.state().findingsIntroduced, 0);
    });
  });

  describe('regressions', () => {
    it('fires when a fixed finding is re-introduced by later AI edits (same rule and constraint, any file)', () => {
      const { tracker, advance } = setup({ regressions: 2 });
      tracker.recordEdit('src/domain/order.ts', big());
      tracker.recordFindings('src/domain/order.ts', [LAYER]);
      advance(5000);
      tracker.recordEdit('src/domain/order.ts', typed);
      assert.deepEqual(tracker.recordFindings('src/domain/order.ts', []), [], 'fixed');
      advance(FIX_SETTLE_MS);
      tracker.recordEdit('src/domain/order.ts', big());
      assert.deepEqual(tracker.recordFindings('src/domain/order.ts', [LAYER]), [], 'one regression is below the threshold');
      assert.equal(tracker.state().regressions, 1);
      assert.equal(statusText(tracker.state()), '⛵ 1 regression');
      advance(60_000);
      tracker.recordEdit('src/domain/invoice.ts', big());
      const prompts = tracker.recordFindings('src/domain/invoice.ts', [{ ...LAYER, message: 'domain must not import infra (src/infra/mail.ts): …' }]);
      assert.deepEqual(prompts, [{ kind: 'regression', evidence: 'Since 14:02 the AI edits re-introduced `domain must not import infra` twice after it had been fixed.' }]);
      assert.equal(promptMessage(prompts[0]), 'Since 14:02 the AI edits re-introduced `domain must not import infra` twice after it had been fixed. Long sessions drift: start a fresh one with the primer?');
      assert.equal(statusText(tracker.state()), '⛵ 2 regressions');
    });

    it('prompts once per threshold per session', () => {
      const { tracker, advance } = setup({ regressions: 1 });
      tracker.recordEdit('a.ts', big());
      tracker.recordFindings('a.ts', [CATCH]);
      tracker.recordFindings('a.ts', []);
      let count = 0;
      for (let i = 0; i < 4; i++) {
        advance(FIX_SETTLE_MS);
        tracker.recordEdit('a.ts', big());
        count += tracker.recordFindings('a.ts', [CATCH]).length;
        tracker.recordFindings('a.ts', []);
      }
      assert.equal(count, 1);
      assert.equal(tracker.state().regressions, 4);
      assert.match(tracker.state().signals[0].evidence, /re-introduced `failure\/empty-catch` 4 times/);
    });

    it('is not a regression when a finding moves (cut, then paste within seconds), or comes back by typing', () => {
      const { tracker, advance } = setup({ regressions: 1 });
      tracker.recordFindings('a.ts', [LAYER]);
      tracker.recordEdit('a.ts', big(0, 0, 10));
      tracker.recordFindings('a.ts', []);
      advance(2000);
      tracker.recordEdit('b.ts', big());
      assert.deepEqual(tracker.recordFindings('b.ts', [LAYER]), []);
      advance(FIX_SETTLE_MS);
      tracker.recordFindings('b.ts', []);
      advance(FIX_SETTLE_MS);
      tracker.recordEdit('b.ts', typed);
      assert.deepEqual(tracker.recordFindings('b.ts', [LAYER]), []);
      assert.equal(tracker.state().regressions, 0);
    });

    it('does not take a closed file for a fix', () => {
      const { tracker, advance } = setup({ regressions: 1 });
      tracker.recordFindings('a.ts', [LAYER]);
      tracker.forgetFile('a.ts');
      advance(FIX_SETTLE_MS);
      tracker.recordEdit('b.ts', big());
      assert.deepEqual(tracker.recordFindings('b.ts', [LAYER]), []);
    });

    it('names the worst constraint and counts the others', () => {
      const { tracker, advance } = setup({ regressions: 3 });
      const other: TrackedFinding = { ruleId: 'architecture/forbidden-package', constraintKey: 'domain must not import package pg', message: 'pg' };
      tracker.recordFindings('a.ts', [LAYER, other]);
      tracker.recordEdit('a.ts', typed);
      tracker.recordFindings('a.ts', []);
      advance(FIX_SETTLE_MS);
      tracker.recordEdit('a.ts', big());
      const prompts = tracker.recordFindings('a.ts', [LAYER, LAYER, other]);
      assert.equal(prompts[0].evidence, 'Since 14:02 the AI edits re-introduced `domain must not import infra` twice after it had been fixed (and 1 other constraint).');
    });
  });

  describe('repeated violations of one architecture constraint', () => {
    it('fires when AI edits break the same constraint in N files', () => {
      const { tracker } = setup({ repeatedConstraintFiles: 3 });
      for (const file of ['src/domain/a.ts', 'src/domain/b.ts']) {
        tracker.recordEdit(file, big());
        assert.deepEqual(tracker.recordFindings(file, [LAYER]), []);
      }
      tracker.recordEdit('src/domain/c.ts', typed);
      assert.deepEqual(tracker.recordFindings('src/domain/c.ts', [LAYER]), [], 'typed, not AI');
      tracker.recordEdit('src/domain/d.ts', big());
      assert.deepEqual(tracker.recordFindings('src/domain/d.ts', [LAYER]), [
        { kind: 'repeated-constraint', evidence: 'Since 14:02 AI edits broke `domain must not import infra` in 3 files (src/domain/a.ts, src/domain/b.ts, src/domain/d.ts).' },
      ]);
    });

    it('only counts architecture constraints', () => {
      const { tracker } = setup({ repeatedConstraintFiles: 2 });
      for (const file of ['a.ts', 'b.ts', 'c.ts']) {
        tracker.recordEdit(file, big());
        assert.deepEqual(tracker.recordFindings(file, [CATCH]), []);
      }
    });
  });

  describe('rising rate of new findings per AI edit', () => {
    it('fires when the last window of AI edits brings findings at a rate above the minimum and the earlier rate', () => {
      const { tracker, advance } = setup({ rateWindow: 3, rateMin: 1, rateFactor: 2 });
      let n = 0;
      const edit = (introduce: number) => {
        const file = `f${n++}.ts`;
        tracker.recordEdit(file, big());
        advance(100);
        return tracker.recordFindings(file, Array.from({ length: introduce }, (_, i) => ({ ...CATCH, message: `m${i}` })));
      };
      for (const k of [0, 1, 0]) assert.deepEqual(edit(k), []);
      assert.deepEqual(edit(1), []);
      assert.deepEqual(edit(1), [], 'rates are only compared after two windows of edits');
      const prompts = edit(2);
      assert.deepEqual(prompts, [{ kind: 'rising-rate', evidence: 'The last 3 AI edits introduced 4 findings (1.3 per edit), up from 0.3 per edit over the 3 before them.' }]);
    });

    it('does not fire at a steady rate', () => {
      const { tracker } = setup({ rateWindow: 2, rateMin: 1, rateFactor: 2 });
      for (let i = 0; i < 8; i++) {
        tracker.recordEdit(`f${i}.ts`, big());
        assert.deepEqual(tracker.recordFindings(`f${i}.ts`, [CATCH]), []);
      }
    });
  });

  describe('thrash', () => {
    it('fires when AI edits rewrite the same region N times, following it as lines above move', () => {
      const { tracker } = setup({ thrashRewrites: 3 });
      tracker.recordEdit('a.ts', big(10, 20)); // writes lines 20-30 (0-based)
      assert.deepEqual(tracker.prompts(), []);
      tracker.recordEdit('a.ts', big(10, 22, 5)); // rewrite 1: 20-35
      tracker.recordEdit('a.ts', big(3, 0)); // 3 lines typed above (not AI-sized): the region moves to 23-38
      tracker.recordEdit('a.ts', big(10, 26, 4)); // rewrite 2: 23-44
      assert.deepEqual(tracker.prompts(), []);
      tracker.recordEdit('b.ts', big(10, 24, 4)); // another file: not the same region
      tracker.recordEdit('a.ts', big(8, 30, 2)); // rewrite 3: 23-50
      assert.deepEqual(tracker.prompts(), [{ kind: 'thrash', evidence: 'Since 14:02 AI edits rewrote lines 24–51 of a.ts 3 times.' }]);
    });

    it('does not count typing or pure insertions elsewhere', () => {
      const { tracker } = setup({ thrashRewrites: 2 });
      tracker.recordEdit('a.ts', big(10, 0));
      for (let i = 0; i < 5; i++) tracker.recordEdit('a.ts', [{ startLine: 3, endLine: 3, rangeLength: 1, text: 'b' }]);
      tracker.recordEdit('a.ts', big(10, 50));
      tracker.recordEdit('a.ts', big(10, 100));
      assert.deepEqual(tracker.prompts(), []);
    });
  });

  describe('marker file (agent hooks)', () => {
    it('counts compactions and fires at the threshold', () => {
      const { tracker } = setup({ compactions: 2 });
      assert.deepEqual(tracker.recordMarker(), []);
      assert.deepEqual(tracker.recordMarker(), [{ kind: 'compaction', evidence: "Since 14:02 the agent's context was compacted twice (reported by its hook)." }]);
    });
  });

  describe('not this session, snooze, new session', () => {
    it('"not this session" silences every prompt until the next session; counters keep running', () => {
      const { tracker } = setup({ compactions: 1 });
      tracker.muteSession();
      assert.deepEqual(tracker.recordMarker(), []);
      assert.equal(tracker.state().compactions, 1);
      assert.equal(tracker.state().signals.length, 1, 'the status still shows it');
      tracker.reset();
      assert.equal(tracker.recordMarker().length, 1);
    });

    it('snooze holds prompts back until it ends, then shows what was crossed meanwhile', () => {
      const { tracker, advance } = setup({ compactions: 1 });
      tracker.snooze(60_000);
      assert.deepEqual(tracker.recordMarker(), []);
      advance(59_999);
      assert.deepEqual(tracker.prompts(), []);
      advance(1);
      assert.equal(tracker.prompts().length, 1);
      assert.equal(tracker.prompts().length, 0);
    });

    it('a new session resets counters and prompts, keeps the findings as its starting point', () => {
      const { tracker, advance } = setup({ regressions: 1 });
      tracker.recordEdit('a.ts', big());
      tracker.recordFindings('a.ts', [CATCH]);
      advance(60_000);
      tracker.reset();
      const state = tracker.state();
      assert.deepEqual({ edits: state.edits, aiEdits: state.aiEdits, files: state.filesTouched, introduced: state.findingsIntroduced, regressions: state.regressions, startedAt: state.startedAt }, { edits: 0, aiEdits: 0, files: [], introduced: 0, regressions: 0, startedAt: START + 60_000 });
      assert.equal(statusText(state), '⛵ 0 AI edits');
      assert.match(state.summary, /^Since 14:03: 0 AI-sized edits of 0, 0 files touched, 0 new findings, 0 regressions\.$/);
      // The finding present at the reset is not new; fixing and re-introducing it later is a regression.
      tracker.recordFindings('a.ts', [CATCH]);
      assert.equal(tracker.state().findingsIntroduced, 0);
    });
  });

  it('falls back to defaults for invalid threshold settings', () => {
    assert.deepEqual(thresholdsFrom({ regressions: -1, thrashRewrites: Number.NaN, aiEditMinLines: 'x' as unknown as number, rateMin: 0.5, compactions: 0 }), { ...DEFAULT_THRESHOLDS, rateMin: 0.5 });
    assert.equal(thresholdsFrom({ fixSettleMs: 0 }).fixSettleMs, 0, 'a fix may count at once');
  });

  it('with no settle time, a fix re-introduced right away counts', () => {
    const { tracker } = setup({ regressions: 1, fixSettleMs: 0 });
    tracker.recordFindings('a.ts', [LAYER]);
    tracker.recordEdit('a.ts', typed);
    tracker.recordFindings('a.ts', []);
    tracker.recordEdit('a.ts', big());
    assert.equal(tracker.recordFindings('a.ts', [LAYER])[0]?.kind, 'regression');
  });
});
