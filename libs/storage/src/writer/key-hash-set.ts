import type { KeyHash } from '@fleetscope/model';

/**
 * Keys the writer remembers (an invocation's function, source and request id; a request's key) as
 * their 64-bit hashes (hashKey() of @fleetscope/model) in typed arrays instead of strings: the
 * writer remembers 500,000 of them (BENCHMARKS.md, "Small deliveries: keys as hashes"). A new
 * invocation is taken for a retry of one of the N remembered with probability N / 2^64, about
 * 3e-14 for N = 500,000.
 */

const MIN_SLOTS = 16;

/**
 * A set of 64-bit hashes: open addressing with linear probing in one Uint32Array (a slot's high
 * and low halves; 0, 0 marks an empty slot, so the hash 0, 0 is kept as 0, 1), at most half full:
 * it grows when it would be.
 */
export class KeyHashSet {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  /** @param capacity hashes it holds before it grows */
  constructor(capacity = MIN_SLOTS / 2) {
    let count = MIN_SLOTS;
    while (count < capacity * 2) count *= 2;
    this.slots = new Uint32Array(count * 2);
    this.mask = count - 1;
  }

  has(hash: KeyHash): boolean {
    return this.find(hash.high, hash.low === 0 && hash.high === 0 ? 1 : hash.low) < 0;
  }

  /** Adds the hash; false when it was there already. */
  add(hash: KeyHash): boolean {
    const low = hash.low === 0 && hash.high === 0 ? 1 : hash.low;
    const at = this.find(hash.high, low);
    if (at < 0) return false;
    this.slots[at] = hash.high;
    this.slots[at + 1] = low;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return true;
  }

  /** Empties the set, keeping its room. */
  clear(): void {
    if (this.size === 0) return;
    this.slots.fill(0);
    this.size = 0;
  }

  /** The slot index (of its high half) where the hash is, as -1, or the empty one it would take. */
  private find(high: number, low: number): number {
    const slots = this.slots;
    for (let i = (low ^ high) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * 2;
      const h = slots[at];
      const l = slots[at + 1];
      if (h === high && l === low) return -1;
      if (h === 0 && l === 0) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0 && old[at + 1] === 0) continue;
      const to = this.find(old[at], old[at + 1]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
    }
  }
}
