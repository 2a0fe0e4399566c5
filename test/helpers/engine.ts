// Helpers for engine-level tests: analyse text as if it were a file in a workspace with a given config.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskHost } from '../../server/src/engine/host';
import { createEngine, createWorkspaceIndex, languageOf, parseConfigText, type Finding, type SourceDocument, type WorkspaceIndex } from '../../server/src/engine/index';
import { defaultConfig, type LoadedConfig } from '../../server/src/engine/config/model';
import { parsedFiles } from '../../server/src/engine/parse-ts';

export const engine = createEngine();
export const TEST_SALT = 'test-salt';

export function loadedConfig(yamlText: string | undefined, dir: string): LoadedConfig {
  if (yamlText === undefined) return { dir, config: defaultConfig(), problems: [] };
  const parsed = parseConfigText(yamlText, { knownRuleIds: new Set(engine.rules.map((r) => r.id)) });
  if (!parsed.config) throw new Error(`test config is invalid: ${JSON.stringify(parsed.problems)}`);
  return { path: path.join(dir, 'shipshape.yml'), dir, config: parsed.config, problems: parsed.problems };
}

export interface AnalyseOptions {
  /** Path relative to the workspace root; decides the language. */
  filename?: string;
  config?: string;
  /** Other files of the workspace (relative path -> text), written to a temp folder. */
  files?: Record<string, string>;
  salt?: string;
  /** Build the workspace index over `files` (and the analysed code), for cross-file rules such as cycles. */
  workspace?: boolean;
}

/** Every finding (suppressed included) for `code` placed at `filename` in a temporary workspace. */
export function analyse(code: string, options: AnalyseOptions = {}): Finding[] {
  const dir = options.files ? makeWorkspace(options.files) : os.tmpdir();
  const filename = options.filename ?? 'src/file.ts';
  const file = path.join(dir, filename);
  const document = { path: file, text: code, language: languageOf(file) };
  const result = engine.analyze({
    document,
    config: loadedConfig(options.config, dir),
    host: new DiskHost(),
    salt: options.salt ?? TEST_SALT,
    workspace: options.workspace ? indexOf(dir, options.files ?? {}, document) : undefined,
  });
  if (result.errors.length > 0) throw new Error(`a check threw: ${JSON.stringify(result.errors)}`);
  return result.findings;
}

function indexOf(dir: string, files: Record<string, string>, analysed: SourceDocument): WorkspaceIndex {
  const index = createWorkspaceIndex();
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    if (file !== analysed.path) index.update({ path: file, text, language: languageOf(file) });
  }
  index.update(analysed);
  return index;
}

/**
 * One finding as a line for row tables: rule, range, message, then each fix's title and edits
 * (`=> Title 1:5-1:5 "text"|…`, fixes separated by ` / `).
 */
export function describeFinding(f: Finding): string {
  const fixes = f.fixes?.length
    ? ' => ' + f.fixes.map((x) => x.title + ' ' + x.changes.map((ch) => `${ch.line}:${ch.column}-${ch.endLine}:${ch.endColumn} ${JSON.stringify(ch.newText)}`).join('|')).join(' / ')
    : '';
  return `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}${fixes}`;
}

export function visible(findings: Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed);
}

export function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-'));
  for (const [relative, text] of Object.entries(files)) {
    if (text === undefined) continue; // lets a test drop a file from a shared fixture
    const full = path.join(dir, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

/**
 * What `run` returns, with the files the TypeScript parse saw while it ran (in order, repeats kept,
 * relative to `dir` with forward slashes): how tests tell that a file was parsed once, or not at all.
 */
export async function withParsesRecorded<T>(dir: string, run: () => T | Promise<T>): Promise<{ result: T; parsed: string[] }> {
  parsedFiles.paths.length = 0;
  parsedFiles.record = true;
  try {
    const result = await run();
    return { result, parsed: parsedFiles.paths.map((file) => path.relative(dir, file).split(path.sep).join('/')) };
  } finally {
    parsedFiles.record = false;
  }
}
