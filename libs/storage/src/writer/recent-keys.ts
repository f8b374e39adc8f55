import { ownCopy } from './own-copy';

/**
 * A bounded set of recently seen keys in two generations: when the young generation fills half the
 * capacity, the old one is dropped. Lookups and inserts are O(1) and memory stays bounded.
 */
export class RecentKeys {
  private young = new Set<string>();
  private old = new Set<string>();

  constructor(readonly capacity: number) {}

  has(key: string): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  add(key: string): void {
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Set();
    }
    this.young.add(ownCopy(key));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
