import { hashKey, type KeyHash } from '@fleetscope/model';
import { KeyHashSet } from './key-hash-set';

/**
 * A bounded set of recently seen keys, as their 64-bit hashes (key-hash-set.ts), in two generations:
 * when the young generation holds half the capacity, the old one is emptied and becomes the young
 * one. Lookups and inserts are O(1); its memory, 16 bytes a slot at most half full, is allocated
 * once and holds no object for the garbage collector to mark.
 */
export class RecentKeys {
  private young: KeyHashSet;
  private old: KeyHashSet;
  private readonly scratch: KeyHash = { high: 0, low: 0 };

  constructor(readonly capacity: number) {
    this.young = new KeyHashSet(Math.ceil(capacity / 2));
    this.old = new KeyHashSet(Math.ceil(capacity / 2));
  }

  has(hash: KeyHash): boolean {
    return this.young.has(hash) || this.old.has(hash);
  }

  add(hash: KeyHash): void {
    if (this.young.size >= this.capacity / 2) {
      const emptied = this.old;
      emptied.clear();
      this.old = this.young;
      this.young = emptied;
    }
    this.young.add(hash);
  }

  /** has() of a string key's hash. */
  hasKey(key: string): boolean {
    return this.has(hashKey([key], this.scratch));
  }

  /** add() of a string key's hash. */
  addKey(key: string): void {
    this.add(hashKey([key], this.scratch));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
