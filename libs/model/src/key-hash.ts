/**
 * A 64-bit hash of a key made of string parts, for what is remembered as a number instead of a
 * string (the storage writer's recent invocation and request keys, a Lambda stream's recent REPORTs):
 * a string key is an object every full collection marks, and one cut from the text it was parsed
 * from keeps that text alive unless copied (BENCHMARKS.md, "Small deliveries: keys as hashes").
 * Two keys that differ share a hash with probability 2^-64.
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
