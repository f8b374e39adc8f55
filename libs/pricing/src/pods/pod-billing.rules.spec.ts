import { podDaysOf, podResourcesOf, podSecondsOf } from './pod-billing.rules';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const MONDAY = Date.parse('2026-11-16T00:00:00Z');
const WEEK = { fromMs: MONDAY, toMs: MONDAY + 7 * DAY };

describe(podSecondsOf.name, () => {
  it('counts min-scale pods for the whole span, whatever the traffic', () => {
    expect(podSecondsOf({ minScale: 2, seconds: 86_400, activeMinutes: 30 })).toBe(172_800);
    expect(podSecondsOf({ minScale: 1, seconds: 1_800, activeMinutes: 0 })).toBe(1_800);
  });

  it('counts one pod in each minute with requests when min-scale is 0', () => {
    expect(podSecondsOf({ minScale: 0, seconds: 86_400, activeMinutes: 30 })).toBe(1_800);
    expect(podSecondsOf({ minScale: 0, seconds: 600, activeMinutes: 0 })).toBe(0);
  });

  it('never counts fewer pod-seconds than the minutes with requests', () => {
    expect(podSecondsOf({ minScale: 1, seconds: 0, activeMinutes: 5 })).toBe(300);
  });
});

describe(podDaysOf.name, () => {
  const seconds = (days: { dayStartMs: number; podSeconds: number }[]) =>
    days.map((d) => [(d.dayStartMs - MONDAY) / DAY, d.podSeconds]);

  it('keeps min-scale pods running on the days without requests too', () => {
    // Known since the week before; requests on Tuesday only.
    const days = podDaysOf({
      range: WEEK,
      nowMs: WEEK.toMs + DAY,
      minScale: 1,
      lifetime: { firstSeenMs: MONDAY - 3 * DAY, removedAtMs: null },
      activeMinutes: new Map([[MONDAY + DAY, 30]]),
    });
    expect(seconds(days)).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => [d, 86_400]));
  });

  it('starts when the function was first seen and ends when it was removed', () => {
    // First seen Tuesday 10:00, removed Thursday 06:00; 2 pods.
    const days = podDaysOf({
      range: WEEK,
      nowMs: WEEK.toMs,
      minScale: 2,
      lifetime: { firstSeenMs: MONDAY + DAY + 10 * HOUR, removedAtMs: MONDAY + 3 * DAY + 6 * HOUR },
      activeMinutes: new Map([[MONDAY + DAY, 30]]),
    });
    expect(seconds(days)).toEqual([
      [1, 2 * 14 * 3600],
      [2, 2 * 86_400],
      [3, 2 * 6 * 3600],
    ]);
  });

  it('counts the part of each day inside the range and before now', () => {
    // [Monday 12:00, Wednesday 12:00), now Tuesday 18:30.
    const days = podDaysOf({
      range: { fromMs: MONDAY + 12 * HOUR, toMs: MONDAY + 2 * DAY + 12 * HOUR },
      nowMs: MONDAY + DAY + 18.5 * HOUR,
      minScale: 1,
      lifetime: { firstSeenMs: MONDAY - DAY, removedAtMs: null },
      activeMinutes: new Map(),
    });
    expect(seconds(days)).toEqual([
      [0, 12 * 3600],
      [1, 18.5 * 3600],
    ]);
  });

  it('charges nothing before the function was first seen', () => {
    const days = podDaysOf({
      range: WEEK,
      nowMs: WEEK.toMs,
      minScale: 1,
      lifetime: { firstSeenMs: WEEK.toMs + 5 * MINUTE, removedAtMs: null },
      activeMinutes: new Map(),
    });
    expect(days).toEqual([]);
  });

  it('counts one pod in each minute with requests when min-scale is 0, whatever the lifetime', () => {
    const days = podDaysOf({
      range: WEEK,
      nowMs: WEEK.toMs,
      minScale: 0,
      lifetime: { firstSeenMs: MONDAY - DAY, removedAtMs: null },
      activeMinutes: new Map([
        [MONDAY + 3 * DAY, 20],
        [MONDAY + DAY, 30],
        [MONDAY + 2 * DAY, 0],
      ]),
    });
    expect(seconds(days)).toEqual([
      [1, 1_800],
      [2, 0],
      [3, 1_200],
    ]);
  });

  it('keeps the minutes with requests when the lifetime is unknown', () => {
    const days = podDaysOf({
      range: WEEK,
      nowMs: WEEK.toMs,
      minScale: 1,
      lifetime: null,
      activeMinutes: new Map([[MONDAY + DAY, 30]]),
    });
    expect(seconds(days)).toEqual([[1, 1_800]]);
  });
});

describe(podResourcesOf.name, () => {
  it('knows a pod only when both its CPU and memory requests are', () => {
    expect(podResourcesOf(0.5, 512)).toEqual({ vcpu: 0.5, memoryMb: 512 });
    expect(podResourcesOf(null, 512)).toBeNull();
    expect(podResourcesOf(0.5, undefined)).toBeNull();
    expect(podResourcesOf(0, 512)).toBeNull();
  });
});
