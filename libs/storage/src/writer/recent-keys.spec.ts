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
    keys.add('a');
    keys.add('b');
    keys.add('c'); // the young generation was full: a and b become the old one
    expect([keys.has('a'), keys.has('b'), keys.has('c'), keys.has('d')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    keys.add('d');
    keys.add('e'); // c and d become the old generation; a and b are dropped
    expect([keys.has('a'), keys.has('c'), keys.has('e')]).toEqual([false, true, true]);
    expect(keys.size).toBe(3);
  });

  it('does not keep alive the text a key was cut from', () => {
    const gc = collector();
    const keys = new RecentKeys(10_000);
    const padding = 'x'.repeat(20_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 2_000; i++) {
      keys.add(`fn-${i % 7}\u0000cloudwatch\u0000${cutRequestId(i, padding)}`);
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    // 2,000 lines of 20 kB are 40 MB; the keys themselves well under 1 MB.
    expect(retained).toBeLessThan(4 * 1024 * 1024);
    expect(keys.has('fn-1\u0000cloudwatch\u00001-abcdef0123456789')).toBe(true);
  });

  it('keeps any string as it is', () => {
    const keys = new RecentKeys(10);
    for (const key of ['ascii', 'café', 'функция', 'a\ud800b', '\u{1f600}']) {
      keys.add(key);
      expect(keys.has(key)).toBe(true);
    }
    expect(keys.has('a\ufffdb')).toBe(false);
  });
});
