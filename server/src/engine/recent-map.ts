// A map that keeps only its most recently used entries. The caches a check fills on demand (a file's
// summary read when there is no workspace index) are keyed by file: in a long editor session that
// opens file after file, a plain Map would keep every text it was ever given.

export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`RecentMap: limit must be at least 1 (got ${limit})`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, which becomes the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: moving the entry to the end keeps the oldest first.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Sets the value as the most recently used, forgetting the least recently used past the limit. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }
}

/** How many files a check keeps read on demand: more than one analysis's imports, far fewer than a session opens. */
export const ON_DEMAND_FILES = 256;
