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
      },
      {
        fromMs: 10 * H,
        toMs: 12 * H,
        architecture: 'arm64',
        memoryMb: 1024,
        provisionedConcurrency: null,
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
    expect(segments.map((s) => [s.fromMs / H, s.toMs / H, s.architecture])).toEqual([
      [0, 2, null],
      [2, 6, 'arm64'],
      [6, 8, 'x86_64'],
    ]);
  });

  it('keeps one stretch when nothing was ever observed, and none for an empty range', () => {
    expect(settingsTimeline([], 0, H)).toEqual([
      { fromMs: 0, toMs: H, architecture: null, memoryMb: null, provisionedConcurrency: null },
    ]);
    expect(settingsTimeline([at(0, 'memory_mb', '512')], H, H)).toEqual([]);
  });
});
