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

/**
 * The key's characters in a string of their own. A key is made of parts cut from the text they
 * were parsed from (a request id a regular expression took from a REPORT line): V8 keeps such a
 * part as a slice of that text and a concatenation as a pair of its parts, so a key kept here
 * would keep the whole log line alive (a REPORT line's ~250 bytes for a key's ~60), and with the
 * capacity's hundreds of thousands of keys as many lines, which every major GC marks. Neither a Set nor
 * a Map flattens it away; a copy through bytes does (~0.25 µs a key; recent-keys.spec.ts).
 */
function ownCopy(key: string): string {
  // Latin-1 keeps one byte a character; UTF-16 holds any other string as it is, lone surrogates
  // included (UTF-8 would replace them).
  let encoding: 'latin1' | 'utf16le' = 'latin1';
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 0xff) {
      encoding = 'utf16le';
      break;
    }
  }
  return Buffer.from(key, encoding).toString(encoding);
}
