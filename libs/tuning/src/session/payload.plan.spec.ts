import { payloadFor } from './payload.plan';

describe('payloadFor', () => {
  const plan = {
    weightedPayloads: [
      { payload: 'a', weight: 1 },
      { payload: 'b', weight: 1 },
      { payload: 'c', weight: 2 },
    ],
  };

  it('gives each weighted payload floor(w·num/Σw) of every num invocations, the last the rest', () => {
    const got = Array.from({ length: 20 }, (_, i) => payloadFor(plan, i, 10));
    for (const block of [got.slice(0, 10), got.slice(10)]) {
      expect(block.filter((p) => p === 'a')).toHaveLength(2);
      expect(block.filter((p) => p === 'b')).toHaveLength(2);
      expect(block.filter((p) => p === 'c')).toHaveLength(6);
    }
  });

  it('interleaves them by weight, so a few calls at a size already see the mix', () => {
    const two = { weightedPayloads: [plan.weightedPayloads[0], plan.weightedPayloads[1]] };
    expect(Array.from({ length: 6 }, (_, i) => payloadFor(two, i, 50))).toEqual([
      'a',
      'b',
      'a',
      'b',
      'a',
      'b',
    ]);
    expect(Array.from({ length: 5 }, (_, i) => payloadFor(plan, i, 10))).toEqual([
      'c',
      'a',
      'c',
      'b',
      'c',
    ]);
  });

  it('uses the single payload, or an empty object', () => {
    expect(payloadFor({ payload: { x: 1 } }, 3, 10)).toEqual({ x: 1 });
    expect(payloadFor({}, 0, 10)).toEqual({});
  });
});
