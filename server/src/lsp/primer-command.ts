// The primer server command: the engine's primer built from the config in force, the findings the
// server holds for the files the session touched, and the folder's package.json (read as data).
// No git, nothing run: the client says which files were touched.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { LoadedConfig } from '../engine/config/model';
import type { Engine } from '../engine/engine';
import { buildPrimer, instructionFileText, INSTRUCTION_FILES, MarkedBlockError, PRIMER_FORMATS, renderPrimer, testCommandOf, type PrimerFormat } from '../engine/primer/index';
import type { Finding } from '../engine/types';
import type { PrimerCommandArgs, PrimerCommandResult } from './protocol';

export interface PrimerSources {
  engine: Engine;
  roots: readonly string[];
  configFor(folder: string): LoadedConfig;
  /** Current findings of a file the server has analysed (open documents), if any. */
  findingsOf(filePath: string): readonly Finding[] | undefined;
}

const LOCKFILES = ['pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock'];

export function primerCommand(raw: unknown, sources: PrimerSources): PrimerCommandResult {
  const args = (raw && typeof raw === 'object' ? raw : {}) as PrimerCommandArgs;
  const format = (args.format ?? 'markdown') as PrimerFormat;
  if (!PRIMER_FORMATS.includes(format)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown primer format '${String(args.format)}'.`);
  const folder = typeof args.folder === 'string' ? URI.parse(args.folder).fsPath : sources.roots[0];
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder to build a primer for.');
  const files = strings(args.files).map((uri) => URI.parse(uri).fsPath);
  const findings = files.flatMap((file) => sources.findingsOf(file) ?? []);
  const primer = buildPrimer({
    config: sources.configFor(folder),
    rules: sources.engine.rules,
    findings,
    filesTouched: files,
    testCommand: testCommandOf(readText(path.join(folder, 'package.json')), LOCKFILES.filter((f) => fs.existsSync(path.join(folder, f)))),
    evidence: strings(args.evidence),
    task: typeof args.task === 'string' ? args.task : undefined,
    decisions: strings(args.decisions),
    root: folder,
  });
  const text = renderPrimer(primer, format);
  if (format === 'markdown') return { format, text };
  const target = path.join(folder, INSTRUCTION_FILES[format]);
  const existing = readText(target);
  try {
    return { format, text, file: { uri: URI.file(target).toString(), exists: existing !== undefined, newText: instructionFileText(existing, primer, format) } };
  } catch (error) {
    if (error instanceof MarkedBlockError) throw new ResponseError(ErrorCodes.InvalidRequest, `${INSTRUCTION_FILES[format]}: ${error.message}`);
    throw error;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
