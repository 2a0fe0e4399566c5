// Resolves a relative module specifier to a file, the way TypeScript does for relative paths:
// exact file, added extensions, `.js` written for a `.ts` source, and directory indexes.
import * as path from 'node:path';
import type { FileSystemHost } from '../../engine/types';

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** The resolved file, or undefined when nothing on disk (or open in the editor) matches. */
export function resolveRelative(fromFile: string, specifier: string, host: FileSystemHost): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const extension = path.extname(base);
  const candidates = [base];
  for (const replacement of JS_TO_TS[extension] ?? []) candidates.push(base.slice(0, -extension.length) + replacement);
  for (const ext of EXTENSIONS) candidates.push(base + ext);
  for (const ext of EXTENSIONS) candidates.push(path.join(base, 'index' + ext));
  return candidates.find((candidate) => host.fileExists(candidate));
}
