import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cutRequestId } from '../testing/cut-request-id';
import { RecentKeys } from './recent-keys';

/** The engine's garbage collector, as `node --expose-gc` would give it. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('RecentKeys', () => {
  it('answers for the keys added, in two generations of half the capacity', () => {
    const keys = new RecentKeys(4);
    keys.addKey('a');
    keys.addKey('b');
    keys.addKey('c'); // the young generation was full: a and b become the old one
    expect(['a', 'b', 'c', 'd'].map((k) => keys.hasKey(k))).toEqual([true, true, true, false]);
    keys.addKey('d');
    keys.addKey('e'); // c and d become the old generation; a and b are dropped
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => keys.hasKey(k))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(keys.size).toBe(3);
  });

  it('keeps no string, nor the text a key was cut from', () => {
    const gc = collector();
    const keys = new RecentKeys(10_000);
    const padding = 'x'.repeat(20_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 2_000; i++) {
      keys.addKey(`fn-${i % 7}\u0000cloudwatch\u0000${cutRequestId(i, padding)}`);
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    // 2,000 lines of 20 kB are 40 MB; the hashes are in a typed array allocated at construction.
    expect(retained).toBeLessThan(512 * 1024);
    expect(keys.hasKey('fn-1\u0000cloudwatch\u00001-abcdef0123456789')).toBe(true);
    expect(keys.hasKey('fn-2\u0000cloudwatch\u00001-abcdef0123456789')).toBe(false);
  });

  it('tells any strings apart, by every UTF-16 unit', () => {
    const keys = new RecentKeys(10);
    for (const key of ['ascii', 'café', 'функция', 'a\ud800b', '\u{1f600}']) {
      keys.addKey(key);
      expect(keys.hasKey(key)).toBe(true);
    }
    expect(['a\ufffdb', 'cafe', 'ascii ', ''].map((k) => keys.hasKey(k))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
