// Resolves a path-like module specifier to a file, the way TypeScript does for relative paths: exact
// file, added extensions, `.js` written for a `.ts` source, and directory indexes. The failure family
// uses `resolveRelative` for cross-file rules; `module-resolver.ts` builds the full resolution on it.
import * as path from 'node:path';
import type { FileSystemHost } from '../../engine/types';

/** Source extensions in the order TypeScript prefers them, then plain JavaScript, then JSON. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** The resolved file, or undefined when nothing on disk (or open in the editor) matches. */
export function resolveRelative(fromFile: string, specifier: string, host: FileSystemHost): string | undefined {
  return resolveAsFileOrDirectory(path.resolve(path.dirname(fromFile), specifier), host);
}

/**
 * `base` as a file (exactly, with `.js`→`.ts` mapping, with an added extension) or as a folder with an
 * index file. The first candidate that exists wins, so the order is TypeScript's.
 */
export function resolveAsFileOrDirectory(base: string, host: FileSystemHost): string | undefined {
  const extension = path.extname(base);
  const stem = base.slice(0, base.length - extension.length);
  for (const replacement of JS_TO_TS[extension] ?? []) {
    if (host.fileExists(stem + replacement)) return stem + replacement;
  }
  if (host.fileExists(base)) return base;
  for (const ext of SOURCE_EXTENSIONS) if (host.fileExists(base + ext)) return base + ext;
  for (const ext of SOURCE_EXTENSIONS) {
    const index = path.join(base, 'index' + ext);
    if (host.fileExists(index)) return index;
  }
  return undefined;
}
