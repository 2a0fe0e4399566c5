// Modules declared by `publicApi` globs: each matching folder is a module whose public entry is its
// index file or what its package.json `exports` (or entry fields) name. A matching file is a module
// on its own, importable as a whole.
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import type { ArchitectureConfig } from '../../engine/config/model';
import type { FileSystemHost } from '../../engine/types';
import { allExportTargets, readPackageJson } from './package-json';
import { resolveAsFileOrDirectory, SOURCE_EXTENSIONS } from './resolve';

const compiled = new WeakMap<ArchitectureConfig, Minimatch[]>();

function publicApiMatchers(architecture: ArchitectureConfig): Minimatch[] {
  let matchers = compiled.get(architecture);
  if (!matchers) compiled.set(architecture, (matchers = architecture.publicApi.map((glob) => new Minimatch(glob.replace(/\/+$/, ''), { dot: true }))));
  return matchers;
}

/**
 * The outermost module (a folder relative to the config folder) that contains `target` but not
 * `importer`: the boundary this import crosses. Undefined when it crosses none.
 */
export function crossedModule(architecture: ArchitectureConfig, importer: string, target: string): string | undefined {
  const matchers = publicApiMatchers(architecture);
  if (matchers.length === 0) return undefined;
  const segments = target.split('/');
  for (let length = 1; length < segments.length; length++) {
    const dir = segments.slice(0, length).join('/');
    if (importer.startsWith(dir + '/')) continue; // inside this folder already
    if (matchers.some((m) => m.match(dir))) return dir;
  }
  return undefined;
}

export interface ModuleEntries {
  /** Index files and package entry points, absolute. */
  files: string[];
  /** `exports` patterns (`./features/*.js`) as expressions on the path relative to the module folder. */
  patterns: RegExp[];
}

/** What outsiders may import from a module folder: its index files and its package entry points. */
export function moduleEntries(moduleDir: string, host: FileSystemHost): ModuleEntries {
  const files: string[] = [];
  const patterns: RegExp[] = [];
  for (const ext of SOURCE_EXTENSIONS) {
    const index = path.join(moduleDir, 'index' + ext);
    if (host.fileExists(index)) files.push(index);
  }
  const manifest = readPackageJson(moduleDir, host);
  if (manifest) {
    const targets = manifest.exports !== undefined
      ? allExportTargets(manifest.exports)
      : [manifest.types, manifest.typings, manifest.module, manifest.main].filter((t): t is string => !!t);
    for (const target of targets) {
      if (target.includes('*')) {
        patterns.push(exportPattern(target));
        continue;
      }
      const file = resolveAsFileOrDirectory(path.resolve(moduleDir, target), host);
      if (file && !files.includes(file)) files.push(file);
    }
  }
  return { files, patterns };
}

export function isModuleEntry(entries: ModuleEntries, moduleDir: string, file: string): boolean {
  if (entries.files.includes(file)) return true;
  const relative = './' + path.relative(moduleDir, file).split(path.sep).join('/');
  return entries.patterns.some((pattern) => pattern.test(relative));
}

/** `./lib/*.js` → a pattern that also accepts the TypeScript source (`./lib/x.ts`). */
function exportPattern(target: string): RegExp {
  const normalised = target.startsWith('./') ? target : './' + target;
  const withoutExtension = normalised.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  const source = withoutExtension.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp('^' + source + '(\\.(d\\.)?[cm]?[jt]sx?)?$');
}
