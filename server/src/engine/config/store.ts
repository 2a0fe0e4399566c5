// Finds the shipshape.yml in force for a file (the nearest one up, never above the root) and keeps the
// last good version of each: a broken edit reports its problems while analysis goes on unchanged.
import * as path from 'node:path';
import { defaultConfig, type ConfigProblem, type LoadedConfig, type ShipshapeConfig } from './model';
import { parseConfigText, type ParseOptions } from './parse';

export const CONFIG_FILE_NAME = 'shipshape.yml';

export interface ConfigSource {
  /** Text of the file, or undefined when it does not exist. Open editor buffers may shadow the disk. */
  readText(filePath: string): string | undefined;
}

interface Entry {
  text: string;
  problems: ConfigProblem[];
  /** The config from this text, or the last good one when this text is broken. */
  config?: ShipshapeConfig;
}

export class ConfigStore {
  private readonly entries = new Map<string, Entry>();
  private readonly lastGood = new Map<string, ShipshapeConfig>();
  /** File texts read so far (undefined = absent); cleared by `invalidate`, so lookups cost no I/O. */
  private readonly texts = new Map<string, string | undefined>();
  private readonly found = new Set<string>();

  constructor(
    private readonly source: ConfigSource,
    private readonly parseOptions: ParseOptions = {},
  ) {}

  /** The nearest shipshape.yml at or above the file's folder, stopping at `root` (inclusive). */
  findConfigPath(filePath: string, root?: string): string | undefined {
    let dir = path.dirname(filePath);
    const stop = root ? path.resolve(root) : undefined;
    for (;;) {
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (this.readText(candidate) !== undefined) return candidate;
      if (stop && (dir === stop || !isInside(dir, stop))) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** The config in force for a file; defaults (rooted at `root` or the file's folder) when there is none. */
  configFor(filePath: string, root?: string): LoadedConfig {
    const configPath = this.findConfigPath(filePath, root);
    if (!configPath) return { dir: root ? path.resolve(root) : path.dirname(filePath), config: defaultConfig(), problems: [] };
    return this.load(configPath);
  }

  /** Loads (or returns cached) config at an exact path. */
  load(configPath: string): LoadedConfig {
    const dir = path.dirname(configPath);
    const text = this.readText(configPath);
    if (text === undefined) {
      this.entries.delete(configPath);
      return { dir, config: defaultConfig(), problems: [] };
    }
    let entry = this.entries.get(configPath);
    if (!entry || entry.text !== text) {
      const parsed = parseConfigText(text, this.parseOptions);
      if (parsed.config) this.lastGood.set(configPath, parsed.config);
      entry = { text, problems: parsed.problems, config: parsed.config ?? this.lastGood.get(configPath) };
      this.entries.set(configPath, entry);
    }
    return { path: configPath, dir, config: entry.config ?? defaultConfig(), problems: entry.problems };
  }

  /** Whether the file at this path currently fails to parse (so analysis runs on the last good config). */
  isBroken(configPath: string): boolean {
    return this.entries.get(configPath)?.problems.some((p) => p.severity === 'error') ?? false;
  }

  /** Drops cached text so the next lookup re-reads it (file watcher events, edits of an open config). */
  invalidate(configPath?: string): void {
    if (configPath) this.texts.delete(configPath);
    else this.texts.clear();
  }

  /** Config files found so far (they may have been deleted since). */
  knownConfigPaths(): string[] {
    return [...this.found];
  }

  private readText(filePath: string): string | undefined {
    if (!this.texts.has(filePath)) {
      const text = this.source.readText(filePath);
      this.texts.set(filePath, text);
      if (text !== undefined) this.found.add(filePath);
    }
    return this.texts.get(filePath);
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
