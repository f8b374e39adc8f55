import { payloadFor } from './payload.plan';

describe('payloadFor', () => {
  it('gives each weighted payload floor(w·num/Σw) of every num invocations, the last the rest', () => {
    const plan = {
      weightedPayloads: [
        { payload: 'a', weight: 1 },
        { payload: 'b', weight: 1 },
        { payload: 'c', weight: 2 },
      ],
    };
    const got = Array.from({ length: 10 }, (_, i) => payloadFor(plan, i, 10));
    expect(got).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'c', 'c', 'c', 'c']);
  });

  it('uses the single payload, or an empty object', () => {
    expect(payloadFor({ payload: { x: 1 } }, 3, 10)).toEqual({ x: 1 });
    expect(payloadFor({}, 0, 10)).toEqual({});
  });
});
