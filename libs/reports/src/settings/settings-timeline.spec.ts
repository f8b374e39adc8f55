import { settingsTimeline, type SettingObservationInput } from './settings-timeline';

const H = 3_600_000;
const at = (
  hour: number,
  setting: SettingObservationInput['setting'],
  value: string,
  source = 'records',
): SettingObservationInput => ({ setting, observedAtMs: hour * H, source, value });

describe(settingsTimeline.name, () => {
  it('starts with what was in force at the beginning and cuts where a setting changes', () => {
    const segments = settingsTimeline(
      [
        at(-5, 'architecture', 'x86_64'),
        at(-5, 'memory_mb', '1024'),
        at(3, 'architecture', 'x86_64'), // the same again: no cut
        at(10, 'architecture', 'arm64'),
        at(12, 'provisioned_concurrency', '4', 'api'),
        at(30, 'memory_mb', '2048'), // after the range
      ],
      0,
      24 * H,
    );
    expect(segments).toEqual([
      {
        fromMs: 0,
        toMs: 10 * H,
        architecture: 'x86_64',
        memoryMb: 1024,
        provisionedConcurrency: null,
        assumedProvisionedConcurrency: 4,
      },
      {
        fromMs: 10 * H,
        toMs: 12 * H,
        architecture: 'arm64',
        memoryMb: 1024,
        provisionedConcurrency: null,
        assumedProvisionedConcurrency: 4,
      },
      {
        fromMs: 12 * H,
        toMs: 24 * H,
        architecture: 'arm64',
        memoryMb: 1024,
        provisionedConcurrency: 4,
      },
    ]);
  });

  it('lets the latest witness win, and a person over the platform over the records at the same time', () => {
    const segments = settingsTimeline(
      [
        at(2, 'architecture', 'arm64', 'manual'),
        at(2, 'architecture', 'x86_64', 'records'),
        at(6, 'architecture', 'x86_64', 'api'),
      ],
      0,
      8 * H,
    );
    // Before the first observation, the value it observed first (the person's, at hour 2).
    expect(segments.map((s) => [s.fromMs / H, s.toMs / H, s.architecture])).toEqual([
      [0, 6, 'arm64'],
      [6, 8, 'x86_64'],
    ]);
  });

  it('holds the earliest observed architecture and memory before their first observation, even one after the range', () => {
    // Seen first at hour 24 as x86_64 at 512 MB, moved to arm64 at hour 72; the range ends at
    // hour 48, before the move, and starts at hour 0, before anything was observed.
    const observations = [
      at(24, 'architecture', 'x86_64', 'api'),
      at(24, 'memory_mb', '512', 'api'),
      at(72, 'architecture', 'arm64', 'api'),
      at(30, 'provisioned_concurrency', '2', 'api'),
    ];
    expect(settingsTimeline(observations, 0, 48 * H)).toEqual([
      {
        fromMs: 0,
        toMs: 30 * H,
        architecture: 'x86_64',
        memoryMb: 512,
        provisionedConcurrency: null,
        // Provisioned concurrency unknown until hour 30: the level first seen, which the report
        // bills only on the days the function ran (it may not have existed before).
        assumedProvisionedConcurrency: 2,
      },
      {
        fromMs: 30 * H,
        toMs: 48 * H,
        architecture: 'x86_64',
        memoryMb: 512,
        provisionedConcurrency: 2,
      },
    ]);
  });

  it('keeps one stretch when nothing was ever observed, and none for an empty range', () => {
    expect(settingsTimeline([], 0, H)).toEqual([
      { fromMs: 0, toMs: H, architecture: null, memoryMb: null, provisionedConcurrency: null },
    ]);
    expect(settingsTimeline([at(0, 'memory_mb', '512')], H, H)).toEqual([]);
  });
});
