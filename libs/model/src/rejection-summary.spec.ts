import { rejectionReasons, rejectionSummary } from './rejection-summary';

describe(rejectionSummary.name, () => {
  it('says how many were refused, why, and the first problem; nothing when none was', () => {
    expect(rejectionSummary(3, { too_old: 2, 'bad.id': 1 }, 'span 0: too old')).toBe(
      'rejected 3 (too_old: 2, bad.id: 1); first: span 0: too old',
    );
    expect(rejectionSummary(0, {}, undefined)).toBe('');
  });

  it('is read back by rejectionReasons, the reasons summed over every line of an answer', () => {
    const answer = [
      rejectionSummary(3, { too_old: 2, 'bad.id': 1 }, 'span 0 (a: 1): too old'),
      rejectionSummary(4, { too_old: 4 }, 'span 9: too old'),
    ].join('; ');
    expect([...rejectionReasons(answer)]).toEqual([
      ['too_old', 6],
      ['bad.id', 1],
    ]);
  });
});
