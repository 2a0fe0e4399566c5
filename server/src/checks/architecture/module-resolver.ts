// Module resolution for the architecture rules, the way TypeScript resolves: relative paths (with
// `.js`→`.ts` and directory indexes), tsconfig `paths`/`baseUrl` (with `extends`), package.json
// `imports` (`#x`), npm/yarn/pnpm workspace packages, and everything else as an npm package or a
// Node builtin. Results are cached per folder and dropped when the host says files appeared or vanished.
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import type { FileSystemHost } from '../../engine/types';
import { mapTargets, readPackageJson, workspacePackages, type PackageJson } from './package-json';
import { isRelativeSpecifier, resolveAsFileOrDirectory } from './resolve';
import { findNearestConfig, matchPaths, readPathAliases, type PathAliases } from './tsconfig';

export interface PackageRef {
  /** `pg`, `@aws-sdk/client-s3`, or `node:fs` for a builtin (with or without the prefix in the source). */
  name: string;
  /** `''` or the rest after the name, with its leading slash (`/promises`). */
  subpath: string;
  builtin: boolean;
}

export type Resolution =
  /** A file of the workspace; `package` is set when it was reached by a workspace package's name. */
  | { kind: 'file'; path: string; package?: PackageRef }
  | { kind: 'package'; package: PackageRef }
  /** A local import (relative, `#x`, a tsconfig alias, a workspace package) that matches no file. */
  | { kind: 'unresolved'; reason: string; expectedPath?: string };

export class ModuleResolver {
  private readonly cache = new Map<string, Map<string, Resolution>>();
  private readonly aliasesByDir = new Map<string, PathAliases | undefined>();
  private readonly aliasesByConfig = new Map<string, PathAliases | undefined>();
  private readonly packageByDir = new Map<string, PackageJson | undefined>();
  private readonly workspaceByDir = new Map<string, Map<string, string>>();
  private hostVersion: number;

  constructor(readonly host: FileSystemHost) {
    this.hostVersion = host.version ?? 0;
  }

  /** Bumped when cached results were dropped, so derived data (the import graph) knows to redo them. */
  generation = 0;

  resolve(fromFile: string, specifier: string): Resolution {
    this.checkHostVersion();
    const dir = path.dirname(fromFile);
    let byDir = this.cache.get(dir);
    if (!byDir) this.cache.set(dir, (byDir = new Map()));
    let resolution = byDir.get(specifier);
    if (!resolution) byDir.set(specifier, (resolution = this.resolveUncached(dir, specifier)));
    return resolution;
  }

  /** The package.json nearest above a folder (its package scope). */
  nearestPackage(dir: string): PackageJson | undefined {
    if (this.packageByDir.has(dir)) return this.packageByDir.get(dir);
    const own = readPackageJson(dir, this.host);
    const parent = path.dirname(dir);
    const found = own ?? (parent === dir ? undefined : this.nearestPackage(parent));
    this.packageByDir.set(dir, found);
    return found;
  }

  private checkHostVersion(): void {
    const version = this.host.version ?? 0;
    if (version === this.hostVersion) return;
    this.hostVersion = version;
    this.cache.clear();
    this.aliasesByDir.clear();
    this.aliasesByConfig.clear();
    this.packageByDir.clear();
    this.workspaceByDir.clear();
    this.generation++;
  }

  private resolveUncached(dir: string, specifier: string): Resolution {
    if (specifier.startsWith('node:')) return { kind: 'package', package: splitPackage(specifier.slice(5), true) };
    if (isRelativeSpecifier(specifier) || path.isAbsolute(specifier)) {
      const base = path.resolve(dir, specifier);
      const file = resolveAsFileOrDirectory(base, this.host);
      return file ? { kind: 'file', path: file } : { kind: 'unresolved', reason: 'no file matches this path', expectedPath: base };
    }
    // TypeScript's order: `paths`, then package.json `imports`, then `baseUrl`, then packages.
    const aliases = this.aliasesFor(dir);
    const match = aliases && matchPaths(aliases, specifier);
    if (match) {
      for (const candidate of match.candidates) {
        const file = resolveAsFileOrDirectory(candidate, this.host);
        if (file) return { kind: 'file', path: file };
      }
      // A catch-all `*` alias usually lists fallbacks for packages; anything narrower names local code.
      if (match.pattern !== '*') {
        return { kind: 'unresolved', reason: `the tsconfig alias '${match.pattern}' matches no file`, expectedPath: match.candidates[0] };
      }
    }
    if (specifier.startsWith('#')) return this.resolvePackageImport(dir, specifier);
    if (aliases) {
      if (aliases.baseUrl) {
        const file = resolveAsFileOrDirectory(path.resolve(aliases.baseUrl, specifier), this.host);
        if (file) return { kind: 'file', path: file };
      }
    }
    return this.resolveBare(dir, specifier);
  }

  private resolveBare(dir: string, specifier: string): Resolution {
    const ref = splitPackage(specifier, false);
    if (isBuiltin(specifier)) return { kind: 'package', package: splitPackage(specifier, true) };
    const packageDir = this.workspacePackagesFor(dir).get(ref.name);
    if (!packageDir) return { kind: 'package', package: ref };
    const file = this.resolveInPackage(packageDir, ref.subpath);
    return file
      ? { kind: 'file', path: file, package: ref }
      : { kind: 'unresolved', reason: `workspace package '${ref.name}' has no source file for '${specifier}'`, expectedPath: path.join(packageDir, ref.subpath) };
  }

  /** A subpath of a workspace package: its `exports`, else its entry fields, else the path itself. */
  private resolveInPackage(packageDir: string, subpath: string): string | undefined {
    const manifest = readPackageJson(packageDir, this.host);
    const entry = subpath ? '.' + subpath : '.';
    let targets: string[];
    if (manifest?.exports !== undefined) targets = mapTargets(manifest.exports, entry);
    else if (subpath) targets = [entry];
    else targets = [manifest?.types, manifest?.typings, manifest?.module, manifest?.main, './index'].filter((t): t is string => !!t);
    for (const target of targets) {
      const file = resolveAsFileOrDirectory(path.resolve(packageDir, target), this.host);
      if (file) return file;
    }
    return undefined;
  }

  private resolvePackageImport(dir: string, specifier: string): Resolution {
    const scope = this.nearestPackage(dir);
    const targets = scope ? mapTargets(scope.imports, specifier) : [];
    for (const target of targets) {
      if (target.startsWith('./')) {
        const file = resolveAsFileOrDirectory(path.resolve(scope!.dir, target), this.host);
        if (file) return { kind: 'file', path: file };
      } else if (!target.startsWith('#')) {
        return this.resolveBare(scope!.dir, target);
      }
    }
    return {
      kind: 'unresolved',
      reason: targets.length > 0 ? `the package.json "imports" target of '${specifier}' matches no file` : `no package.json "imports" entry matches '${specifier}'`,
      ...(scope && targets[0] ? { expectedPath: path.resolve(scope.dir, targets[0]) } : {}),
    };
  }

  private aliasesFor(dir: string): PathAliases | undefined {
    if (this.aliasesByDir.has(dir)) return this.aliasesByDir.get(dir);
    const configFile = findNearestConfig(dir, this.host);
    let aliases: PathAliases | undefined;
    if (configFile) {
      if (!this.aliasesByConfig.has(configFile)) this.aliasesByConfig.set(configFile, readPathAliases(configFile, this.host));
      aliases = this.aliasesByConfig.get(configFile);
    }
    this.aliasesByDir.set(dir, aliases);
    return aliases;
  }

  /** Workspace packages of the nearest workspace root above a folder (a package.json with `workspaces`). */
  private workspacePackagesFor(dir: string): Map<string, string> {
    let packages = this.workspaceByDir.get(dir);
    if (packages) return packages;
    const root = this.workspaceRootAbove(dir);
    packages = root ? (this.workspaceByDir.get(`root:${root.dir}`) ?? workspacePackages(root, this.host)) : new Map();
    if (root) this.workspaceByDir.set(`root:${root.dir}`, packages);
    this.workspaceByDir.set(dir, packages);
    return packages;
  }

  private workspaceRootAbove(dir: string): PackageJson | undefined {
    for (let current = dir; ; current = path.dirname(current)) {
      const manifest = this.nearestPackage(current);
      if (!manifest) return undefined;
      if (manifest.workspaces || this.host.fileExists(path.join(manifest.dir, 'pnpm-workspace.yaml'))) return manifest;
      const parent = path.dirname(manifest.dir);
      if (parent === manifest.dir) return undefined;
      current = manifest.dir;
    }
  }
}

/** `@scope/name/sub` → name `@scope/name`, subpath `/sub`. Builtins get the `node:` prefix. */
export function splitPackage(specifier: string, builtin: boolean): PackageRef {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') && parts.length > 1 ? 2 : 1;
  const name = parts.slice(0, count).join('/');
  const subpath = parts.length > count ? '/' + parts.slice(count).join('/') : '';
  return { name: builtin ? `node:${name}` : name, subpath, builtin };
}

const resolvers = new WeakMap<FileSystemHost, ModuleResolver>();

/** One resolver (and cache) per host: the CLI has one host per run, the server one per session. */
export function resolverFor(host: FileSystemHost): ModuleResolver {
  let resolver = resolvers.get(host);
  if (!resolver) resolvers.set(host, (resolver = new ModuleResolver(host)));
  return resolver;
}
