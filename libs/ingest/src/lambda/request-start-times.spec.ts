import type { InvocationRecord } from '@fleetscope/model';
import { RequestStartTimes } from './request-start-times';

const FUNCTION = 'aws_lambda~123456789012~us-east-1~api';

function rows(from: number, count: number, startTimeMs = 1_000): InvocationRecord[] {
  return Array.from(
    { length: count },
    (_, i) =>
      ({
        functionId: FUNCTION,
        platform: 'aws_lambda',
        requestId: `req-${from + i}`,
        startTimeMs: startTimeMs + from + i,
      }) as InvocationRecord,
  );
}

describe('RequestStartTimes', () => {
  it('retimes a row by the start noted for its request, and forgets the oldest past its bound', () => {
    const times = new RequestStartTimes(3);
    times.note(rows(0, 4));
    const late = rows(0, 4, 9_000_000);
    times.retime(late);
    // req-0 was pushed out by req-3; the others keep their noted starts.
    expect(late.map((r) => r.startTimeMs)).toEqual([9_000_000, 1_001, 1_002, 1_003]);
  });

  it('keeps the first start noted for a request', () => {
    const times = new RequestStartTimes(10);
    times.note(rows(0, 1, 1_000));
    times.note(rows(0, 1, 5_000));
    const late = rows(0, 1, 9_000);
    times.retime(late);
    expect(late[0].startTimeMs).toBe(1_000);
  });

  it('notes rows as fast once full as while filling (a Map evicted through its own order slowed to 20–200 µs a row at 300,000)', () => {
    const times = new RequestStartTimes(300_000);
    const batch = 500;
    for (let i = 0; i < 300_000; i += batch) times.note(rows(i, batch));
    const started = performance.now();
    for (let i = 300_000; i < 600_000; i += batch) times.note(rows(i, batch));
    // ~0.3 s here; the Map evicted by its iterator took tens of seconds for the same rows.
    expect(performance.now() - started).toBeLessThan(5_000);
    const late = [...rows(299_999, 1, 0), ...rows(300_000, 1, 0)];
    times.retime(late);
    expect(late.map((r) => r.startTimeMs)).toEqual([299_999, 301_000]);
  });
});
