// The workspace import graph for cycle detection: built from the workspace index (every file's
// module references, summarised without a parse), updated per changed file, and kept as compact
// integer adjacency lists of runtime imports. Type-only imports and lazy `import()` never form cycles.
import type { Summarizer, WorkspaceIndex } from '../../engine/workspace/index';
import { extractModuleReferences, type ModuleReference } from './imports';
import type { ModuleResolver } from './module-resolver';

export const IMPORTS_FACT = 'architecture/imports';

/**
 * Each reference as one compact string: `t` (type-only) or `v`, a kind letter, the specifier's offsets,
 * and the specifier: `vi120:135:./order.js`. Offsets let the analysis of an unchanged file reuse it.
 */
export type ImportsFact = string[];

const KIND_LETTER: Record<ModuleReference['kind'], string> = { import: 'i', export: 'e', 'dynamic-import': 'd', require: 'r', 'import-equals': 'q' };
const KIND_BY_LETTER = Object.fromEntries(Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind])) as Record<string, ModuleReference['kind']>;

export const importsSummarizer: Summarizer<ImportsFact> = {
  key: IMPORTS_FACT,
  languages: ['typescript', 'javascript'],
  usedBy: ['architecture/*'],
  summarize: (document, tree) => encodeReferences(extractModuleReferences(document.path, document.text, tree)),
};

export function encodeReferences(references: ModuleReference[]): ImportsFact {
  return references.map((r) => `${r.typeOnly ? 't' : 'v'}${KIND_LETTER[r.kind]}${r.start}:${r.end}:${r.specifier}`);
}

export function decodeReference(entry: string): ModuleReference {
  const startEnd = entry.indexOf(':', 2);
  const endEnd = entry.indexOf(':', startEnd + 1);
  return {
    specifier: entry.slice(endEnd + 1),
    start: Number(entry.slice(2, startEnd)),
    end: Number(entry.slice(startEnd + 1, endEnd)),
    kind: KIND_BY_LETTER[entry[1]],
    typeOnly: entry[0] === 't',
  };
}

/** Whether a reference loads its module when the importer loads (what makes a cycle a problem). */
export function isEagerRuntime(reference: Pick<ModuleReference, 'kind' | 'typeOnly'>): boolean {
  return !reference.typeOnly && reference.kind !== 'dynamic-import';
}

export class ImportGraph {
  private readonly ids = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly outgoing: number[][] = [];
  private readonly incoming: number[][] = [];
  private readonly dirty = new Set<string>();
  private resolver: ModuleResolver | undefined;
  private resolverGeneration = -1;

  constructor(private readonly index: WorkspaceIndex) {
    index.onDidChange((changed) => changed.forEach((file) => this.dirty.add(file)));
  }

  /** Brings the edges up to date: the changed files only, or everything when resolution may have changed. */
  sync(resolver: ModuleResolver): void {
    if (resolver !== this.resolver || resolver.generation !== this.resolverGeneration) {
      this.resolver = resolver;
      this.resolverGeneration = resolver.generation;
      for (let id = 0; id < this.outgoing.length; id++) this.outgoing[id] = [];
      for (let id = 0; id < this.incoming.length; id++) this.incoming[id] = [];
      this.dirty.clear();
      for (const summary of this.index.all()) this.setEdges(summary.path);
    } else if (this.dirty.size > 0) {
      const changed = [...this.dirty];
      this.dirty.clear();
      for (const file of changed) this.setEdges(file);
    }
    // Resolution results were computed with the generation current at the start; a bump while
    // resolving (files appeared) is picked up by the next sync.
  }

  lookup(file: string): number | undefined {
    return this.ids.get(file);
  }

  pathOf(id: number): string {
    return this.paths[id];
  }

  get size(): number {
    return this.paths.length;
  }

  edgeCount(): number {
    return this.outgoing.reduce((sum, targets) => sum + targets.length, 0);
  }

  targetsOf(id: number): readonly number[] {
    return this.outgoing[id] ?? [];
  }

  /** Every node from which `target` is reachable through runtime imports (target included). */
  reachersOf(target: number): Uint8Array {
    const seen = new Uint8Array(this.paths.length);
    const queue = [target];
    seen[target] = 1;
    for (let head = 0; head < queue.length; head++) {
      for (const from of this.incoming[queue[head]]) {
        if (!seen[from]) {
          seen[from] = 1;
          queue.push(from);
        }
      }
    }
    return seen;
  }

  /** A shortest runtime path from `from` to `to` through `allowed` nodes, both ends included. */
  shortestPath(from: number, to: number, allowed: Uint8Array): number[] | undefined {
    const previous = new Int32Array(this.paths.length).fill(-1);
    previous[from] = from;
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (node === to) break;
      for (const next of this.outgoing[node]) {
        if (previous[next] === -1 && allowed[next]) {
          previous[next] = node;
          queue.push(next);
        }
      }
    }
    if (previous[to] === -1) return undefined;
    const path = [to];
    for (let node = to; node !== from; node = previous[node]) path.push(previous[node]);
    return path.reverse();
  }

  private idOf(file: string): number {
    let id = this.ids.get(file);
    if (id === undefined) {
      id = this.paths.length;
      this.ids.set(file, id);
      this.paths.push(file);
      this.outgoing.push([]);
      this.incoming.push([]);
    }
    return id;
  }

  private setEdges(file: string): void {
    const fact = this.index.facts<ImportsFact>(file, IMPORTS_FACT);
    const existing = this.ids.get(file);
    if (!fact && existing === undefined) return;
    const id = existing ?? this.idOf(file);
    for (const target of this.outgoing[id]) {
      const list = this.incoming[target];
      list.splice(list.indexOf(id), 1);
    }
    const targets: number[] = [];
    for (const entry of fact ?? []) {
      if (entry[0] === 't' || entry[1] === 'd') continue; // type-only and lazy references form no cycle
      const resolution = this.resolver!.resolve(file, entry.slice(entry.indexOf(':', entry.indexOf(':', 2) + 1) + 1));
      if (resolution.kind !== 'file') continue;
      const target = this.idOf(resolution.path);
      if (!targets.includes(target)) targets.push(target);
    }
    this.outgoing[id] = targets;
    for (const target of targets) this.incoming[target].push(id);
  }
}

const graphs = new WeakMap<WorkspaceIndex, ImportGraph>();

export function importGraphFor(index: WorkspaceIndex, resolver: ModuleResolver): ImportGraph {
  let graph = graphs.get(index);
  if (!graph) graphs.set(index, (graph = new ImportGraph(index)));
  graph.sync(resolver);
  return graph;
}
