import type { Observation } from '../tuning.types';
import { failureOf, measuredObservations, percentile, trimmed } from './size-stats';

const obs = (extra: Partial<Observation>): Observation => ({
  architecture: 'x86_64',
  memoryMb: 512,
  seq: 0,
  warmup: false,
  outcome: 'ok',
  durationMs: 100,
  billedDurationMs: 100,
  initDurationMs: 0,
  errorType: '',
  ...extra,
});

describe('measuredObservations', () => {
  const warm = [obs({}), obs({ durationMs: 101 }), obs({ durationMs: 102 })];

  it('leaves out warm-ups, failures and cold starts, unless only cold starts are measured', () => {
    const all = [
      obs({ warmup: true, initDurationMs: 200 }),
      obs({ initDurationMs: 180 }),
      ...warm,
      obs({ outcome: 'error' }),
    ];
    expect(measuredObservations(all)).toEqual(warm);
    expect(measuredObservations(all, true)).toEqual([obs({ initDurationMs: 180 }), ...warm]);
  });

  it('leaves out SnapStart restores as cold starts', () => {
    const restored = obs({ restoreDurationMs: 400, billedRestoreDurationMs: 120 });
    expect(measuredObservations([restored, ...warm])).toEqual(warm);
    expect(measuredObservations([restored, ...warm], true)).toEqual([restored, ...warm]);
  });

  it('counts the steady part of cold calls, INIT and restore left out, when fewer than 3 warm ones ran', () => {
    // A parallel batch of sandboxes that stay busy during a call: 8 of 9 calls start cold. Before,
    // the one warm call was all a size had, below the 3 a pick rests on: no pick, no reason.
    const cold = obs({ durationMs: 120.4, billedDurationMs: 301, initDurationMs: 180 });
    const restored = obs({ restoreDurationMs: 400, billedRestoreDurationMs: 120 });
    const steady = { initDurationMs: 0, restoreDurationMs: 0, billedRestoreDurationMs: 0 };
    expect(measuredObservations([cold, obs({}), restored])).toEqual([
      { ...cold, ...steady, billedDurationMs: 121 },
      obs({}),
      { ...restored, ...steady },
    ]);
    expect(measuredObservations([obs({ initDurationMs: 180 })])).toEqual([obs(steady)]);
  });
});

describe('failureOf', () => {
  it('calls a size infeasible at its first out-of-memory or timeout, or when most calls fail', () => {
    expect(
      failureOf([obs({}), obs({ outcome: 'oom', errorType: 'Runtime.OutOfMemory' })], []),
    ).toBe('out of memory (Runtime.OutOfMemory)');
    expect(failureOf([obs({ outcome: 'timeout' })], [])).toBe('timed out');
    expect(failureOf([obs({}), obs({ outcome: 'error', errorType: 'E' })], [])).toBeUndefined();
    expect(
      failureOf(
        [obs({}), obs({ outcome: 'error', errorType: 'E' }), obs({ outcome: 'error' })],
        [],
      ),
    ).toBe('2 of 3 invocations failed (E)');
  });

  const calls = (n: number, failed: number) =>
    Array.from({ length: n }, (_, i) =>
      obs(i < failed ? { outcome: 'error', errorType: 'E' } : {}),
    );

  it('calls a size infeasible when its errors are clearly above the other sizes’ (one-sided Fisher exact test below 0.01)', () => {
    expect(failureOf(calls(10, 4), calls(30, 0))).toBe(
      '4 of 10 invocations failed (E): 40 % against 0 % at the other sizes (one-sided Fisher exact test, p = 0.0023 < 0.01)',
    );
    // One error in ten, or two in five, could fall at any size by chance.
    expect(failureOf(calls(10, 1), calls(30, 0))).toBeUndefined();
    expect(failureOf(calls(5, 2), calls(30, 0))).toBeUndefined();
    // Errors spread over every size are the function's own.
    expect(failureOf(calls(10, 2), calls(40, 5))).toBeUndefined();
  });
});

describe('trimmed and percentile', () => {
  it('drop floor(n·share) values at each end (Power Tuning), and take percentiles by nearest rank', () => {
    expect(trimmed([5, 1, 4, 2, 3, 100, 0, 6, 7, 8], 0.2)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3], 99)).toBe(3);
  });
});
