// The `shipshape` command: a thin adapter that runs the engine over files and prints a report.
// Exit codes: 0 = no error-severity findings, 1 = findings at error severity, 2 = usage or config error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildBaseline, newSalt, pruneBaseline, readBaseline, writeBaseline } from '../engine/baseline';
import { createEngine, preparePythonImports, readsPython } from '../engine/index';
import { UsageError } from './errors';
import { collectFiles } from '../engine/workspace/files';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { formatReadinessMarkdown, formatReadinessText } from '../engine/report/readiness-format';
import { loadRootConfig, mergeReadiness, type ReadinessReport } from '../engine/readiness/run';
import { readinessFromCli } from './readiness';
import { annotate, buildReport, relativeTo, type AnnotatedFinding } from '../engine/report/report';
import { parseShard } from './shard';
import { primerFromCli } from './primer';
import { stagedFiles } from './staged';
import { ConfigError } from '../engine/errors';
import { runWorkspaceParallel } from '../engine/workspace/parallel';
import { HistoryError, runHistory } from '../engine/workspace/history';
import { repositoryRoot } from './repository';
import type { WorkspaceRun } from '../engine/workspace/run';

declare const SHIPSHAPE_VERSION: string | undefined;
const VERSION = typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  shipshape check [PATH...] [--format text|json|sarif] [--config FILE] [--staged | --history | --commits RANGE] [--exit-zero] [--no-color]
  shipshape readiness [DIR] [--format text|json|sarif|markdown] [--config FILE] [--changed-since REF] [--shard k/n] [--staged]
  shipshape merge REPORT.json... [--format text|json|sarif|markdown]
  shipshape baseline [DIR] [--config FILE] [--prune]
  shipshape primer [DIR] [--format markdown|agents|copilot|cursor|claude] [--config FILE] [--touched FILE]... [--task TEXT] [--decision TEXT]... [--write]
  shipshape --version | --help

check     Analyse files (folders are walked, honouring .gitignore). No PATH = the current folder.
          --staged checks the staged content of staged files (for pre-commit hooks).
          --history checks for secrets the lines every commit of the current branch added (a secret a
          later commit removed is still in every clone); --commits RANGE only those of RANGE
          (e.g. origin/main..HEAD, for a pull request). Only the secrets family runs.
          --cache keeps per-file results in <folder>/.shipshape/cache (or --cache-dir DIR), so unchanged
          files are not analysed again; --workers N sets the number of threads (default: one per core).
          --exit-zero exits 0 even with error-severity findings (usage and config errors still exit 2).
readiness Review the whole project: every finding, project-level checks, and the gates in shipshape.yml.
          --shard k/n checks the k-th of n slices of the files (CI matrix); combine with merge.
merge     Combine readiness JSON reports of shards into one report and one verdict.
baseline  Write .shipshape/baseline.json with every current finding, so only new ones are reported.
          --prune only drops entries that no longer occur (never adds).
primer    A short primer for a fresh AI session: the hard constraints (architecture, enabled rules), the
          files touched (--touched, else what git reports changed) with their open findings, how to verify.
          --format agents|copilot|cursor|claude prints the block for AGENTS.md, .github/copilot-instructions.md,
          .cursor/rules/shipshape.mdc or CLAUDE.md; --write puts it in that file (only between its markers).

Exit codes (check): 0 no error-severity findings, 1 error-severity findings, 2 usage or config error.
Exit codes (readiness, merge): 0 every gate passes, 1 a gate fails, 2 usage or config error.`;


async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === 'check') return check(rest);
  if (command === 'baseline') return baseline(rest);
  if (command === 'readiness') return readiness(rest);
  if (command === 'merge') return merge(rest);
  if (command === 'primer') return primer(rest);
  throw new UsageError(`Unknown command '${command}'.`);
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'text' },
    config: { type: 'string' },
    staged: { type: 'boolean', default: false },
    history: { type: 'boolean', default: false },
    commits: { type: 'string' },
    'no-color': { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
    ...RUN_OPTIONS,
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format '${format}': use text, json or sarif.`);
  const engine = createEngine();
  if (values.history || values.commits !== undefined) return checkHistory(engine, values, positionals, format);

  let files: string[];
  let contentOverride: Map<string, string> | undefined;
  if (values.staged) {
    const staged = stagedFiles(positionals);
    files = staged.files;
    contentOverride = staged.content;
  } else {
    const walk = collectFiles(positionals.length > 0 ? positionals : ['.']);
    if (walk.missing.length > 0) throw new UsageError(`No such file or folder: ${walk.missing.join(', ')}`);
    files = walk.files;
  }
  await prepareLanguages(files);
  // Paths in output are relative to the single folder given, else to the current folder.
  const baseDir = positionals.length === 1 && !values.staged && isDirectory(positionals[0]) ? path.resolve(positionals[0]) : process.cwd();

  const run = await runWorkspaceParallel(engine, { files, configFile: values.config as string | undefined, contentOverride, applyBaseline: true, ...runOptions(values, positionals[0]) });
  reportSideIssues(run);
  return writeCheckReport(run, baseDir, engine, format, values, run.cache);
}

function writeCheckReport(run: WorkspaceRun, baseDir: string, engine: ReturnType<typeof createEngine>, format: string, values: Record<string, unknown>, cache?: { hits: number; misses: number }): number {
  const report = buildReport(run, baseDir);
  if (cache) report.summary.cache = cache;
  if (format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif(annotate(run.findings, baseDir), engine, VERSION));
  else process.stdout.write(formatText(report, !values['no-color'] && process.stdout.isTTY === true));
  return report.summary.bySeverity.error > 0 && !values['exit-zero'] ? 1 : 0;
}

/** `check --history` (the current branch's history) or `--commits RANGE`: secrets in what the commits added. */
async function checkHistory(engine: ReturnType<typeof createEngine>, values: Record<string, unknown>, positionals: string[], format: string): Promise<number> {
  if (values.staged) throw new UsageError('--staged and --history (or --commits) cannot be combined: --staged checks the index, --history the commits.');
  if (positionals.length > 1) throw new UsageError('--history checks one repository: give its folder, or none for the current one.');
  const target = path.resolve(positionals[0] ?? '.');
  if (!isDirectory(target)) throw new UsageError(`--history needs a folder in a git repository (got ${target}).`);
  const root = repositoryRoot(target, '--history');
  const range = (values.commits as string | undefined) ?? 'HEAD';
  let run: WorkspaceRun;
  try {
    const under = path.relative(root, fs.realpathSync(target)).split(path.sep).join('/');
    run = await runHistory(engine, { root, range, under: under || undefined, configFile: values.config as string | undefined, applyBaseline: true });
  } catch (error) {
    if (error instanceof HistoryError) throw new UsageError(error.message);
    throw error;
  }
  reportSideIssues(run);
  return writeCheckReport(run, root, engine, format, values);
}

const READINESS_FORMATS = ['text', 'json', 'sarif', 'markdown'];

async function readiness(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'text' },
    config: { type: 'string' },
    'changed-since': { type: 'string' },
    shard: { type: 'string' },
    staged: { type: 'boolean', default: false },
    ...RUN_OPTIONS,
  });
  const format = values.format as string;
  if (!READINESS_FORMATS.includes(format)) throw new UsageError(`Unknown format '${format}': use ${READINESS_FORMATS.join(', ')}.`);
  if (positionals.length > 1) throw new UsageError('readiness takes at most one folder.');
  const engine = createEngine();
  const { report, inlineSuppressed } = await readinessFromCli(engine, {
    dir: positionals[0] ?? '.',
    configFile: values.config as string | undefined,
    changedSince: values['changed-since'] as string | undefined,
    shard: values.shard ? parseShard(values.shard as string) : undefined,
    staged: values.staged as boolean,
    ...runOptions(values, positionals[0]),
  });
  writeReadiness(report, format, engine, inlineSuppressed);
  return report.verdict.passed ? 0 : 1;
}

function merge(args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string', default: 'json' } });
  const format = values.format as string;
  if (!READINESS_FORMATS.includes(format)) throw new UsageError(`Unknown format '${format}': use ${READINESS_FORMATS.join(', ')}.`);
  if (positionals.length === 0) throw new UsageError('merge needs the JSON reports of the shards.');
  const reports = positionals.map((file) => {
    let data: ReadinessReport;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8')) as ReadinessReport;
    } catch (error) {
      throw new UsageError(`${file}: not a readable JSON report (${(error as Error).message}).`);
    }
    if (data?.kind !== 'readiness' || data.version !== 1) throw new UsageError(`${file}: not a readiness report (run \`shipshape readiness --format json\`).`);
    return data;
  });
  const merged = mergeReadiness(reports);
  writeReadiness(merged, format, createEngine(), []);
  return merged.verdict.passed ? 0 : 1;
}

function writeReadiness(report: ReadinessReport, format: string, engine: ReturnType<typeof createEngine>, inlineSuppressed: AnnotatedFinding[]): void {
  if (format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif([...report.findings, ...inlineSuppressed], engine, VERSION));
  else if (format === 'markdown') process.stdout.write(formatReadinessMarkdown(report));
  else process.stdout.write(formatReadinessText(report));
}

async function baseline(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { config: { type: 'string' }, prune: { type: 'boolean', default: false } });
  if (positionals.length > 1) throw new UsageError('baseline takes at most one folder.');
  const dir = path.resolve(positionals[0] ?? '.');
  const engine = createEngine();
  const walk = collectFiles([dir]);
  if (walk.missing.length > 0) throw new UsageError(`No such folder: ${walk.missing.join(', ')}`);
  await prepareLanguages(walk.files);
  // Keep the existing salt so secret fingerprints stay stable; a first baseline gets a fresh random one.
  const rootConfig = loadRootConfig(engine, dir, values.config as string | undefined);
  const configDir = rootConfig.dir;
  const salt = readBaseline(configDir)?.salt ?? newSalt();
  const run = await runWorkspaceParallel(engine, { files: walk.files, configFile: values.config as string | undefined, salt, applyBaseline: false });
  reportSideIssues(run);
  run.findings.push(...engine.analyzeProject(rootConfig, { allowGit: true }).findings);
  const current = run.findings.filter((f) => !f.suppressed).map((finding) => ({ finding, relativePath: relativeTo(configDir, finding.file) }));
  const previous = readBaseline(configDir);
  if (values.prune) {
    if (!previous) throw new UsageError(`No baseline to prune at ${path.join(configDir, '.shipshape/baseline.json')}.`);
    const pruned = pruneBaseline(previous, current.map((c) => c.finding));
    const written = writeBaseline(configDir, pruned.baseline);
    process.stdout.write(`Pruned ${path.relative(process.cwd(), written) || written}: removed ${pruned.removed}, kept ${Object.keys(pruned.baseline.findings).length} entr${Object.keys(pruned.baseline.findings).length === 1 ? 'y' : 'ies'}.\n`);
    return 0;
  }
  const written = writeBaseline(configDir, buildBaseline(current, salt));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), written) || written} with ${current.length} finding${current.length === 1 ? '' : 's'}.\n`);
  return 0;
}

async function primer(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'markdown' },
    config: { type: 'string' },
    touched: { type: 'string', multiple: true },
    task: { type: 'string' },
    decision: { type: 'string', multiple: true },
    write: { type: 'boolean', default: false },
  });
  if (positionals.length > 1) throw new UsageError('primer takes at most one folder.');
  const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : undefined);
  process.stdout.write(
    await primerFromCli(createEngine(), {
      dir: positionals[0] ?? '.',
      format: values.format as string,
      configFile: values.config as string | undefined,
      touched: list(values.touched),
      task: values.task as string | undefined,
      decisions: list(values.decision),
      write: values.write as boolean,
    }),
  );
  return 0;
}

function reportSideIssues(run: WorkspaceRun): void {
  for (const loaded of run.configs) {
    for (const problem of loaded.problems) {
      process.stderr.write(`${path.relative(process.cwd(), loaded.path ?? '')}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}\n`);
    }
  }
  for (const error of run.errors) {
    process.stderr.write(`shipshape: rule ${error.ruleId} failed on ${path.relative(process.cwd(), error.file)}: ${error.message}\n`);
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Python import analysis needs its parser (WebAssembly) loaded; only runs with Python files pay for it. */
async function prepareLanguages(files: string[]): Promise<void> {
  if (files.some(readsPython)) await preparePythonImports();
}


/** Options shared by check and readiness: the result cache and the number of threads. */
const RUN_OPTIONS = {
  cache: { type: 'boolean', default: false },
  'cache-dir': { type: 'string' },
  workers: { type: 'string' },
} as const;

function runOptions(values: Record<string, string | boolean | undefined>, folder: string | undefined): { cacheDir?: string; workers?: number } {
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers takes a whole number ≥ 1 (got '${values.workers}').`);
  }
  const cacheDir = values['cache-dir'] ? path.resolve(values['cache-dir'] as string) : values.cache ? path.resolve(folder && isDirectory(folder) ? folder : '.', '.shipshape', 'cache') : undefined;
  return { cacheDir, workers };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    reportFailure(error);
    process.exitCode = 2;
  },
);

function reportFailure(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`shipshape: ${error.message}\n\n${USAGE}\n`);
  } else if (error instanceof ConfigError) {
    process.stderr.write(`shipshape: invalid configuration\n${error.message}\n`);
  } else {
    process.stderr.write(`shipshape: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  }
}
