import { jsonInSlices } from './json-in-slices';

const text = (body: Record<string, unknown>, field: string, perSlice?: number) =>
  [...jsonInSlices(body, field, perSlice)].join('');

describe(jsonInSlices.name, () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `fn-${i}`,
      rate: i === 0 ? null : 1 / i,
      name: 'quote " and \\ and \u2028 and é',
      nested: { p50: i * 1.5, tags: [i, 'x'] },
      skipped: undefined,
    }));

  it.each([0, 1, 2, 3, 4, 7])('writes what JSON.stringify writes: %i rows in slices of 3', (n) => {
    const body = { from: 'a', functions: rows(n), fleet: { rate: 0.5 }, gone: undefined };
    const sliced = text(body, 'functions', 3);
    expect(sliced).toBe(JSON.stringify(body));
    expect(JSON.parse(sliced)).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('writes the array where the object has it, and leaves alone a field that is not an array', () => {
    const first = { functions: rows(5), to: 'b' };
    expect(text(first, 'functions', 2)).toBe(JSON.stringify(first));
    const notArray = { functions: { a: 1 }, n: 2 };
    expect(text(notArray, 'functions', 2)).toBe(JSON.stringify(notArray));
  });

  it('writes an empty object and one whose only field is left out', () => {
    expect(text({}, 'functions')).toBe('{}');
    expect(text({ gone: undefined }, 'functions')).toBe('{}');
  });

  it('yields one piece per slice of the array', () => {
    const pieces = [...jsonInSlices({ functions: rows(250) }, 'functions', 100)];
    // '{"functions":[', three slices, ']', '}'
    expect(pieces).toHaveLength(6);
  });
});
