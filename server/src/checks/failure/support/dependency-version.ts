// What the project asks for of a package: some rules depend on its major version (Express 5 handles a
// handler's rejection itself; node-fetch 2 has a `timeout` option that version 3 dropped).
import * as path from 'node:path';
import type { FileSystemHost } from '../../../engine/types';

/**
 * The major version of `name` that the nearest package.json declaring it asks for (in dependencies,
 * devDependencies or peerDependencies), from `dir` up; 0 when none does or the file is unreadable.
 */
export function dependencyMajor(host: FileSystemHost, dir: string, name: string): number {
  for (let current = dir; ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    const text = host.fileExists(file) ? host.readFile(file) : undefined;
    if (text !== undefined) {
      try {
        const data = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
        const range = data.dependencies?.[name] ?? data.devDependencies?.[name] ?? data.peerDependencies?.[name];
        if (range !== undefined) return Number(/(\d+)/.exec(range)?.[1] ?? 0);
      } catch {
        return 0;
      }
    }
    if (path.dirname(current) === current) return 0;
  }
}
