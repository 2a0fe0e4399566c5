// Secrets in a repository's history (`shipshape check --history`, `--commits RANGE`), as gitleaks'
// `detect` finds them. A key an AI session pasted and a later commit moved to .env is gone from the
// working tree, yet every clone of the repository still holds it: it must be rotated, and the working
// tree check cannot say so. Only the secrets family runs (the others judge the code as it is now). Each
// file of each commit is analysed on the lines that commit added, at their line numbers in that commit's
// version of the file, with the lines it did not add left empty. Each secret is reported once, at the
// oldest commit that added it. Git runs with no external diff or textconv driver (a repository's config
// must not make us run its code) and with fixed path prefixes.
import * as path from 'node:path';
import * as readline from 'node:readline';
import { BINARY_FILE_TEXT, type Engine } from '../engine';
import { spawnGit } from '../git';
import type { LoadedConfig } from '../config/model';
import { analyzeJob, finishWorkspace, planWorkspace, type FileOutcome, type WorkspaceRun } from './run';

/** The lines one commit added to one file: line number (1-based, in the commit's version) → text. */
export interface CommittedAdditions {
  commit: string;
  /** Path in the repository, `/`-separated. */
  file: string;
  lines: Map<number, string>;
  /** A binary file the commit added or changed: no lines, but a check may report the file by its name (a key store). */
  binary?: boolean;
}

const COMMIT_MARK = '\u0001';

/**
 * What each commit of `range` (a revision or range git log takes: `HEAD`, `main..feature`) added, file by
 * file, newest commit first, handed to `onFile` as each file's patch ends: nothing but the file being
 * read is held, however long the history. Deleted files and merge commits add nothing; a binary file
 * adds no lines, only itself (`binary`).
 */
export async function readCommittedAdditions(root: string, range: string, under: string | undefined, onFile: (additions: CommittedAdditions) => void): Promise<void> {
  const parser = new PatchReader(onFile);
  await gitLines(root, range, under, ['--patch', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'], (line) => parser.line(line));
  parser.done();
}

/** The files (`/`-separated, from the top) that the commits of `range` added or changed. */
export async function touchedFiles(root: string, range: string, under: string | undefined): Promise<string[]> {
  const files = new Set<string>();
  await gitLines(root, range, under, ['--name-only'], (line) => {
    if (line && !line.startsWith(COMMIT_MARK)) files.add(unquotePath(line));
  });
  return [...files];
}

/** `git log <options> range -- [under]`, line by line. */
async function gitLines(root: string, range: string, under: string | undefined, options: string[], onLine: (line: string) => void): Promise<void> {
  // A revision never starts with a dash: one that does would be read as an option of git log (`--output=…`).
  if (range.startsWith('-')) throw new HistoryError(`'${range}' is not a revision range`);
  // `:(top,literal)` reads the folder as a path from the top, never as a glob or other pathspec magic.
  const pathspec = under ? [`:(top,literal)${under}`] : [];
  // Renames are followed (-M, whatever diff.renames says), so a moved file adds only what changed in it;
  // signatures are not printed (log.showSignature).
  const git = spawnGit(['-c', 'core.quotePath=false', 'log', `--format=${COMMIT_MARK}%H`, '--no-show-signature', '-M', '--diff-filter=d', ...options, range, '--', ...pathspec], root);
  git.stdin.end();
  let stderr = '';
  git.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number>((resolve, reject) => {
    git.on('error', reject);
    git.on('close', (code) => resolve(code ?? 1));
  });
  for await (const line of readline.createInterface({ input: git.stdout, crlfDelay: Infinity })) onLine(line);
  const code = await exited;
  if (code !== 0) throw new HistoryError(`git log ${range} failed: ${stderr.trim() || `exit code ${code}`}`);
}

/** Git could not list the history asked for (not a repository, an unknown revision). */
export class HistoryError extends Error {}

/** Reads `git log --patch --unified=0` output line by line into what each commit added. */
export class PatchReader {
  private commit = '';
  private current: CommittedAdditions | undefined;
  /** Between a file's `diff --git` line and its first hunk: header lines, where `+++ b/…` names the file. */
  private inHeader = false;
  private next = 0;

  constructor(private readonly onFile: (additions: CommittedAdditions) => void) {}

  line(line: string): void {
    if (line.startsWith(COMMIT_MARK)) {
      this.flush();
      this.commit = line.slice(1).trim();
      this.inHeader = false;
      return;
    }
    if (line.startsWith('diff --git ')) {
      this.flush();
      this.inHeader = true;
      return;
    }
    if (this.inHeader) {
      if (line.startsWith('+++ ')) {
        // A name with a blank is followed by a tab (as GNU diff marks where the name ends).
        const name = line.slice(4).replace(/\t$/, '');
        this.current = name === '/dev/null' ? undefined : this.additionsTo(name, false);
      } else if (line.startsWith('Binary files ')) {
        // `Binary files a/x and b/x differ` (`/dev/null` for a side that has no file): no `+++` line names it.
        const name = / and (b\/.*|"b\/.*") differ$/.exec(line)?.[1];
        this.current = name ? this.additionsTo(name, true) : undefined;
      } else if (line.startsWith('@@ ')) {
        this.inHeader = false;
        this.hunk(line);
      }
      return;
    }
    if (line.startsWith('@@ ')) this.hunk(line);
    else if (line.startsWith('+') && this.current) this.current.lines.set(this.next++, line.slice(1));
  }

  done(): void {
    this.flush();
  }

  private hunk(line: string): void {
    // `@@ -a,b +c,d @@`: the added lines are numbered from c in the new version.
    const start = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line);
    this.next = start ? Number(start[1]) : 0;
  }

  /** What this commit adds to the file git names `b/…` (maybe C-quoted), none of it read yet. */
  private additionsTo(name: string, binary: boolean): CommittedAdditions {
    return { commit: this.commit, file: unquotePath(name).replace(/^b\//, ''), lines: new Map(), binary };
  }

  private flush(): void {
    if (this.current && (this.current.lines.size > 0 || this.current.binary)) this.onFile(this.current);
    this.current = undefined;
  }
}

/** A path as git prints it: as is, or C-quoted (`"a\tb.txt"`, octal bytes) when it holds special characters. */
function unquotePath(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      bytes.push(...Buffer.from(body[i], 'utf8'));
    } else if (/[0-7]{3}/.test(body.slice(i + 1, i + 4))) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[body[i + 1]] ?? body.charCodeAt(i + 1));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The added lines at their line numbers, every other line empty: what a rule reads around a value is what the commit added. */
export function sparseText(lines: ReadonlyMap<number, string>): string {
  let last = 0;
  for (const number of lines.keys()) last = Math.max(last, number);
  const all = new Array<string>(last).fill('');
  for (const [number, text] of lines) if (number >= 1) all[number - 1] = text;
  return all.join('\n') + '\n';
}

export interface HistoryRunOptions {
  /** The repository's top folder. */
  root: string;
  /** What git log takes: `HEAD` for all of the current branch's history, `origin/main..HEAD` for a branch's own commits. */
  range: string;
  /** Only files under this folder of the repository (`/`-separated, from the top); all of them without it. */
  under?: string;
  configFile?: string;
  applyBaseline: boolean;
}

/** The secrets family over what the commits of a range added; findings carry their commit. */
export async function runHistory(engine: Engine, options: HistoryRunOptions): Promise<WorkspaceRun> {
  // The files first (a cheap pass): their configs and salts are looked up once, as for a working-tree run.
  const absolute = (file: string) => path.join(options.root, ...file.split('/'));
  const files = (await touchedFiles(options.root, options.range, options.under)).map(absolute);
  const plan = planWorkspace(engine, { files, configFile: options.configFile, applyBaseline: options.applyBaseline });
  const planned = new Map(plan.files.map((file) => [file.file, file]));
  const secretsOnly = new Map<LoadedConfig, LoadedConfig>();
  const outcomes: FileOutcome[] = [];
  await readCommittedAdditions(options.root, options.range, options.under, (addition) => {
    const file = absolute(addition.file);
    const plannedFile = planned.get(file);
    if (!plannedFile) return; // the config file itself: validated, not scanned
    let loaded = secretsOnly.get(plannedFile.loaded);
    if (!loaded) secretsOnly.set(plannedFile.loaded, (loaded = withOnlySecrets(engine, plannedFile.loaded)));
    const text = addition.binary ? BINARY_FILE_TEXT : sparseText(addition.lines);
    const outcome = analyzeJob(engine, { file, loaded, text, salt: plan.salt(plannedFile), committed: true }, plan.workspace, plan.host);
    for (const finding of outcome.findings) {
      finding.commit = addition.commit;
      finding.message = `${finding.message} Added in commit ${addition.commit.slice(0, 12)}: every clone holds it, so rotate it even if a later commit removed it.`;
    }
    outcomes.push(outcome);
  });
  // Oldest commit first, so that the first time a secret is met is where it entered the history.
  const run = finishWorkspace(plan, outcomes.reverse(), options);
  const seen = new Set<string>();
  run.findings = run.findings.filter((finding) => {
    const key = `${finding.file}\u0000${finding.ruleId}\u0000${finding.fingerprint}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return run;
}

/** The config with every rule outside the secrets family off. */
function withOnlySecrets(engine: Engine, loaded: LoadedConfig): LoadedConfig {
  const rules = { ...loaded.config.rules };
  for (const meta of engine.rules) if (meta.family !== 'secrets') rules[meta.id] = 'off';
  return { ...loaded, config: { ...loaded.config, rules } };
}
