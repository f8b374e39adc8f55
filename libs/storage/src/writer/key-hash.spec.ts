import { randomUUID } from 'node:crypto';
import { KeyHashSet, hashKey, type KeyHash } from './key-hash';

const key = (parts: string[]): string => {
  const { high, low } = hashKey(parts);
  return `${high}:${low}`;
};

describe('hashKey', () => {
  it('is the same for the same parts, and differs where a part ends', () => {
    expect(key(['fn', 'lambda_log', 'r-1'])).toBe(key(['fn', 'lambda_log', 'r-1']));
    expect(key(['ab', 'c'])).not.toBe(key(['a', 'bc']));
    expect(key(['a', ''])).not.toBe(key(['a']));
    expect(key(['\u0000'])).not.toBe(key(['', '']));
  });

  it('gives 500,000 invocation keys of one function 500,000 hashes, in each half', () => {
    const fn = 'aws:lambda:eu-west-1:123456789012:function:checkout';
    const seen = new Set<string>();
    const highs = new Set<number>();
    for (let i = 0; i < 500_000; i++) {
      const { high, low } = hashKey([fn, 'lambda_log', randomUUID()]);
      seen.add(`${high}:${low}`);
      highs.add(high);
    }
    expect(seen.size).toBe(500_000);
    // 32 random bits for 500,000 keys: ~29 pairs of them share a value; far more would mean the
    // halves are not independent of the UUID's fixed characters.
    expect(highs.size).toBeGreaterThan(500_000 - 200);
  });
});

describe('KeyHashSet', () => {
  it('adds each hash once, grows past its first room, and empties', () => {
    const set = new KeyHashSet(4);
    const hashes: KeyHash[] = Array.from({ length: 1_000 }, (_, i) => hashKey([`k${i}`]));
    expect(hashes.map((h) => set.add(h)).every(Boolean)).toBe(true);
    expect(hashes.map((h) => set.add(h)).some(Boolean)).toBe(false);
    expect(set.size).toBe(1_000);
    expect(hashes.every((h) => set.has(h))).toBe(true);
    expect(set.has(hashKey(['k1000']))).toBe(false);
    set.clear();
    expect(set.size).toBe(0);
    expect(hashes.some((h) => set.has(h))).toBe(false);
  });

  it('keeps the hash 0, 0 apart from an empty slot', () => {
    const set = new KeyHashSet();
    const zero = { high: 0, low: 0 };
    expect(set.has(zero)).toBe(false);
    expect(set.add(zero)).toBe(true);
    expect(set.has(zero)).toBe(true);
    expect(set.add({ high: 0, low: 0 })).toBe(false);
  });
});
