// `shipshape primer`: the hand-over for a fresh AI session, or the block for an instruction file.
// Files touched are the ones given with --touched, else what git reports as changed (without hooks or
// fsmonitor). The test command is read from package.json as data, never run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../engine/engine';
import { loadRootConfig } from '../engine/readiness/run';
import { buildPrimer, instructionFileText, INSTRUCTION_FILES, PRIMER_FORMATS, renderPrimer, testCommandOf, MarkedBlockError, type PrimerFormat } from '../engine/primer/index';
import { runWorkspaceParallel } from '../engine/workspace/parallel';
import { changedFiles } from './changed';
import { UsageError } from './errors';

export interface PrimerOptions {
  dir: string;
  format: string;
  configFile?: string;
  touched?: string[];
  task?: string;
  decisions?: string[];
  write: boolean;
}

/** Returns what to print. */
export async function primerFromCli(engine: Engine, options: PrimerOptions): Promise<string> {
  if (!(PRIMER_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`Unknown format '${options.format}': use ${PRIMER_FORMATS.join(', ')}.`);
  const format = options.format as PrimerFormat;
  if (options.write && format === 'markdown') throw new UsageError(`--write needs an instruction-file format: ${Object.keys(INSTRUCTION_FILES).join(', ')}.`);
  const dir = path.resolve(options.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`No such folder: ${options.dir}`);
  const config = loadRootConfig(engine, dir, options.configFile);

  let filesTouched: string[] = [];
  let findings: Awaited<ReturnType<typeof runWorkspaceParallel>>['findings'] = [];
  if (format === 'markdown') {
    filesTouched = options.touched?.length ? options.touched.map((f) => path.resolve(f)) : gitChanged(dir);
    const existing = filesTouched.filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (existing.length > 0) {
      const run = await runWorkspaceParallel(engine, { files: existing, configFile: options.configFile, applyBaseline: true, workers: 1 });
      findings = run.findings;
    }
  }
  const primer = buildPrimer({
    config,
    rules: engine.rules,
    findings,
    filesTouched,
    testCommand: testCommandOf(readText(path.join(dir, 'package.json')), ['pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock'].filter((f) => fs.existsSync(path.join(dir, f)))),
    task: options.task,
    decisions: options.decisions,
    root: dir,
  });
  if (!options.write || format === 'markdown') return renderPrimer(primer, format);

  const target = path.join(dir, INSTRUCTION_FILES[format]);
  let text: string;
  try {
    text = instructionFileText(readText(target), primer, format);
  } catch (error) {
    if (error instanceof MarkedBlockError) throw new UsageError(`${path.relative(process.cwd(), target) || target}: ${error.message}`);
    throw error;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return `Wrote the Shipshape block in ${path.relative(process.cwd(), target) || target}.\n`;
}

function gitChanged(dir: string): string[] {
  try {
    return [...changedFiles(dir, 'HEAD')].filter((f) => f.startsWith(dir + path.sep));
  } catch {
    return []; // not a git repository, or no commit yet
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
