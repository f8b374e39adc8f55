import { PricingService, defaultCatalogue, lambdaMeters } from '@fleetscope/pricing';
import { priceLambdaDay, settingsTimeline, type DailyUsage } from '@fleetscope/reports';
import type { FunctionConfig, StoredDailyConcurrency, StoredDailyUsage } from '@fleetscope/storage';
import {
  emptyDay,
  provisionedLambdaLevels,
  reportDailyUsage,
  reportFunction,
  priceCuts,
  priceSplits,
  segmentAt,
  settingsSplits,
} from './weekly-report.inputs';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const F = 'aws_lambda~111111111111~us-east-1~f';
const range = {
  fromMs: Date.parse('2026-11-02T00:00:00Z'),
  toMs: Date.parse('2026-11-05T00:00:00Z'),
};

const config = (extra: Partial<FunctionConfig>): FunctionConfig => ({
  functionId: F,
  platform: 'aws_lambda',
  account: '111111111111',
  region: 'us-east-1',
  name: 'f',
  version: '',
  runtime: 'nodejs22.x',
  architecture: 'x86_64',
  packageType: 'Zip',
  memoryMb: 1024,
  timeoutMs: null,
  ephemeralStorageMb: null,
  provisionedConcurrency: null,
  minScale: null,
  maxScale: null,
  podCpu: null,
  podMemoryMb: null,
  labels: {},
  ...extra,
});

const stored = (day: number, stretch: number, u: Partial<StoredDailyUsage>): StoredDailyUsage => ({
  ...emptyDay(F, range.fromMs + day * DAY, stretch),
  sources: ['otel_span'],
  ...u,
});

describe(reportDailyUsage.name, () => {
  it('cuts a day where the settings changed: each piece with the architecture, memory and PC seconds in force', () => {
    // Day 1, 06:00: arm64 at 2048 MB with PC 3; day 2, 12:00: PC removed.
    const timeline = settingsTimeline(
      [
        {
          setting: 'architecture',
          observedAtMs: range.fromMs - DAY,
          source: 'api',
          value: 'x86_64',
        },
        {
          setting: 'architecture',
          observedAtMs: range.fromMs + DAY + 6 * HOUR,
          source: 'api',
          value: 'arm64',
        },
        {
          setting: 'memory_mb',
          observedAtMs: range.fromMs + DAY + 6 * HOUR,
          source: 'api',
          value: '2048',
        },
        {
          setting: 'provisioned_concurrency',
          observedAtMs: range.fromMs + DAY + 6 * HOUR,
          source: 'api',
          value: '3',
        },
        {
          setting: 'provisioned_concurrency',
          observedAtMs: range.fromMs + 2 * DAY + 12 * HOUR,
          source: 'api',
          value: '0',
        },
      ],
      range.fromMs,
      range.toMs,
    );
    const timelines = new Map([[F, timeline]]);
    const configs = new Map([[F, config({ provisionedConcurrency: 3 })]]);
    expect(settingsSplits(timelines, configs).get(F)).toEqual([
      range.fromMs + DAY + 6 * HOUR,
      range.fromMs + 2 * DAY + 12 * HOUR,
    ]);
    // An on-demand bill changes at the move to arm64 only; the memory size there too when some
    // usage had no memory size of its own. The stretch after each split starts at its segment.
    expect(priceSplits(settingsSplits(timelines, configs), timelines, new Set()).get(F)).toEqual([
      range.fromMs + DAY + 6 * HOUR,
    ]);
    expect(priceSplits(settingsSplits(timelines, configs), timelines, new Set([F])).get(F)).toEqual(
      [range.fromMs + DAY + 6 * HOUR],
    );
    // A memory size alone cuts only where usage is billed at the size in force.
    const memoryOnly = settingsTimeline(
      [
        { setting: 'memory_mb', observedAtMs: 0, source: 'api', value: '1024' },
        { setting: 'memory_mb', observedAtMs: range.fromMs + DAY, source: 'api', value: '2048' },
      ],
      range.fromMs,
      range.toMs,
    );
    expect(priceCuts(memoryOnly, false)).toEqual([]);
    expect(priceCuts(memoryOnly, true)).toEqual([range.fromMs + DAY]);
    expect(segmentAt(timeline, range.fromMs)).toMatchObject({ architecture: 'x86_64' });
    expect(segmentAt(timeline, range.fromMs + DAY + 6 * HOUR)).toMatchObject({
      architecture: 'arm64',
      memoryMb: 2048,
    });
    // Spans (no memory size): 1,000 s before the move on day 1 and 2,000 s after it.
    const days = reportDailyUsage(
      [
        stored(1, 0, {
          invocations: 10,
          billedDurationMs: 1_000_000,
          unknownMemoryBilledMs: 1_000_000,
        }),
        stored(1, 1, {
          invocations: 20,
          billedDurationMs: 2_000_000,
          unknownMemoryBilledMs: 2_000_000,
        }),
      ],
      [],
      configs,
      timelines,
      range,
    );
    expect(
      days.map((d) => [
        (d.dayStartMs - range.fromMs) / DAY,
        d.architecture,
        d.memoryMb,
        d.invocations,
        d.provisioned?.concurrency ?? 0,
        d.provisioned?.enabledSeconds ?? 0,
      ]),
    ).toEqual([
      // Day 1 before 06:00: x86_64; the history knows no memory and no PC before 06:00, so the
      // first it observed (2048 MB, not the inventory's 1024; PC 3 for the piece of a day the
      // function ran).
      [1, 'x86_64', 2048, 10, 3, 6 * 3600],
      // From 06:00: arm64, the spans' time at 2048 MB, PC 3 for 18 h.
      [1, 'arm64', 2048, 20, 3, 18 * 3600],
      // Day 2 until 12:00: allocated while nothing ran, billed all the same; then none.
      [2, 'arm64', 2048, 0, 3, 12 * 3600],
    ]);
  });

  it('defect: Azure Functions time no span gave a memory size for ran at a configured 2,048 MB, above the 1,536 MB Consumption bills at most; it is billed at 1,536, as the fleet page bills it', () => {
    const azure = 'azure_functions~sub~westeurope~resize';
    const [day] = reportDailyUsage(
      [
        {
          ...emptyDay(azure, range.fromMs, 0),
          sources: ['otel_span'],
          invocations: 1000,
          billedDurationMs: 250_000,
          unknownMemoryBilledMs: 250_000,
        },
      ],
      [],
      new Map([
        [azure, config({ functionId: azure, platform: 'azure_functions', memoryMb: 2048 })],
      ]),
      new Map(),
      range,
    );
    expect(day.memoryMb).toBe(1536);
  });

  it("keeps the inventory's provisioned concurrency all day on the days a function ran when the history knows none", () => {
    const days = reportDailyUsage(
      [stored(0, 0, { invocations: 5, billedDurationMs: 500 })],
      [],
      new Map([[F, config({ provisionedConcurrency: 2 })]]),
      new Map(),
      range,
    );
    expect(days.map((d) => [d.dayStartMs, d.architecture, d.provisioned?.enabledSeconds])).toEqual([
      [range.fromMs, undefined, 86_400],
    ]);
  });

  it('bills the first observed provisioned concurrency before its observation only on the days the function ran', () => {
    // PC 4 first seen on day 2 at 12:00; the inventory says 1 today. Day 0: ran; day 1: did not.
    const timeline = settingsTimeline(
      [
        {
          setting: 'provisioned_concurrency',
          observedAtMs: range.fromMs + 2 * DAY + 12 * HOUR,
          source: 'api',
          value: '4',
        },
      ],
      range.fromMs,
      range.toMs,
    );
    const days = reportDailyUsage(
      [stored(0, 0, { invocations: 5, billedDurationMs: 500 })],
      [],
      new Map([[F, config({ provisionedConcurrency: 1 })]]),
      new Map([[F, timeline]]),
      range,
    );
    expect(
      days.map((d) => [
        (d.dayStartMs - range.fromMs) / DAY,
        d.provisioned?.concurrency,
        d.provisioned?.enabledSeconds,
      ]),
    ).toEqual([
      [0, 4, 86_400],
      [2, 4, 12 * 3600],
    ]);
  });

  it("counts the part of a day inside a range that starts or ends within it (the fleet page's)", () => {
    // PC 2 known from before the range; the range is day 0 12:00 to day 1 06:00.
    const within = { fromMs: range.fromMs + 12 * HOUR, toMs: range.fromMs + DAY + 6 * HOUR };
    const timeline = settingsTimeline(
      [
        {
          setting: 'provisioned_concurrency',
          observedAtMs: range.fromMs - DAY,
          source: 'api',
          value: '2',
        },
      ],
      within.fromMs,
      within.toMs,
    );
    const days = reportDailyUsage(
      [stored(0, 0, { invocations: 5, billedDurationMs: 500, restores: 1, billedRestoreMs: 100 })],
      [],
      new Map([[F, config({})]]),
      new Map([[F, timeline]]),
      within,
    );
    expect(
      days.map((d) => [
        (d.dayStartMs - range.fromMs) / DAY,
        d.provisioned?.enabledSeconds,
        d.snapStart?.cachedSeconds,
      ]),
    ).toEqual([
      [0, 12 * 3600, 12 * 3600],
      // The snapshot restored on day 0 is still cached on day 1 (snapStartCachedDays).
      [1, 6 * 3600, 6 * 3600],
    ]);
  });

  describe('SnapStart snapshot cache', () => {
    const pricing = new PricingService(defaultCatalogue);
    const python = config({ runtime: 'python3.12', memoryMb: 1024 });
    const cacheOf = (days: readonly DailyUsage[]) => {
      let usd = 0;
      let gbSeconds = 0;
      for (const d of days) {
        for (const l of priceLambdaDay(reportFunction(F, python), d, pricing, 0).lines) {
          if (l.meter !== lambdaMeters.snapStartCache) continue;
          usd += l.usd;
          gbSeconds += l.quantity;
        }
      }
      return { usd, gbSeconds };
    };

    it('bills the cache all week for a function that restored on Monday only, not on Monday alone', () => {
      // W49 2026, us-east-1, 1,024 MB: 10,000 invocations of 100 ms a day, 5 restores on Monday.
      const week = {
        fromMs: Date.parse('2026-11-30T00:00:00Z'),
        toMs: Date.parse('2026-12-07T00:00:00Z'),
      };
      const rows = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        ...emptyDay(F, week.fromMs + d * DAY, 0),
        sources: ['lambda_report' as const],
        invocations: 10_000,
        coldStarts: d === 0 ? 5 : 0,
        billedDurationMs: 1_000_000,
        platformBilledMs: 1_000_000,
        billedMbMs: 1_000_000 * 1024,
        restores: d === 0 ? 5 : 0,
        billedRestoreMs: d === 0 ? 1_500 : 0,
      }));
      const days = reportDailyUsage(rows, [], new Map([[F, python]]), new Map(), week);
      const cache = cacheOf(days);
      // Before: 86,400 GB-s, $0.12999744 (Monday only).
      expect(cache.gbSeconds).toBeCloseTo(7 * 86_400, 6);
      expect(cache.usd).toBeCloseTo(0.90998208, 8);
      expect(days.map((d) => d.snapStart?.restores)).toEqual([5, 0, 0, 0, 0, 0, 0]);
    });

    it('caches from a day with restores through the 13 days after it, days without invocations included', () => {
      const long = { fromMs: range.fromMs, toMs: range.fromMs + 20 * DAY };
      const days = reportDailyUsage(
        [
          // Ran on day 0 without restoring: no SnapStart version known active yet.
          stored(0, 0, { invocations: 3, billedDurationMs: 300, billedMbMs: 300 * 1024 }),
          stored(2, 0, {
            invocations: 1,
            billedDurationMs: 100,
            billedMbMs: 100 * 1024,
            restores: 1,
            billedRestoreMs: 50,
          }),
        ],
        [],
        new Map([[F, python]]),
        new Map(),
        long,
      );
      const cached = days
        .filter((d) => (d.snapStart?.cachedSeconds ?? 0) > 0)
        .map((d) => (d.dayStartMs - range.fromMs) / DAY);
      expect(cached).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      expect(days.every((d) => d.snapStart === null || d.snapStart.cachedSeconds === 86_400)).toBe(
        true,
      );
      expect(days.find((d) => d.dayStartMs === range.fromMs)?.snapStart).toBeNull();
      expect(cacheOf(days).gbSeconds).toBeCloseTo(14 * 86_400, 6);
    });

    it('counts no cache after the end of what has happened', () => {
      const happened = { fromMs: range.fromMs, toMs: range.fromMs + DAY + 6 * HOUR };
      const days = reportDailyUsage(
        [stored(0, 0, { invocations: 1, billedDurationMs: 100, restores: 1 })],
        [],
        new Map([[F, python]]),
        new Map(),
        happened,
      );
      expect(days.map((d) => d.snapStart?.cachedSeconds)).toEqual([86_400, 6 * 3600]);
    });
  });

  it('keeps min-scale pods from when the function was first seen to the end of what happened, days without data included', () => {
    const K = 'knative~shop~prod~k';
    const S = 'knative~shop~prod~s';
    const pod = (functionId: string, minScale: number) =>
      config({
        functionId,
        platform: 'knative',
        account: 'shop',
        region: 'prod',
        name: functionId.split('~')[3],
        memoryMb: null,
        minScale,
        podCpu: 0.5,
        podMemoryMb: 512,
      });
    const active = (functionId: string, day: number, minutes: number): StoredDailyConcurrency => ({
      functionId,
      dayStartMs: range.fromMs + day * DAY,
      stretch: 0,
      busyUnderLevelMs: minutes * 30_000,
      activeMinutes: minutes,
    });
    // k (2 pods) first seen on day 0 at 12:00, requests on day 1 only; s (min-scale 0) likewise.
    const days = reportDailyUsage(
      [
        { ...stored(1, 0, { invocations: 10, sources: ['knative'] }), functionId: K },
        { ...stored(1, 0, { invocations: 4, sources: ['knative'] }), functionId: S },
      ],
      [active(K, 1, 30), active(S, 1, 20)],
      new Map([
        [K, pod(K, 2)],
        [S, pod(S, 0)],
      ]),
      new Map(),
      range,
      new Map([
        [K, { firstSeenMs: range.fromMs + 12 * HOUR, removedAtMs: null }],
        [S, { firstSeenMs: range.fromMs + 12 * HOUR, removedAtMs: null }],
      ]),
    );
    expect(
      days.map((d) => [
        d.functionId,
        (d.dayStartMs - range.fromMs) / DAY,
        d.invocations,
        d.podSeconds,
        d.minScalePods?.busyPodSeconds ?? null,
      ]),
    ).toEqual([
      // Day 0 from 12:00: 2 pods × 12 h, no request.
      [K, 0, 0, 2 * 12 * 3600, 0],
      // Day 1: 2 pods all day, busy 30 × 30 s.
      [K, 1, 10, 2 * 86_400, 900],
      // Day 2: no data, 2 pods all day all the same.
      [K, 2, 0, 2 * 86_400, 0],
      // min-scale 0: one pod in each of the 20 minutes with requests.
      [S, 1, 4, 20 * 60, null],
    ]);
  });
});

describe(provisionedLambdaLevels.name, () => {
  const K = 'knative~shop~prod~k';

  it('gives the levels of the Lambda functions with provisioned concurrency at some time of the range', () => {
    const removed = settingsTimeline(
      [
        {
          setting: 'provisioned_concurrency',
          observedAtMs: range.fromMs - DAY,
          source: 'api',
          value: '3',
        },
        {
          setting: 'provisioned_concurrency',
          observedAtMs: range.fromMs + DAY,
          source: 'api',
          value: '0',
        },
      ],
      range.fromMs,
      range.toMs,
    );
    const configs = new Map([
      [F, config({})],
      ['aws_lambda~1~us-east-1~inventory', config({ provisionedConcurrency: 1 })],
      ['aws_lambda~1~us-east-1~none', config({})],
      [K, config({ functionId: K, platform: 'knative', minScale: 1 })],
    ]);
    const levels = provisionedLambdaLevels(
      [...configs.keys()],
      configs,
      new Map([[F, removed]]),
      range,
    );
    expect(Object.fromEntries(levels)).toEqual({
      [F]: { changesAtMs: [range.fromMs + DAY], levels: [3, 0] },
      'aws_lambda~1~us-east-1~inventory': { changesAtMs: [], levels: [1] },
    });
  });
});
