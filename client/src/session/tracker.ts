// The session tracker: pure logic (no vscode) that watches an AI-assisted session through what the
// editor sees — change events and Shipshape's findings — and says when the session is drifting.
// The VS Code side (session-prompt.ts) feeds it and shows what it returns.
//
// Signals: AI-sized edits (one change event inserting many lines or characters), regressions (a
// finding fixed, then re-introduced by a later AI-sized edit: same rule and constraint, any file),
// one architecture constraint broken by AI edits in several files, a rising rate of new findings per
// AI-sized edit, thrash (the same region rewritten several times), and compactions reported by agent
// hooks through a marker file. Each threshold prompts at most once per session.
import { DEFAULT_THRESHOLDS, type SessionThresholds } from './settings';

/** One content change of a change event, as the editor reports it (0-based lines, before the change). */
export interface ContentChange {
  startLine: number;
  endLine: number;
  /** Characters replaced (0 = pure insertion). */
  rangeLength: number;
  text: string;
}

/** A finding as the client sees it (a Shipshape diagnostic). */
export interface TrackedFinding {
  ruleId: string;
  /** Which configured constraint it breaks (architecture), when the rule has one. */
  constraintKey?: string;
  message: string;
}

export type SignalKind = 'regression' | 'repeated-constraint' | 'rising-rate' | 'thrash' | 'compaction';

/** A threshold crossed: what happened, in one sentence. */
export interface Signal {
  kind: SignalKind;
  evidence: string;
}

export interface AiEdit {
  at: number;
  file: string;
  lines: number;
  chars: number;
  /** Findings that appeared in the file after this edit, within the attribution window. */
  introduced: number;
}

export interface SessionState {
  startedAt: number;
  edits: number;
  aiEdits: number;
  filesTouched: string[];
  findingsIntroduced: number;
  regressions: number;
  compactions: number;
  /** Every threshold currently crossed (prompted or not), strongest first. */
  signals: Signal[];
  /** One line per counter, for a tooltip. */
  summary: string;
}

export interface TrackerOptions {
  now?: () => number;
  /** Clock time for evidence ("Since 14:02"); local HH:MM by default. */
  formatTime?: (ms: number) => string;
  /** How a file is named in evidence (e.g. workspace-relative); the path by default. */
  label?: (file: string) => string;
}

export const PROMPT_SUFFIX = 'Long sessions drift: start a fresh one with the primer?';

interface ConstraintTrack {
  label: string;
  architecture: boolean;
  /** When a finding of it last disappeared, if it has. */
  fixedAt?: number;
  regressions: number;
  /** Files where AI-sized edits introduced it. */
  aiFiles: Set<string>;
}

interface Region {
  start: number;
  end: number;
  rewrites: number;
}

const MAX_REGIONS_PER_FILE = 100;

const ORDER: SignalKind[] = ['regression', 'repeated-constraint', 'rising-rate', 'thrash', 'compaction'];

export class SessionTracker {
  private readonly now: () => number;
  private readonly formatTime: (ms: number) => string;
  private readonly label: (file: string) => string;
  private startedAt = 0;
  private edits = 0;
  private readonly aiEdits: AiEdit[] = [];
  private readonly touched = new Set<string>();
  private readonly lastEdit = new Map<string, { at: number; ai?: AiEdit }>();
  private readonly findings = new Map<string, Map<string, number>>();
  private readonly constraints = new Map<string, ConstraintTrack>();
  private readonly regions = new Map<string, Region[]>();
  private findingsIntroduced = 0;
  private compactions = 0;
  private readonly prompted = new Set<SignalKind>();
  private muted = false;
  private snoozedUntil = 0;

  constructor(
    private thresholds: SessionThresholds = DEFAULT_THRESHOLDS,
    options: TrackerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.formatTime = options.formatTime ?? ((ms) => new Date(ms).toTimeString().slice(0, 5));
    this.label = options.label ?? ((file) => file);
    this.reset();
  }

  /** A new session: every counter, fix and prompt starts again ("Start New AI Session"). */
  reset(): void {
    this.startedAt = this.now();
    this.edits = 0;
    this.aiEdits.length = 0;
    this.touched.clear();
    this.lastEdit.clear();
    this.constraints.clear();
    this.regions.clear();
    this.findingsIntroduced = 0;
    this.compactions = 0;
    this.prompted.clear();
    this.muted = false;
    this.snoozedUntil = 0;
    // Known findings stay known: they are the new session's starting point, not something it introduced.
  }

  setThresholds(thresholds: SessionThresholds): void {
    this.thresholds = thresholds;
  }

  /** "Not this session": no more prompts until the next reset. Counters keep running. */
  muteSession(): void {
    this.muted = true;
  }

  /** No prompts for `ms`; a threshold crossed meanwhile prompts after that. */
  snooze(ms: number): void {
    this.snoozedUntil = this.now() + ms;
  }

  /** One change event of a document. Returns the AI-sized edit it was, if it was one. */
  recordEdit(file: string, changes: readonly ContentChange[]): AiEdit | undefined {
    if (changes.length === 0) return undefined;
    const at = this.now();
    this.edits++;
    this.touched.add(file);
    const chars = changes.reduce((sum, c) => sum + c.text.length, 0);
    const lines = changes.reduce((sum, c) => sum + newlines(c.text), 0);
    const aiSized = lines >= this.thresholds.aiEditMinLines || chars >= this.thresholds.aiEditMinChars;
    const ai = aiSized ? { at, file, lines, chars, introduced: 0 } : undefined;
    if (ai) this.aiEdits.push(ai);
    this.lastEdit.set(file, { at, ai });
    this.trackRegions(file, changes, aiSized);
    return ai;
  }

  /**
   * The current findings of a file (all of them, each time they change). Findings that appear after an
   * AI-sized edit in the file are counted against it. Returns the prompts to show now.
   */
  recordFindings(file: string, current: readonly TrackedFinding[]): Signal[] {
    const at = this.now();
    const next = new Map<string, number>();
    for (const finding of current) next.set(signature(finding), (next.get(signature(finding)) ?? 0) + 1);
    const previous = this.findings.get(file);
    this.findings.set(file, next);
    // The first findings of a file the session has not edited are where it started, not news.
    if (!previous && !this.lastEdit.has(file)) return this.prompts();
    const before = previous ?? new Map<string, number>();
    const edit = this.lastEdit.get(file);
    const ai = edit?.ai && at - edit.at <= this.thresholds.attributionWindowMs ? edit.ai : undefined;
    for (const key of new Set([...before.keys(), ...next.keys()])) {
      const delta = (next.get(key) ?? 0) - (before.get(key) ?? 0);
      if (delta === 0) continue;
      const track = this.constraintOf(key);
      if (delta < 0) {
        track.fixedAt = at;
        continue;
      }
      this.findingsIntroduced += delta;
      if (!ai) continue;
      ai.introduced += delta;
      track.aiFiles.add(file);
      if (track.fixedAt !== undefined && at - track.fixedAt >= this.thresholds.fixSettleMs) track.regressions += delta;
    }
    return this.prompts();
  }

  /** The file is closed or gone: its findings are forgotten without counting as fixed. */
  forgetFile(file: string): void {
    this.findings.delete(file);
  }

  /** An agent hook touched the marker file (a context compaction, a new agent session). */
  recordMarker(): Signal[] {
    this.compactions++;
    return this.prompts();
  }

  /** Thresholds crossed and not yet prompted this session, unless muted or snoozed. */
  prompts(): Signal[] {
    if (this.muted || this.now() < this.snoozedUntil) return [];
    const due = this.signals().filter((s) => !this.prompted.has(s.kind));
    for (const signal of due) this.prompted.add(signal.kind);
    return due;
  }

  state(): SessionState {
    const regressions = this.totalRegressions();
    const files = [...this.touched].map(this.label).sort();
    return {
      startedAt: this.startedAt,
      edits: this.edits,
      aiEdits: this.aiEdits.length,
      filesTouched: files,
      findingsIntroduced: this.findingsIntroduced,
      regressions,
      compactions: this.compactions,
      signals: this.signals(),
      summary: `Since ${this.formatTime(this.startedAt)}: ${this.aiEdits.length} AI-sized edit${s(this.aiEdits.length)} of ${this.edits}, ${files.length} file${s(files.length)} touched, ${this.findingsIntroduced} new finding${s(this.findingsIntroduced)}, ${regressions} regression${s(regressions)}.`,
    };
  }

  /** Files edited this session (as given to recordEdit). */
  filesTouched(): string[] {
    return [...this.touched];
  }

  private signals(): Signal[] {
    const t = this.thresholds;
    const since = this.formatTime(this.startedAt);
    const out: Signal[] = [];
    const tracks = [...this.constraints.values()];

    const regressed = tracks.filter((c) => c.regressions > 0).sort((a, b) => b.regressions - a.regressions || a.label.localeCompare(b.label));
    if (this.totalRegressions() >= t.regressions && regressed.length > 0) {
      const top = regressed[0];
      const others = regressed.length > 1 ? ` (and ${regressed.length - 1} other constraint${s(regressed.length - 1)})` : '';
      out.push({ kind: 'regression', evidence: `Since ${since} the AI edits re-introduced \`${top.label}\` ${times(top.regressions)} after it had been fixed${others}.` });
    }

    const repeated = tracks.filter((c) => c.architecture && c.aiFiles.size >= t.repeatedConstraintFiles).sort((a, b) => b.aiFiles.size - a.aiFiles.size || a.label.localeCompare(b.label));
    if (repeated.length > 0) {
      const top = repeated[0];
      const names = [...top.aiFiles].map(this.label).sort();
      const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
      out.push({ kind: 'repeated-constraint', evidence: `Since ${since} AI edits broke \`${top.label}\` in ${names.length} files (${shown}).` });
    }

    const window = Math.max(1, Math.floor(t.rateWindow));
    if (this.aiEdits.length >= 2 * window) {
      const recent = this.aiEdits.slice(-window);
      const earlier = this.aiEdits.slice(0, -window);
      const recentRate = sum(recent) / recent.length;
      const earlierRate = sum(earlier) / earlier.length;
      if (recentRate >= t.rateMin && recentRate >= t.rateFactor * earlierRate) {
        out.push({
          kind: 'rising-rate',
          evidence: `The last ${window} AI edits introduced ${sum(recent)} findings (${round(recentRate)} per edit), up from ${round(earlierRate)} per edit over the ${earlier.length} before them.`,
        });
      }
    }

    let worst: { file: string; region: Region } | undefined;
    for (const [file, regions] of this.regions) {
      for (const region of regions) if (region.rewrites >= t.thrashRewrites && (!worst || region.rewrites > worst.region.rewrites)) worst = { file, region };
    }
    if (worst) {
      const { region } = worst;
      out.push({ kind: 'thrash', evidence: `Since ${since} AI edits rewrote lines ${region.start + 1}–${region.end + 1} of ${this.label(worst.file)} ${times(region.rewrites)}.` });
    }

    if (this.compactions >= t.compactions) {
      out.push({ kind: 'compaction', evidence: `Since ${since} the agent's context was compacted ${times(this.compactions)} (reported by its hook).` });
    }
    return out.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  }

  private totalRegressions(): number {
    let total = 0;
    for (const track of this.constraints.values()) total += track.regressions;
    return total;
  }

  private constraintOf(findingSignature: string): ConstraintTrack {
    const [ruleId, constraintKey] = findingSignature.split('\u0000');
    const id = `${ruleId}\u0000${constraintKey}`;
    let track = this.constraints.get(id);
    if (!track) {
      track = { label: constraintKey || ruleId, architecture: ruleId.startsWith('architecture/') && !!constraintKey, regressions: 0, aiFiles: new Set() };
      this.constraints.set(id, track);
    }
    return track;
  }

  /** Regions AI edits wrote, kept in step with later edits above them; a rewrite of one is counted. */
  private trackRegions(file: string, changes: readonly ContentChange[], aiSized: boolean): void {
    const regions = this.regions.get(file) ?? [];
    // Bottom-up, so each change's lines are still those of the text before the event.
    for (const change of [...changes].sort((a, b) => b.startLine - a.startLine)) {
      const delta = newlines(change.text) - (change.endLine - change.startLine);
      const newEnd = change.startLine + newlines(change.text);
      const hit = aiSized ? regions.find((r) => r.start <= change.endLine && change.startLine <= r.end) : undefined;
      if (hit && change.rangeLength > 0) {
        hit.rewrites++;
        // The region becomes the union of what it was (moved by the change) and what was written.
        hit.start = Math.min(hit.start, change.startLine);
        hit.end = Math.max(newEnd, hit.end > change.endLine ? hit.end + delta : newEnd);
      } else if (aiSized) {
        regions.push({ start: change.startLine, end: newEnd, rewrites: change.rangeLength > 0 ? 1 : 0 });
      }
      for (const region of regions) {
        if (region !== hit && region.start > change.endLine) {
          region.start += delta;
          region.end += delta;
        }
      }
    }
    // A long session writes many regions; the oldest ones matter least.
    if (regions.length > MAX_REGIONS_PER_FILE) regions.splice(0, regions.length - MAX_REGIONS_PER_FILE);
    if (regions.length > 0) this.regions.set(file, regions);
  }
}

/** The notification text: the evidence, then the offer. */
export function promptMessage(signal: Signal): string {
  return `${signal.evidence} ${PROMPT_SUFFIX}`;
}

/** The status bar text for a state, e.g. "⛵ 2 regressions". */
export function statusText(state: SessionState): string {
  if (state.regressions > 0) return `⛵ ${state.regressions} regression${s(state.regressions)}`;
  const first = state.signals[0];
  if (first) return `⛵ drift: ${first.kind.replace('-', ' ')}`;
  return `⛵ ${state.aiEdits} AI edit${s(state.aiEdits)}`;
}

function signature(finding: TrackedFinding): string {
  return `${finding.ruleId}\u0000${finding.constraintKey ?? ''}\u0000${finding.message}`;
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function sum(edits: readonly AiEdit[]): number {
  return edits.reduce((total, e) => total + e.introduced, 0);
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
