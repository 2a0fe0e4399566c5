// The workspace import graph for cycle detection: built from the workspace index (each file's module
// references, summarised without a parse) as far as searches reach, updated per changed file, and kept
// as compact integer adjacency lists of runtime imports. Type-only imports and lazy `import()` never
// form cycles.
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

/**
 * The runtime imports between workspace files. A file's edges are worked out when a search first reaches
 * it (and again after it changes), so a check of a few files reads the files they reach, not the whole
 * index: `shipshape check src/Array.ts` in effect@4.1.0 made a summary of every one of its 572 files.
 */
export class ImportGraph {
  private readonly ids = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly outgoing: number[][] = [];
  private readonly incoming: number[][] = [];
  /** By node: whether `outgoing` holds the file's current imports. */
  private readonly known: boolean[] = [];
  private resolver: ModuleResolver | undefined;
  private resolverGeneration = -1;

  constructor(private readonly index: WorkspaceIndex) {
    index.onDidChange((changed) => changed.forEach((file) => this.forget(file)));
  }

  /** Forgets every edge when resolution may have changed (another resolver, or files appeared): they are worked out again as searches reach them. */
  sync(resolver: ModuleResolver): void {
    if (resolver === this.resolver && resolver.generation === this.resolverGeneration) return;
    this.resolver = resolver;
    this.resolverGeneration = resolver.generation;
    for (let id = 0; id < this.paths.length; id++) {
      this.outgoing[id] = [];
      this.incoming[id] = [];
      this.known[id] = false;
    }
  }

  /** The node of a file, made if it has none yet. */
  node(file: string): number {
    return this.idOf(file);
  }

  pathOf(id: number): string {
    return this.paths[id];
  }

  /** The runtime edges of every indexed file (which reads the whole index). */
  edgeCount(): number {
    for (const summary of this.index.all()) this.ensure(this.idOf(summary.path));
    return this.outgoing.reduce((sum, targets) => sum + targets.length, 0);
  }

  targetsOf(id: number): readonly number[] {
    this.ensure(id);
    return this.outgoing[id];
  }

  /**
   * The nodes on a runtime path from one of `starts` to `target` that does not go through `target` before
   * its end (`target` included): where a cycle closed by an import of `target` can run. Only the files
   * reachable from `starts` are read.
   */
  reachersOf(target: number, starts: readonly number[]): Uint8Array {
    // Forward from the starts, not through the target: every node a path can use. Expanding a node may
    // add nodes (the files it imports), so the marks grow with the graph.
    let reached = new Uint8Array(this.paths.length);
    const mark = (id: number) => {
      if (id >= reached.length) {
        const grown = new Uint8Array(Math.max(this.paths.length, reached.length * 2));
        grown.set(reached);
        reached = grown;
      }
      reached[id] = 1;
    };
    mark(target);
    const queue: number[] = [];
    for (const start of starts) {
      if (reached[start]) continue;
      mark(start);
      queue.push(start);
    }
    for (let head = 0; head < queue.length; head++) {
      for (const next of this.targetsOf(queue[head])) {
        if (next < reached.length && reached[next]) continue;
        mark(next);
        queue.push(next);
      }
    }
    // Back from the target among them: every edge between reached nodes is known (each was expanded).
    const seen = new Uint8Array(this.paths.length);
    const back = [target];
    seen[target] = 1;
    for (let head = 0; head < back.length; head++) {
      for (const from of this.incoming[back[head]]) {
        if (!seen[from] && reached[from]) {
          seen[from] = 1;
          back.push(from);
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
      for (const next of this.targetsOf(node)) {
        if (next < allowed.length && previous[next] === -1 && allowed[next]) {
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
      this.known.push(false);
    }
    return id;
  }

  /** Works out a node's edges if they are not current. */
  private ensure(id: number): void {
    if (this.known[id]) return;
    this.known[id] = true;
    this.setEdges(id);
  }

  /** A changed file's edges are worked out again when a search next reaches it. */
  private forget(file: string): void {
    const id = this.ids.get(file);
    if (id === undefined || !this.known[id]) return;
    this.known[id] = false;
    for (const target of this.outgoing[id]) {
      const list = this.incoming[target];
      list.splice(list.indexOf(id), 1);
    }
    this.outgoing[id] = [];
  }

  private setEdges(id: number): void {
    const file = this.paths[id];
    const fact = this.index.facts<ImportsFact>(file, IMPORTS_FACT);
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
