// File system access for checks: the disk, optionally overlaid with unsaved editor buffers.
import * as fs from 'node:fs';
import type { FileSystemHost } from './types';

export class DiskHost implements FileSystemHost {
  private readonly existence = new Map<string, boolean>();
  version = 0;

  constructor(private readonly overlay?: { get(path: string): string | undefined }) {}

  fileExists(filePath: string): boolean {
    if (this.overlay?.get(filePath) !== undefined) return true;
    let exists = this.existence.get(filePath);
    if (exists === undefined) {
      try {
        exists = fs.statSync(filePath).isFile();
      } catch {
        exists = false;
      }
      this.existence.set(filePath, exists);
    }
    return exists;
  }

  readFile(filePath: string): string | undefined {
    const open = this.overlay?.get(filePath);
    if (open !== undefined) return open;
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Forget cached existence (files created or deleted in the workspace). */
  invalidate(): void {
    this.existence.clear();
    this.version++;
  }
}
