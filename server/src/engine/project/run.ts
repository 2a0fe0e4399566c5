// Runs the project-level checks over one project root and turns their evidence into findings.
import { runGit } from '../git';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/model';
import { fingerprint } from '../fingerprint';
import { LineIndex } from '../positions';
import { isRuleEnabled, resolveSeverity } from '../severity';
import type { Finding } from '../types';
import { collectFiles, GitIgnoreOracle } from '../workspace/files';
import type { PackageJson, ProjectCheck, ProjectContext, ProjectFinding } from './types';

export interface ProjectRunOptions {
  config: LoadedConfig;
  /** Whether git may be run (trusted workspace): it tells which files are committed. */
  allowGit: boolean;
}

export function runProjectChecks(checks: readonly ProjectCheck[], options: ProjectRunOptions): { findings: Finding[]; errors: { ruleId: string; message: string }[] } {
  const root = options.config.dir;
  const files = collectFiles([root]).files.map((file) => path.relative(root, file).split(path.sep).join('/'));
  const texts = new Map<string, string | undefined>();
  const readFile = (relative: string) => {
    if (!texts.has(relative)) {
      try {
        texts.set(relative, fs.readFileSync(path.join(root, relative), 'utf8'));
      } catch {
        texts.set(relative, undefined);
      }
    }
    return texts.get(relative);
  };
  const oracle = new GitIgnoreOracle();
  const raw: ProjectFinding[] = [];
  const errors: { ruleId: string; message: string }[] = [];
  const context: ProjectContext = {
    root,
    config: options.config.config,
    files,
    readFile,
    trackedFiles: options.allowGit ? gitTrackedFiles(root) : undefined,
    isGitIgnored: (relative) => oracle.ignores(path.join(root, relative)),
    packageJson: parsePackageJson(readFile('package.json')),
    report: (finding) => raw.push(finding),
  };
  for (const check of checks) {
    if (!isRuleEnabled(check.meta, options.config.config)) continue;
    try {
      check.run(context);
    } catch (error) {
      errors.push({ ruleId: check.meta.id, message: (error as Error)?.message ?? String(error) });
    }
  }
  const metaById = new Map(checks.map((c) => [c.meta.id, c.meta]));
  const findings: Finding[] = [];
  for (const item of raw) {
    const meta = metaById.get(item.ruleId);
    if (!meta) continue;
    const severity = resolveSeverity(meta, options.config.config);
    if (severity === 'off') continue;
    const line = item.line ?? 1;
    const text = readFile(item.file);
    const lineLength = text !== undefined ? lineLengthAt(text, line) : 0;
    findings.push({
      ruleId: meta.id,
      family: meta.family,
      severity,
      file: path.join(root, item.file),
      line,
      column: 1,
      endLine: line,
      endColumn: Math.max(2, lineLength + 1),
      message: `${item.message} (Looked at: ${item.lookedAt.join('; ')}.)`,
      fingerprint: fingerprint(meta.id, item.file, item.message),
    });
  }
  return { findings, errors };
}

function lineLengthAt(text: string, line: number): number {
  const index = new LineIndex(text);
  const start = index.lineStart(line);
  const end = line < index.lineCount ? index.lineStart(line + 1) : text.length;
  return text.slice(start, end).replace(/\r?\n$/, '').length;
}

function parsePackageJson(text: string | undefined): PackageJson | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** Files git tracks under root (relative to root); no hooks, no fsmonitor. */
function gitTrackedFiles(root: string): Set<string> | undefined {
  try {
    const out = runGit(['ls-files', '-z', '--', '.'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 20000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
    return new Set(out.toString('utf8').split('\0').filter(Boolean));
  } catch {
    return undefined; // not a repository, or git missing
  }
}
