// The `shipshape` command: a thin adapter that runs the engine over files and prints a report.
// Exit codes: 0 = no error-severity findings, 1 = findings at error severity, 2 = usage or config error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildBaseline, newSalt, readBaseline, writeBaseline } from '../engine/baseline';
import { createEngine, languageOf, preparePythonImports } from '../engine/index';
import { UsageError } from './errors';
import { collectFiles } from '../engine/workspace/files';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { buildReport, relativeTo } from './report';
import { stagedFiles } from './staged';
import { ConfigError, runWorkspace } from './workspace-run';

declare const SHIPSHAPE_VERSION: string | undefined;
const VERSION = typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  shipshape check [PATH...] [--format text|json|sarif] [--config FILE] [--staged] [--exit-zero] [--no-color]
  shipshape baseline [DIR] [--config FILE]
  shipshape --version | --help

check     Analyse files (folders are walked, honouring .gitignore). No PATH = the current folder.
          --staged checks the staged content of staged files (for pre-commit hooks).
          --exit-zero exits 0 even with error-severity findings (usage and config errors still exit 2).
baseline  Write .shipshape/baseline.json with every current finding, so only new ones are reported.

Exit codes: 0 no error-severity findings, 1 error-severity findings, 2 usage or config error.`;


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
    'no-color': { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format '${format}': use text, json or sarif.`);
  const engine = createEngine();

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

  const run = runWorkspace(engine, { files, configFile: values.config as string | undefined, contentOverride, applyBaseline: true });
  reportSideIssues(run);
  const report = buildReport(run, baseDir);
  if (format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif(report, engine, VERSION));
  else process.stdout.write(formatText(report, !values['no-color'] && process.stdout.isTTY === true));
  return report.summary.bySeverity.error > 0 && !values['exit-zero'] ? 1 : 0;
}

async function baseline(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { config: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError('baseline takes at most one folder.');
  const dir = path.resolve(positionals[0] ?? '.');
  const engine = createEngine();
  const walk = collectFiles([dir]);
  if (walk.missing.length > 0) throw new UsageError(`No such folder: ${walk.missing.join(', ')}`);
  await prepareLanguages(walk.files);
  // Keep the existing salt so secret fingerprints stay stable; a first baseline gets a fresh random one.
  const probe = runWorkspace(engine, { files: [], configFile: values.config as string | undefined, applyBaseline: false });
  const configDir = probe.configs[0]?.dir ?? dir;
  const salt = readBaseline(configDir)?.salt ?? newSalt();
  const run = runWorkspace(engine, { files: walk.files, configFile: values.config as string | undefined, salt, applyBaseline: false });
  reportSideIssues(run);
  const current = run.findings.filter((f) => !f.suppressed).map((finding) => ({ finding, relativePath: relativeTo(configDir, finding.file) }));
  const written = writeBaseline(configDir, buildBaseline(current, salt));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), written) || written} with ${current.length} finding${current.length === 1 ? '' : 's'}.\n`);
  return 0;
}

function reportSideIssues(run: ReturnType<typeof runWorkspace>): void {
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
  if (files.some((file) => languageOf(file) === 'python')) await preparePythonImports();
}

function reportFailure(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`shipshape: ${error.message}\n\n${USAGE}\n`);
  } else if (error instanceof ConfigError) {
    process.stderr.write(`shipshape: invalid configuration\n${error.message}\n`);
  } else {
    process.stderr.write(`shipshape: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  }
  process.exitCode = 2;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code), reportFailure);
