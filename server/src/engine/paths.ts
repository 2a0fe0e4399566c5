import * as path from 'node:path';
import type { SourceDocument } from './types';

/** Path relative to a folder, with forward slashes and no `./`, as every output format shows it. */
export function toRelativePosix(from: string, to: string): string {
  const relative = path.relative(from, to);
  return (relative === '' ? path.basename(to) : relative).split(path.sep).join('/');
}

/** The file on disk a document's text belongs to (SourceDocument.diskFile): its own path, a cell's notebook, or null when unsaved. */
export function fileOnDisk(document: SourceDocument): string | null {
  return document.diskFile === undefined ? document.path : document.diskFile;
}
