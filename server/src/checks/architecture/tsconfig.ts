// The compiler options module resolution needs from the nearest tsconfig.json (or jsconfig.json):
// `paths` and `baseUrl`, with `extends` chains followed by TypeScript's own config reader.
import * as path from 'node:path';
import ts from 'typescript';
import type { FileSystemHost } from '../../engine/types';

export interface PathAliases {
  /** Folder `paths` substitutions are relative to. */
  pathsBase: string;
  /** Patterns in declaration order; each has at most one `*`. */
  paths: { pattern: string; prefix: string; suffix: string; hasStar: boolean; substitutions: string[] }[];
  baseUrl?: string;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Reads a tsconfig (following `extends`) without enumerating the project's files. */
export function readPathAliases(configFile: string, host: FileSystemHost): PathAliases | undefined {
  const text = host.readFile(configFile);
  if (text === undefined) return undefined;
  const { config } = ts.parseConfigFileTextToJson(configFile, text);
  if (!config) return undefined;
  const parseHost: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (file) => host.fileExists(file),
    readFile: (file) => host.readFile(file),
  };
  const dir = path.dirname(configFile);
  const { options } = ts.parseJsonConfigFileContent(config, parseHost, dir, undefined, configFile);
  // `paths` are relative to `baseUrl` when it is set, else to the tsconfig that declares them.
  const pathsBase = options.baseUrl ?? (options.pathsBasePath as string | undefined) ?? dir;
  const paths = Object.entries(options.paths ?? {}).map(([pattern, substitutions]) => {
    const star = pattern.indexOf('*');
    return {
      pattern,
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      hasStar: star >= 0,
      substitutions: substitutions.filter((s) => typeof s === 'string'),
    };
  });
  return { pathsBase, paths, baseUrl: options.baseUrl };
}

/** The tsconfig.json or jsconfig.json nearest above a folder. */
export function findNearestConfig(dir: string, host: FileSystemHost): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (host.fileExists(candidate)) return candidate;
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The `paths` pattern a specifier matches, TypeScript's way: an exact pattern first, else the star
 * pattern with the longest prefix. Returns the substitutions with the star filled in.
 */
export function matchPaths(aliases: PathAliases, specifier: string): { pattern: string; candidates: string[] } | undefined {
  let best: PathAliases['paths'][number] | undefined;
  for (const entry of aliases.paths) {
    if (!entry.hasStar) {
      if (entry.pattern === specifier) return { pattern: entry.pattern, candidates: entry.substitutions.map((s) => path.resolve(aliases.pathsBase, s)) };
      continue;
    }
    if (specifier.length >= entry.prefix.length + entry.suffix.length && specifier.startsWith(entry.prefix) && specifier.endsWith(entry.suffix)) {
      if (!best || entry.prefix.length > best.prefix.length) best = entry;
    }
  }
  if (!best) return undefined;
  const star = specifier.slice(best.prefix.length, specifier.length - best.suffix.length);
  return { pattern: best.pattern, candidates: best.substitutions.map((s) => path.resolve(aliases.pathsBase, s.split('*').join(star))) };
}
