/**
 * Keys the writer remembers (an invocation's function, source and request id; a request's key) as
 * 64-bit hashes in typed arrays instead of strings: a string key is an object every full
 * collection marks, cut from the text it was parsed from it keeps that text alive unless copied,
 * and the writer remembers 500,000 of them (BENCHMARKS.md, "Small deliveries: keys as hashes").
 *
 * Two keys that differ share a hash with probability 2^-64: a new invocation is taken for a retry
 * of one of the N remembered with probability N / 2^64, about 3e-14 for N = 500,000.
 *
 * Written here: the 64 bits are two 32-bit hashes of different constructions (MurmurHash3's
 * mixing and FNV-1a, one UTF-16 unit a step, each finished by MurmurHash3's avalanche) computed in
 * one pass over the parts without joining them; Node's crypto hashes need the key as bytes first
 * and cost ~1 µs a call, this ~0.1 µs.
 */

/** A hash's two 32-bit halves. */
export interface KeyHash {
  high: number;
  low: number;
}

// Read once: a global looked up in every step costs ~50 times the hash under jest's sandbox, where
// `Math` is a property of the test's context.
const { imul } = Math;

function murmurStep(h: number, unit: number): number {
  let k = imul(unit, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (imul(h, 5) + 0xe6546b64) | 0;
}

function avalanche(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The hash of `parts`, each followed by its length (no two lists of parts hash the same units),
 * written into `into` (returned).
 */
export function hashKey(parts: readonly string[], into: KeyHash = { high: 0, low: 0 }): KeyHash {
  let murmur = 0x9747b28c;
  let fnv = 0x811c9dc5;
  let length = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const unit = part.charCodeAt(i);
      murmur = murmurStep(murmur, unit);
      fnv = imul(fnv ^ unit, 0x01000193);
    }
    // Each part's length after it: "ab","c" and "a","bc" differ, as do "\0" and "","".
    murmur = murmurStep(murmur, part.length);
    fnv = imul(fnv ^ part.length, 0x01000193);
    length += part.length + 1;
  }
  into.high = avalanche(murmur, length);
  into.low = avalanche(fnv, length);
  return into;
}

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
