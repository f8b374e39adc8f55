import { randomUUID } from 'node:crypto';
import { hashKey } from './key-hash';

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
