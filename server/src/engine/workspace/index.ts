// The workspace index: a compact summary of every file of the workspace (not just open ones), for
// rules that look across files (which exports are async, which files import which). Summaries are
// small plain data computed by summarizers; syntax trees are never kept here.
import { createHash } from 'node:crypto';
import type * as ts from 'typescript';
import { isScriptLanguage } from '../language';
import { parseScript } from '../parse-ts';
import type { LanguageKind, SourceDocument } from '../types';

/** A syntax tree of a document's exact text, or a function that parses it when first asked. */
type TreeSource = ts.SourceFile | (() => ts.SourceFile | undefined);

/** A document to summarise later (`WorkspaceIndex.defer`): its text, or a function that reads it then (undefined: not to be indexed). */
export interface DeferredDocument extends Omit<SourceDocument, 'text'> {
  text: string | (() => string | undefined);
}

/** A deferred document with its text (read now if it was to be read later), or undefined when it is not to be indexed. */
export function resolvedDocument(document: DeferredDocument): SourceDocument | undefined {
  const text = typeof document.text === 'function' ? document.text() : document.text;
  return text === undefined ? undefined : { ...document, text };
}

/** Computes one kind of fact about a file. Pure: the same text gives the same summary. */
export interface Summarizer<T = unknown> {
  /** Key of the summary in `FileSummary.facts`. */
  key: string;
  languages: LanguageKind[];
  /**
   * Rule ids (or `family/*`) that read this summary. When none of them is enabled in any config of a
   * run, the CLI skips the summarizer: no time spent on facts nobody reads. Absent = always computed.
   */
  usedBy?: readonly string[];
  summarize(document: SourceDocument, tree: () => ts.SourceFile | undefined): T;
}

export interface FileSummary {
  path: string;
  /** Content hash: an update with the same text is a no-op. */
  hash: string;
  facts: Record<string, unknown>;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileSummary>();
  /** Documents to summarise when first needed (see `defer`). */
  private readonly deferred = new Map<string, DeferredDocument>();
  /** Told of each tree parsed to summarise a deferred document on demand. */
  private parsedOnDemand?: (filePath: string, tree: ts.SourceFile) => void;
  private readonly listeners = new Set<(changed: string[]) => void>();
  /** Bumped on every change, so caches keyed on it go stale. */
  version = 0;

  constructor(private readonly summarizers: readonly Summarizer[]) {}

  /** Whether summaries are worth computing at all (no summarizer = no cross-file rule). */
  get enabled(): boolean {
    return this.summarizers.length > 0;
  }

  /** Whether any summarizer looks at files of this language. */
  wants(language: LanguageKind): boolean {
    return this.summarizers.some((s) => s.languages.includes(language));
  }

  /** Keys of the summarizers this index computes (a worker thread builds the same index from them). */
  get summarizerKeys(): string[] {
    return this.summarizers.map((s) => s.key);
  }

  /**
   * The summary of a document, without storing it: pure, so worker threads can compute summaries for
   * the main thread's index. `tree` may be given when the caller has already parsed this exact text.
   */
  summarize(document: SourceDocument, tree?: ts.SourceFile): FileSummary {
    return this.build(document, contentHash(document.text), tree);
  }

  /** `tree`: a tree of this exact text, or a function that gives one when a summarizer asks (a caller's parse, made only if needed). */
  private build(document: SourceDocument, hash: string, tree?: TreeSource, parsedHere?: (tree: ts.SourceFile) => void): FileSummary {
    let parsed = typeof tree === 'function' ? undefined : tree;
    let asked = typeof tree !== 'function';
    const getTree = () => {
      if (!asked) {
        asked = true;
        parsed = (tree as () => ts.SourceFile | undefined)();
      }
      if (!parsed && isScriptLanguage(document.language)) {
        parsed = parseScript(document.path, document.text);
        parsedHere?.(parsed);
      }
      return parsed;
    };
    const facts: Record<string, unknown> = {};
    for (const summarizer of this.summarizers) {
      if (summarizer.languages.includes(document.language)) facts[summarizer.key] = detached(summarizer.summarize(document, getTree));
    }
    return { path: document.path, hash, facts };
  }

  /**
   * Summarises a file (again). Returns true when its facts changed. `tree` may be given when the
   * caller has already parsed this exact text.
   */
  update(document: SourceDocument, tree?: ts.SourceFile): boolean {
    this.deferred.delete(document.path);
    const hash = contentHash(document.text);
    const previous = this.files.get(document.path);
    if (previous?.hash === hash) return false;
    const summary = this.build(document, hash, tree);
    this.files.set(document.path, summary);
    // Most edits change text but not facts (a function body, a comment): dependents need no re-check then.
    if (previous && JSON.stringify(previous.facts) === JSON.stringify(summary.facts)) return false;
    this.changed([document.path]);
    return true;
  }

  remove(filePath: string): void {
    this.deferred.delete(filePath);
    if (this.files.delete(filePath)) this.changed([filePath]);
  }

  /**
   * Takes documents to summarise later, each at the latest moment: when a check first asks about it
   * (`get`, `facts`, `current`), when the caller has parsed it anyway (`summarizeDeferred`), or all
   * together when a reader wants the whole index (`all`, `snapshot`, `size`). The CLI's single pass
   * (workspace/parallel.ts) analyses files in dependency order and summarises each from the tree its
   * analysis parsed: most files are then parsed once instead of twice. Summaries are pure, so when one
   * is made never changes what it says.
   */
  defer(documents: Iterable<DeferredDocument>, parsedOnDemand?: (filePath: string, tree: ts.SourceFile) => void): void {
    for (const document of documents) if (!this.files.has(document.path)) this.deferred.set(document.path, document);
    this.parsedOnDemand = parsedOnDemand;
  }

  /**
   * Summarises a deferred document now, reusing the tree of its exact text if the caller has one; nothing
   * if it is not deferred. A tree parsed here goes to `defer`'s `parsedOnDemand`, which may keep it for
   * the document's own analysis.
   */
  summarizeDeferred(filePath: string, tree?: TreeSource): void {
    const deferred = this.deferred.get(filePath);
    if (!deferred) return;
    this.deferred.delete(filePath);
    const document = resolvedDocument(deferred);
    if (!document) return; // unreadable, binary or too large: not indexed
    let parsed: ts.SourceFile | undefined;
    this.files.set(filePath, this.build(document, contentHash(document.text), tree, (made) => (parsed = made)));
    if (parsed) this.parsedOnDemand?.(filePath, parsed);
  }

  get(filePath: string): FileSummary | undefined {
    this.summarizeDeferred(filePath);
    return this.files.get(filePath);
  }

  /**
   * The summary of this exact text, when the index holds it: a check may reuse its facts instead of
   * recomputing them. `tree` is the caller's syntax tree of this text: a deferred document is summarised
   * from it rather than parsed a second time (the CLI's single pass asked this of every file during its
   * own analysis, and parsed each file twice).
   */
  current(document: SourceDocument, tree?: () => ts.SourceFile | undefined): FileSummary | undefined {
    // Only a text given whole can be the caller's: the files read on demand are not being analysed.
    if (tree && this.deferred.get(document.path)?.text === document.text) this.summarizeDeferred(document.path, tree);
    const summary = this.get(document.path);
    return summary && summary.hash === contentHash(document.text) ? summary : undefined;
  }

  facts<T>(filePath: string, key: string): T | undefined {
    return this.get(filePath)?.facts[key] as T | undefined;
  }

  all(): IterableIterator<FileSummary> {
    this.summarizeAllDeferred();
    return this.files.values();
  }

  get size(): number {
    this.summarizeAllDeferred();
    return this.files.size;
  }

  /** Every summary, as plain data (for worker threads and cache keys). */
  snapshot(): FileSummary[] {
    this.summarizeAllDeferred();
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private summarizeAllDeferred(): void {
    for (const filePath of [...this.deferred.keys()]) this.summarizeDeferred(filePath);
  }

  /** Loads summaries computed elsewhere (a snapshot from the main thread). */
  restore(summaries: FileSummary[]): void {
    for (const summary of summaries) {
      this.deferred.delete(summary.path);
      this.files.set(summary.path, summary);
    }
    this.version++;
  }

  /** Called with the paths whose summaries changed. */
  onDidChange(listener: (changed: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(paths: string[]): void {
    this.version++;
    for (const listener of this.listeners) listener(paths);
  }
}

/**
 * A copy of a summary made of fresh strings. Names taken from a syntax tree are V8 "sliced strings":
 * views into the whole file's text, which they keep alive. Kept in the index, they held every indexed
 * file's text (30 MB of the language server's 104 MB live heap on the effect workspace).
 */
function detached<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The hash that keys a text's summary (`FileSummary.hash`). The last one is remembered: a file summarised
 * during its analysis is hashed for the summary and again when the analysis asks whether the summary is
 * of its text (`current`), the same string both times.
 */
export function contentHash(text: string): string {
  if (text !== lastHashed.text) lastHashed = { text, hash: createHash('sha1').update(text).digest('hex') };
  return lastHashed.hash;
}

let lastHashed = { text: '', hash: createHash('sha1').update('').digest('hex') };
