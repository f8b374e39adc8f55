import { parseJsonKeepingLongIntegers, quoteLongIntegers } from './long-safe-json.parser';

describe(parseJsonKeepingLongIntegers.name, () => {
  it('keeps 19-digit integers exact as strings and leaves short numbers, floats and strings alone', () => {
    const parsed = parseJsonKeepingLongIntegers(
      '{"t":1544712660300000001,"n":-1234567890123456789,"s":"1544712660300000001 \\" 99999999999999999","f":1.25e300,"x":12345678901234567.5,"i":42,"a":[1,2]}',
    );
    expect(parsed).toEqual({
      t: '1544712660300000001',
      n: '-1234567890123456789',
      s: '1544712660300000001 " 99999999999999999',
      f: 1.25e300,
      x: Number('12345678901234567.5'),
      i: 42,
      a: [1, 2],
    });
  });

  it('returns the text itself when nothing needs quoting', () => {
    const text = '{"a":"1544712660300000001","b":12}';
    expect(quoteLongIntegers(text)).toBe(text);
  });
});
