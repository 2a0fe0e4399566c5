// package.json facts module resolution needs: `exports` and `imports` maps (with conditions and `*`
// patterns, as Node and TypeScript read them), the entry fields, and npm/yarn/pnpm workspace folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FileSystemHost } from '../../engine/types';

export interface PackageJson {
  dir: string;
  name?: string;
  exports?: unknown;
  imports?: unknown;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  workspaces?: string[] | { packages?: string[] };
}

/**
 * Conditions a TypeScript-aware tool activates, in the order they are tried when a map lists several:
 * the first key of the map (in its own order) that is in this set wins, as in Node.
 */
const CONDITIONS = new Set(['types', 'import', 'require', 'node', 'module', 'default']);

export function readPackageJson(dir: string, host: FileSystemHost): PackageJson | undefined {
  const file = path.join(dir, 'package.json');
  if (!host.fileExists(file)) return undefined;
  try {
    const data = JSON.parse(host.readFile(file) ?? '') as Record<string, unknown>;
    if (!data || typeof data !== 'object') return undefined;
    const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      dir,
      name: str(data.name),
      exports: data.exports,
      imports: data.imports,
      main: str(data.main),
      module: str(data.module),
      types: str(data.types),
      typings: str(data.typings),
      workspaces: data.workspaces as PackageJson['workspaces'],
    };
  } catch {
    return undefined; // a broken package.json resolves nothing rather than failing the analysis
  }
}

/**
 * Targets of `subpath` (`.`, `./x` or `#x`) in an exports/imports map, in preference order (an array
 * target lists fallbacks). Empty when the map does not expose the subpath or maps it to null.
 */
export function mapTargets(map: unknown, subpath: string): string[] {
  if (map === undefined || map === null) return [];
  // `exports: "./index.js"` or a conditions object without subpath keys means the `.` entry.
  if (typeof map === 'string' || Array.isArray(map) || !hasSubpathKeys(map as Record<string, unknown>)) {
    return subpath === '.' ? conditionTargets(map, '') : [];
  }
  const entries = map as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(entries, subpath)) return conditionTargets(entries[subpath], '');
  // Pattern keys: the longest prefix before `*` wins.
  let best: { key: string; match: string } | undefined;
  for (const key of Object.keys(entries)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length >= key.length - 1 && subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
      if (!best || prefix.length > best.key.indexOf('*')) best = { key, match: subpath.slice(prefix.length, subpath.length - suffix.length) };
    }
  }
  return best ? conditionTargets(entries[best.key], best.match) : [];
}

function hasSubpathKeys(map: Record<string, unknown>): boolean {
  return Object.keys(map).some((key) => key.startsWith('.') || key.startsWith('#'));
}

function conditionTargets(target: unknown, star: string): string[] {
  if (typeof target === 'string') return [target.split('*').join(star)];
  if (Array.isArray(target)) return target.flatMap((item) => conditionTargets(item, star));
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (CONDITIONS.has(condition)) {
        const targets = conditionTargets(value, star);
        if (targets.length > 0) return targets;
      }
    }
  }
  return [];
}

/** Every target an exports map can reach, for "is this file a public entry of its package". */
export function allExportTargets(map: unknown): string[] {
  if (typeof map === 'string') return [map];
  if (Array.isArray(map)) return map.flatMap(allExportTargets);
  if (map && typeof map === 'object') return Object.values(map).flatMap(allExportTargets);
  return [];
}

/** Workspace package folders by package name, from `workspaces` in package.json or pnpm-workspace.yaml. */
export function workspacePackages(root: PackageJson, host: FileSystemHost): Map<string, string> {
  const patterns = Array.isArray(root.workspaces) ? root.workspaces : (root.workspaces?.packages ?? []);
  const pnpm = host.readFile(path.join(root.dir, 'pnpm-workspace.yaml'));
  if (pnpm) {
    try {
      const parsed = parseYaml(pnpm) as { packages?: unknown };
      if (Array.isArray(parsed?.packages)) patterns.push(...parsed.packages.filter((p): p is string => typeof p === 'string'));
    } catch {
      // an unreadable pnpm-workspace.yaml adds no packages
    }
  }
  const packages = new Map<string, string>();
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    for (const dir of expandFolderGlob(root.dir, pattern.replace(/\/+$/, ''))) {
      const manifest = readPackageJson(dir, host);
      if (manifest?.name && !packages.has(manifest.name)) packages.set(manifest.name, dir);
    }
  }
  return packages;
}

/** Folders matching a workspace glob made of literal, `*` and `**` segments (what workspaces use). */
function expandFolderGlob(base: string, pattern: string): string[] {
  let current = [base];
  for (const segment of pattern.split('/').filter((s) => s && s !== '.')) {
    const next: string[] = [];
    for (const dir of current) {
      if (segment === '**') next.push(dir, ...subfolders(dir, true));
      else if (segment.includes('*')) {
        const re = new RegExp('^' + segment.split('*').map(escapeRegExp).join('[^/]*') + '$');
        next.push(...subfolders(dir, false).filter((sub) => re.test(path.basename(sub))));
      } else next.push(path.join(dir, segment));
    }
    current = next;
  }
  return current;
}

function subfolders(dir: string, recursive: boolean, depth = 0): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    out.push(full);
    if (recursive && depth < 4) out.push(...subfolders(full, true, depth + 1));
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
