/**
 * A Map that keeps at most `max` entries, dropping the least recently seen first. "Seen" is a
 * set() or a touch(); a plain get() or has() does not count, so a caller can read an entry (an
 * out-of-order scrape, an undo's check) without keeping it alive. Map iteration order is the
 * recency order: oldest first.
 */
export class RecentMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The entry of `key`, now the most recently seen. */
  touch(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** Stores `value` as the most recently seen, then drops the least recently seen past `max`. */
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  /**
   * Puts back the entry an undo takes back: in its place when it is still here, last otherwise.
   * Neither a sighting nor an insertion that evicts: undoing must not push another entry out.
   */
  restore(key: K, value: V): void {
    this.map.set(key, value);
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  /** Oldest first; deleting the entry being visited is safe. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }
}
