import {
  flattenAttributes,
  idToHex,
  int64ToString,
  nanosDiff,
  nanosToString,
  uint64ToDecimal,
} from './otlp-values';

describe(uint64ToDecimal.name, () => {
  it('converts 64-bit halves to the exact decimal value, across the whole range', () => {
    const samples: bigint[] = [
      0n,
      1n,
      2n ** 32n,
      2n ** 53n + 1n,
      1544712660300000001n,
      2n ** 64n - 1n,
    ];
    let x = 0x9e3779b97f4a7c15n;
    for (let i = 0; i < 2000; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & (2n ** 64n - 1n);
      samples.push(x >> BigInt(i % 40));
    }
    for (const v of samples) {
      const low = Number(v & 0xffffffffn) | 0;
      const high = Number(v >> 32n) | 0;
      expect(uint64ToDecimal(low, high)).toBe(v.toString());
    }
  });
});

describe(int64ToString.name, () => {
  it('keeps negative int64 values exact, from Long bits and from strings', () => {
    expect(int64ToString({ low: -5, high: -1, unsigned: false })).toBe('-5');
    expect(int64ToString({ low: 0, high: -2147483648, unsigned: false })).toBe(
      '-9223372036854775808',
    );
    expect(int64ToString('-9007199254740993')).toBe('-9007199254740993');
    expect(int64ToString('12a')).toBeUndefined();
  });
});

describe(nanosToString.name, () => {
  it('accepts Long, decimal strings and safe numbers, and refuses fractions and garbage', () => {
    expect(nanosToString({ low: -180688128, high: 359656442, unsigned: true })).toBe(
      '1544712660300000000',
    );
    expect(nanosToString('1544712660300000001')).toBe('1544712660300000001');
    expect(nanosToString(1234)).toBe('1234');
    expect(nanosToString(undefined)).toBe('0');
    expect(nanosToString(1.5)).toBeUndefined();
    expect(nanosToString('12:00')).toBeUndefined();
  });
});

describe(nanosDiff.name, () => {
  it('subtracts 19-digit timestamps without losing the nanoseconds', () => {
    expect(nanosDiff('1544712661000000007', '1544712660000000000')).toBe(1000000007);
    expect(nanosDiff('1', '2')).toBe(0);
  });
});

describe(idToHex.name, () => {
  it('lower-cases hex ids in either case and validates length and content', () => {
    expect(idToHex('5B8EFFF798038103D269B633813FC60C', 16, false)).toEqual({
      hex: '5b8efff798038103d269b633813fc60c',
    });
    expect(idToHex(Buffer.from('eee19b7ec3c1b174', 'hex'), 8, false)).toEqual({
      hex: 'eee19b7ec3c1b174',
    });
    expect(idToHex('EEE19B7EC3C1B17', 8, false)).toEqual({
      invalid: 'length 15, expected 16 hex chars',
    });
    expect(idToHex('zzz19b7ec3c1b174', 8, false)).toEqual({ invalid: 'not hex' });
    expect(idToHex('0000000000000000', 8, false)).toEqual({ invalid: 'all zeroes' });
    expect(idToHex('', 8, true)).toEqual({ hex: '' });
  });
});

describe(flattenAttributes.name, () => {
  it('flattens every AnyValue kind to a string, arrays and kvlists as JSON, bytes as base64', () => {
    const attrs = flattenAttributes([
      { key: 's', value: { stringValue: 'x' } },
      { key: 'b', value: { boolValue: false } },
      { key: 'i', value: { intValue: '9007199254740993' } },
      { key: 'd', value: { doubleValue: 1.5 } },
      { key: 'a', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: 3 }] } } },
      { key: 'k', value: { kvlistValue: { values: [{ key: 'n', value: { boolValue: true } }] } } },
      { key: 'y', value: { bytesValue: 'AQID' } },
      { key: 'e', value: {} },
      { key: '__proto__', value: { stringValue: 'safe' } },
    ]);
    expect({ ...attrs }).toEqual({
      s: 'x',
      b: 'false',
      i: '9007199254740993',
      d: '1.5',
      a: '["x",3]',
      k: '{"n":true}',
      y: 'AQID',
      e: '',
      ['__proto__']: 'safe',
    });
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
  });
});
