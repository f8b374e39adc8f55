import { execFileSync } from 'node:child_process';
import { parseRange, parseStep, parseTime } from './time-range';

/** parseTime's answer in a fresh Node process whose time zone is `zone`. */
function parseTimeIn(zone: string, value: string): number {
  const script = `process.stdout.write(String(require(${JSON.stringify(__dirname + '/time-range.ts')}).parseTime('from', ${JSON.stringify(value)})))`;
  const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  return Number(out);
}

describe(parseTime.name, () => {
  it('reads an ISO time without an offset as UTC, not in the server time zone', () => {
    // A jest worker cannot change its own zone: the same string is parsed under Kolkata (UTC+5:30).
    expect(parseTimeIn('Asia/Kolkata', '2026-12-03T10:00:00')).toBe(Date.UTC(2026, 11, 3, 10));
    expect(parseTimeIn('America/New_York', '2026-12-03T10:00')).toBe(Date.UTC(2026, 11, 3, 10));
  });

  it('honours an offset or Z when one is given', () => {
    expect(parseTime('from', '2026-12-03T10:00:00+05:30')).toBe(Date.UTC(2026, 11, 3, 4, 30));
    expect(parseTime('from', '2026-12-03T10:00:00.250Z')).toBe(
      Date.UTC(2026, 11, 3, 10, 0, 0, 250),
    );
    expect(parseTime('from', '2026-12-03')).toBe(Date.UTC(2026, 11, 3));
    expect(parseTime('from', '1764756000000')).toBe(1764756000000);
  });

  it.each(['Dec 3 2026', '2026-02-30T00:00:00Z', '2026-12-03T24:00:00Z', '1e12'])(
    'refuses %s, which Date.parse would read one way or another',
    (value) => {
      expect(() => parseTime('from', value)).toThrow(/^from: expected ISO-8601/);
    },
  );

  it('refuses times before 2000 and after 2106 naming the parameter, instead of failing the query', () => {
    expect(() => parseTime('from', '-1')).toThrow(/^from: -1 is before 2000-01-01/);
    expect(() => parseTime('to', '99999999999999999999')).toThrow(/^to: .* is after 2106-02-07/);
  });
});

describe(parseRange.name, () => {
  it('names both parameters when the range is too long', () => {
    expect(() => parseRange('2020-01-01', '2026-01-01')).toThrow(/^from, to: the range may span/);
  });
});

describe(parseStep.name, () => {
  it('refuses a step beyond the longest range as too large', () => {
    const range = { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 0, 2) };
    expect(() => parseStep('99999999999999999999d', range)).toThrow(
      /^step: .*too large; at most 400d/,
    );
    expect(parseStep('5m', range)).toBe(300);
  });
});
