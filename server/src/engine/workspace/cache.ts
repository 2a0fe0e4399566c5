// `--cache`: per-file results kept between CLI runs, so unchanged files are not analysed again. A key
// covers everything a file's findings depend on: the engine build, the config, the salt, the file's
// path and content, and, for cross-file rules, the set of files and the workspace index. A changed
// input is a different key, so an entry can never be stale; entries not used by a run are dropped.
// The workspace index's summaries are kept too, by summarizers, path and content: summarizers are pure,
// so an unchanged file's summary needs no parse, and a run where nothing changed parses nothing.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileSummary } from './index';
import type { AnalysisJob, FileOutcome } from './run';

const FORMAT = 2;

interface CacheFile {
  format: number;
  engine: string;
  entries: Record<string, Omit<FileOutcome, 'file' | 'configDir'>>;
  summaries: Record<string, FileSummary>;
}

let engineBuild: string | undefined;

/** A hash of the running engine's code: a new build never reuses old results. */
export function engineBuildHash(): string {
  // Stryker disable all: computed once per process and kept; the mutation test process is reused across mutants, so a change here never takes effect (like a static mutant)
  if (!engineBuild) {
    const hash = createHash('sha1');
    try {
      hash.update(fs.readFileSync(__filename));
    } catch {
      hash.update(`unknown-build-${Date.now()}`); // unreadable: never match an old entry
    }
    engineBuild = hash.digest('hex');
  }
  // Stryker restore all
  return engineBuild;
}

export class ResultCache {
  private readonly next: CacheFile['entries'] = {};
  private readonly nextSummaries: CacheFile['summaries'] = {};
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly engine: string,
    private readonly previous: CacheFile['entries'],
    private readonly previousSummaries: CacheFile['summaries'],
  ) {}

  /** Opens (or starts) the cache in `dir`; a cache from another engine build is ignored. */
  static open(dir: string): ResultCache {
    const file = path.join(dir, 'results.json');
    const engine = engineBuildHash();
    let entries: CacheFile['entries'] = {};
    let summaries: CacheFile['summaries'] = {};
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.engine === engine && data.entries && data.summaries) ({ entries, summaries } = data);
    } catch {
      // no cache yet, or unreadable: start empty
    }
    return new ResultCache(file, engine, entries, summaries);
  }

  /** Whether no earlier run left anything to reuse (no cache yet, another build, an unreadable file). */
  get empty(): boolean {
    return Object.keys(this.previous).length === 0 && Object.keys(this.previousSummaries).length === 0;
  }

  /** The key of a file's summary in the workspace index: which summarizers, which file, which text (its content hash). */
  static summaryKey(summarizers: readonly string[], filePath: string, contentHash: string): string {
    return createHash('sha1').update(JSON.stringify([summarizers, filePath, contentHash])).digest('hex');
  }

  /** A summary kept by an earlier run (kept for the next one too). */
  summary(key: string): FileSummary | undefined {
    const summary = this.previousSummaries[key];
    if (summary) this.nextSummaries[key] = summary;
    return summary;
  }

  setSummary(key: string, summary: FileSummary): void {
    this.nextSummaries[key] = summary;
  }

  /** The key of a file's results, given a hash of the cross-file context of this run. */
  static key(job: AnalysisJob, contextHash: string): string {
    return createHash('sha1')
      .update(JSON.stringify([job.file, job.loaded.path ?? '', job.loaded.dir, job.loaded.config, job.salt, contextHash]))
      // Stryker disable next-line StringLiteral: a separator inside a hash input; any constant gives the same keys to the same inputs
      .update('\0')
      .update(job.text)
      .digest('hex');
  }

  get(key: string, job: AnalysisJob): FileOutcome | undefined {
    const entry = this.previous[key];
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.next[key] = entry;
    // Findings come back as copies: later passes (baseline) mark them.
    return { file: job.file, configDir: job.loaded.dir, ...structuredClone(entry) };
  }

  set(key: string, outcome: FileOutcome): void {
    const { file: _file, configDir: _dir, ...entry } = outcome;
    this.next[key] = structuredClone(entry);
  }

  save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const ignore = path.join(path.dirname(this.file), '.gitignore');
    if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# Shipshape result cache: never commit.\n*\n');
    const temporary = `${this.file}.${process.pid}.tmp`;
    const data: CacheFile = { format: FORMAT, engine: this.engine, entries: this.next, summaries: this.nextSummaries };
    fs.writeFileSync(temporary, JSON.stringify(data));
    fs.renameSync(temporary, this.file);
  }
}

/**
 * A hash of what cross-file rules may look at: which files exist in the run, and every file's facts in
 * the index (not its text: a body edit that keeps a file's imports and exports keeps the others' keys).
 */
export function contextHash(jobs: readonly AnalysisJob[], indexSnapshot: readonly FileSummary[]): string {
  // Stryker disable next-line StringLiteral: separators inside a hash input; any constant gives the same hash to the same inputs
  const hash = createHash('sha1').update(jobs.map((j) => j.file).sort().join('\n')).update('\0');
  // Stryker disable next-line StringLiteral: as above
  for (const summary of indexSnapshot) hash.update(summary.path).update('\0').update(JSON.stringify(summary.facts)).update('\0');
  return hash.digest('hex');
}
