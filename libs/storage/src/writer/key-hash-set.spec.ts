import { hashKey, type KeyHash } from '@fleetscope/model';
import { KeyHashSet } from './key-hash-set';

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
