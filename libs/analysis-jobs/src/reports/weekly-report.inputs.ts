import { billedRequestMemoryMb, type Platform } from '@fleetscope/model';
import {
  lambdaRuntimeKind,
  podDaysOf,
  podResourcesOf,
  type LambdaArchitecture,
  type PodLifetime,
} from '@fleetscope/pricing';
import {
  settingsTimeline,
  type DailyUsage,
  type ReportColdStartInput,
  type ReportFunction,
  type ReportRecommendationInput,
  type SettingsSegment,
} from '@fleetscope/reports';
import type {
  FunctionConfig,
  FunctionSettingsRepository,
  SettingObservation,
  SettingsSplits,
  StoredDailyConcurrency,
  StoredDailyUsage,
  StoredRecommendation,
  WeeklyReportsRepository,
} from '@fleetscope/storage';
import type { ColdStartGroupReport } from '../cold-starts/cold-start.grouping';
import { analysisProfile } from '../inputs/analysis-input.assembler';

const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;

/** What the figures assume where the aggregates and the inventory cannot say. */
export const WEEKLY_REPORT_ASSUMPTIONS: readonly string[] = [
  "Architecture, memory size and provisioned concurrency are those in force at each time by the settings history (what invocations, the platform APIs and people reported, each from when it was observed); before the history knows one, the value it observed first, and the inventory's current setting only for a function the history has never observed. Runtime, ephemeral storage and pod resources are the inventory's current settings.",
  'Usage is attributed to the settings in force at the end of each stored hour (minutes at the ends of the range): a setting is seen only once in force, so the hour that first shows it ran on it.',
  "Provisioned concurrency is billed for the seconds the history shows it allocated, days without invocations included; before the history knows a level, the level it observed first (the inventory's, for a function it has never observed one of) all day on each day the function ran. The time run on it is the per-minute concurrency up to that level.",
  'Knative and OpenFaaS pods: min-scale pods for all the time the function existed, days without requests included, from when Fleetscope first knew it (its first minute with data, settings observation or inventory row) to when the inventory sync last listed it, if a later sync of its cluster or gateway did not; and one pod in each minute with requests when min-scale is 0 (a lower bound: scale-down delays and more than one pod per minute are not seen).',
  "Min-scale is the inventory's current one for all that time: no history of min-scale is kept.",
  'Idle min-scale pods: a pod counts as busy while one request is in flight, up to min-scale pods (requests in flight per minute from their durations); a pod serving several requests at once is busy for less, so the idle share is a lower bound.',
  "SnapStart snapshot cache (charged for Python and .NET only): all day on each day with restores and the 13 days after it, days without invocations included. AWS bills a version's snapshot for all the time the version is active, restores or not, and keeps it at least until the version goes 14 days without an invocation. Fleetscope sees restores, not versions: the time before a version's first restore in the range and the 3-hour minimum are not counted, and a version deleted within those 14 days is counted to their end.",
];

/** The report's view of a function, from the same profile the analyses use. */
export function reportFunction(
  functionId: string,
  config: FunctionConfig | undefined,
): ReportFunction {
  const p = analysisProfile(functionId, config);
  return {
    functionId,
    name: p.name,
    platform: p.platform,
    account: p.account,
    region: p.region,
    architecture: p.architecture,
    ...(p.platform === 'aws_lambda' && p.architectureAssumed ? { architectureAssumed: true } : {}),
    runtimeKind: lambdaRuntimeKind(p.runtime, p.packageType),
    runtime: p.runtime,
    ephemeralStorageMb: p.ephemeralStorageMb ?? null,
    pod: podResourcesOf(p.podCpu, p.podMemoryMb),
  };
}

const runsPods = (platform: string): boolean => platform === 'knative' || platform === 'openfaas';

/**
 * The Knative and OpenFaaS functions of the inventory with min-scale above 0: their pods run, and
 * cost, whether or not any data came in a range.
 */
export function minScalePodFunctions(configs: ReadonlyMap<string, FunctionConfig>): string[] {
  return [...configs.values()]
    .filter((c) => (c.minScale ?? 0) > 0 && runsPods(reportFunction(c.functionId, c).platform))
    .map((c) => c.functionId);
}

/** Per function, its settings over the report's range from the settings history. */
export type SettingsTimelines = ReadonlyMap<string, readonly SettingsSegment[]>;

/** Groups the history's observations by function and cuts each function's range where they change. */
export function settingsTimelines(
  observations: readonly SettingObservation[],
  range: { fromMs: number; toMs: number },
): Map<string, SettingsSegment[]> {
  const byFunction = new Map<string, SettingObservation[]>();
  for (const o of observations) {
    const list = byFunction.get(o.functionId) ?? [];
    list.push(o);
    byFunction.set(o.functionId, list);
  }
  return new Map(
    [...byFunction].map(([id, list]) => [id, settingsTimeline(list, range.fromMs, range.toMs)]),
  );
}

/**
 * The settings in force over `range` per function (settingsTimelines), from the history read up to
 * now: before a function's first observation of a setting, the value it observed first is in
 * force, and that observation may come after the range. The weekly report, the fleet page and the
 * cold starts read them so.
 */
export async function settingsInForce(
  settings: Pick<FunctionSettingsRepository, 'observations'>,
  range: { fromMs: number; toMs: number },
  nowMs: number,
  functionIds?: readonly string[],
): Promise<Map<string, SettingsSegment[]>> {
  const observations = await settings.observations(
    { fromMs: range.fromMs, toMs: Math.max(range.toMs, nowMs) },
    functionIds,
  );
  return settingsTimelines(observations, range);
}

/** A Lambda function's stretches: its timeline, or the whole range unobserved. */
function stretchesOf(
  id: string,
  timelines: SettingsTimelines,
  range: { fromMs: number; toMs: number },
): readonly SettingsSegment[] {
  const t = timelines.get(id);
  return t && t.length > 0
    ? t
    : [{ ...range, architecture: null, memoryMb: null, provisionedConcurrency: null }];
}

/** Where each Lambda function's usage is cut: the times its settings changed inside the range. */
export function settingsSplits(
  timelines: SettingsTimelines,
  configs: ReadonlyMap<string, FunctionConfig>,
): Map<string, number[]> {
  const splits = new Map<string, number[]>();
  for (const [id, segments] of timelines) {
    if (segments.length < 2 || reportFunction(id, configs.get(id)).platform !== 'aws_lambda') {
      continue;
    }
    splits.set(
      id,
      segments.slice(1).map((s) => s.fromMs),
    );
  }
  return splits;
}

/**
 * Where one function's stretches differ in what a bill or a cold start is priced and grouped by:
 * the starts of the segments after the first whose architecture differs from the one before, or,
 * when `memoryMatters` (some of its usage carries no memory size of its own and is billed at the
 * size in force), whose memory size does. Provisioned concurrency alone changes neither (the
 * weekly report's days price it: reportDailyUsage). Each such cut reads its function's rows at an
 * hour's resolution apart, so a read cuts only there.
 */
export function priceCuts(segments: readonly SettingsSegment[], memoryMatters: boolean): number[] {
  return segments
    .slice(1)
    .filter(
      (s, i) =>
        s.architecture !== segments[i].architecture ||
        (memoryMatters && s.memoryMb !== segments[i].memoryMb),
    )
    .map((s) => s.fromMs);
}

/**
 * Of the Lambda functions' splits (settingsSplits), those at which an on-demand price changes
 * (priceCuts): the memory size counts for the functions in `unknownMemory`, those with usage billed
 * at the size in force (durations without a memory size, SnapStart restores).
 */
export function priceSplits(
  splits: SettingsSplits,
  timelines: SettingsTimelines,
  unknownMemory: ReadonlySet<string>,
): Map<string, number[]> {
  const priced = new Map<string, number[]>();
  for (const id of splits.keys()) {
    const cuts = priceCuts(timelines.get(id)!, unknownMemory.has(id));
    if (cuts.length > 0) priced.set(id, cuts);
  }
  return priced;
}

/** The minutes with traffic of each of `ids` per UTC day (dailyConcurrency's rows summed per day). */
export function activeMinutesByDay(
  concurrency: readonly StoredDailyConcurrency[],
  ids: ReadonlySet<string>,
): Map<string, Map<number, number>> {
  const active = new Map<string, Map<number, number>>();
  for (const c of concurrency) {
    if (!ids.has(c.functionId)) continue;
    const days = active.get(c.functionId) ?? new Map<number, number>();
    days.set(c.dayStartMs, (days.get(c.dayStartMs) ?? 0) + c.activeMinutes);
    active.set(c.functionId, days);
  }
  return active;
}

/** The segment in force at `ms`: the first that ends after it, else the last. */
export function segmentAt(
  segments: readonly SettingsSegment[] | undefined,
  ms: number,
): SettingsSegment | undefined {
  return segments?.find((s) => ms < s.toMs) ?? segments?.[segments.length - 1];
}

/**
 * The provisioned concurrency of a stretch: the history's; before its first observation, the level
 * it observed first, or the inventory's, on a day the function ran (`ran` false: 0).
 */
function provisionedLevel(
  segment: SettingsSegment,
  config: FunctionConfig | undefined,
  ran = true,
): number {
  if (segment.provisionedConcurrency !== null) return segment.provisionedConcurrency;
  return ran ? (segment.assumedProvisionedConcurrency ?? config?.provisionedConcurrency ?? 0) : 0;
}

/**
 * The concurrency level each function needs per minute: provisioned concurrency in force in each
 * stretch of its settings, or min-scale.
 */
export function concurrencyLevels(
  functionIds: Iterable<string>,
  configs: ReadonlyMap<string, FunctionConfig>,
  timelines: SettingsTimelines,
  range: { fromMs: number; toMs: number },
): Map<string, { changesAtMs: number[]; levels: number[] }> {
  const levels = new Map<string, { changesAtMs: number[]; levels: number[] }>();
  for (const id of functionIds) {
    const c = configs.get(id);
    const fn = reportFunction(id, c);
    if (fn.platform === 'aws_lambda') {
      const stretches = stretchesOf(id, timelines, range);
      const perStretch = stretches.map((s) => provisionedLevel(s, c));
      if (perStretch.some((l) => l > 0)) {
        levels.set(id, {
          changesAtMs: stretches.slice(1).map((s) => s.fromMs),
          levels: perStretch,
        });
      }
    } else if (runsPods(fn.platform)) {
      levels.set(id, { changesAtMs: [], levels: [c?.minScale ?? 0] });
    }
  }
  return levels;
}

/**
 * concurrencyLevels() of the Lambda functions among `functionIds` with provisioned concurrency in
 * force at some time of the range (provisionedLevel(): the history's, else the level it observed
 * first, else the inventory's). Only the functions the inventory or the history gives a level are
 * looked at: the fleet page asks this of every function it lists.
 */
export function provisionedLambdaLevels(
  functionIds: Iterable<string>,
  configs: ReadonlyMap<string, FunctionConfig>,
  timelines: SettingsTimelines,
  range: { fromMs: number; toMs: number },
): Map<string, { changesAtMs: number[]; levels: number[] }> {
  const candidates = new Set<string>();
  for (const id of functionIds) {
    if (
      (configs.get(id)?.provisionedConcurrency ?? 0) > 0 ||
      timelines
        .get(id)
        ?.some((s) => (s.provisionedConcurrency ?? s.assumedProvisionedConcurrency ?? 0) > 0)
    ) {
      candidates.add(id);
    }
  }
  const levels = concurrencyLevels(candidates, configs, timelines, range);
  for (const id of levels.keys()) {
    if (reportFunction(id, configs.get(id)).platform !== 'aws_lambda') levels.delete(id);
  }
  return levels;
}

/**
 * The functions of `functionIds` whose provisioned concurrency is assumed (a level the history has
 * not observed: the inventory's, or the first its records showed), which provisionedLevel
 * allocates on the days they ran only.
 */
export function assumedProvisioned(
  functionIds: Iterable<string>,
  configs: ReadonlyMap<string, FunctionConfig>,
  timelines: SettingsTimelines,
): string[] {
  const assumed: string[] = [];
  for (const id of functionIds) {
    const config = configs.get(id);
    const segments = timelines.get(id) ?? [];
    const fromConfig = (config?.provisionedConcurrency ?? 0) > 0;
    // The cheap tests first: most functions have neither level, and reportFunction() builds a
    // profile of each (the fleet page asks this of every function in the inventory).
    if (!fromConfig && !segments.some((s) => (s.assumedProvisionedConcurrency ?? 0) > 0)) continue;
    if (segments.length > 0 && segments.every((s) => s.provisionedConcurrency !== null)) continue;
    if (reportFunction(id, config).platform === 'aws_lambda') assumed.push(id);
  }
  return assumed;
}

/** The Lambda functions the history says had provisioned concurrency at some time of the range. */
export function provisionedInHistory(timelines: SettingsTimelines): string[] {
  return [...timelines]
    .filter(([, segments]) => segments.some((s) => (s.provisionedConcurrency ?? 0) > 0))
    .map(([id]) => id);
}

const architectureOf = (value: string | null): LambdaArchitecture | undefined =>
  value === 'arm64' || value === 'x86_64' ? value : undefined;

/**
 * The memory size a function-day's billed time is priced at (reportDailyUsage's rule): the mean
 * of the sizes its records carry, weighted by billed time, with the time no record gave a size
 * for (spans carry none) at `configuredMb`, the size in force, billed as a request at it would be
 * (Azure: its Consumption step); `configuredMb` when nothing was billed.
 */
export function dayMemoryMb(
  r: Pick<StoredDailyUsage, 'billedDurationMs' | 'billedMbMs' | 'unknownMemoryBilledMs'>,
  platform: Platform,
  configuredMb: number,
): number {
  const knownMs = r.billedDurationMs - r.unknownMemoryBilledMs;
  const unknownBilledMb = billedRequestMemoryMb(platform, configuredMb) ?? 0;
  const mbMs = r.billedMbMs + unknownBilledMb * r.unknownMemoryBilledMs;
  const pricedMs = configuredMb > 0 ? r.billedDurationMs : knownMs;
  return pricedMs > 0 ? mbMs / pricedMs : configuredMb;
}

/**
 * The memory size a function-day's INITs ran at (DailyUsage.initMemoryMb): the mean of their
 * records' sizes weighted by Init Duration, an INIT without a size at the day's `memoryMb`;
 * undefined where that is the day's `memoryMb` (one size all day, or no INIT). A review found the
 * report pricing a day's INIT at the day's mean size: 4 % over the cold starts page on the day a
 * function moved from 512 to 1,024 MB.
 */
export function dayInitMemoryMb(
  r: Pick<StoredDailyUsage, 'initDurationMs' | 'initMbMs' | 'initKnownMemoryMs'>,
  memoryMb: number,
): number | undefined {
  const known = r.initKnownMemoryMs ?? 0;
  if (!(r.initDurationMs > 0) || !(known > 0) || !(memoryMb > 0)) return undefined;
  const mb = ((r.initMbMs ?? 0) + (r.initDurationMs - known) * memoryMb) / r.initDurationMs;
  return Math.abs(mb - memoryMb) > 1e-9 * memoryMb ? mb : undefined;
}

/**
 * Joins stored daily sums, per-minute concurrency, the inventory and the settings history into the
 * report's daily usage. A Lambda day is cut where its settings changed: each piece carries the
 * architecture in force, prices time without a memory size at the memory in force, and pays
 * provisioned concurrency for the seconds it was allocated (the history's level; before the
 * history knows one, the level it observed first, else the inventory's, all day on days the
 * function ran), and the SnapStart snapshot cache for every second of the days snapStartCachedDays
 * counts. Time the history says was allocated, and the cache, on days without invocations are
 * billed too, and so are the min-scale pods of a Knative or OpenFaaS function over its lifetime (`lifetimes`,
 * podDaysOf). `range.toMs` is the end of what has happened: nothing is allocated after it. A range
 * that starts or ends within a UTC day (the fleet page's) counts the part of that day inside it;
 * `ranOutside` names such a day (`functionId|dayStartMs`) on which the function ran outside the
 * range only: its assumed provisioned concurrency is allocated in the range's part too.
 */
export function reportDailyUsage(
  rows: readonly StoredDailyUsage[],
  concurrency: readonly StoredDailyConcurrency[],
  configs: ReadonlyMap<string, FunctionConfig>,
  timelines: SettingsTimelines,
  range: { fromMs: number; toMs: number },
  lifetimes: ReadonlyMap<string, PodLifetime> = new Map(),
  restoredBefore: readonly StoredDailyUsage[] = [],
  ranOutside: ReadonlySet<string> = new Set(),
): DailyUsage[] {
  const minutes = new Map(
    concurrency.map((c) => [`${c.functionId}|${c.dayStartMs}|${c.stretch ?? 0}`, c]),
  );
  const stored = new Map(rows.map((r) => [`${r.functionId}|${r.dayStartMs}|${r.stretch ?? 0}`, r]));
  const ranOn = new Set([
    ...ranOutside,
    ...rows.filter((r) => r.invocations > 0).map((r) => `${r.functionId}|${r.dayStartMs}`),
  ]);
  // Restores before the range bill the cache into it (snapshotCacheReach); nothing else of them.
  const cachedDays = snapStartCachedDays([...rows, ...restoredBefore], range);
  const usage: DailyUsage[] = [];
  const add = (
    r: StoredDailyUsage,
    segment: SettingsSegment,
    pieceSeconds: number,
    ran: boolean,
    podSeconds = 0,
  ) => {
    const config = configs.get(r.functionId);
    const fn = reportFunction(r.functionId, config);
    const lambda = fn.platform === 'aws_lambda';
    const configuredMb = (lambda ? segment.memoryMb : null) ?? config?.memoryMb ?? 0;
    const memoryMb = dayMemoryMb(r, fn.platform, configuredMb);
    const initMemoryMb = lambda ? dayInitMemoryMb(r, memoryMb) : undefined;
    const m = minutes.get(`${r.functionId}|${r.dayStartMs}|${r.stretch ?? 0}`);
    // Unknown to the history yet: allocated on the days the function ran.
    const pc = lambda ? provisionedLevel(segment, config, ran) : 0;
    const minScale = config?.minScale ?? 0;
    const pods = runsPods(fn.platform);
    const architecture = lambda ? architectureOf(segment.architecture) : undefined;
    // The snapshot cache: every second of the piece on a day snapStartCachedDays counts.
    const cachedSeconds =
      lambda && cachedDays.has(`${r.functionId}|${r.dayStartMs}`) ? pieceSeconds : 0;
    usage.push({
      functionId: r.functionId,
      dayStartMs: r.dayStartMs,
      ...(architecture ? { architecture } : {}),
      sources: r.sources,
      invocations: r.invocations,
      coldStarts: r.coldStarts,
      ...(lambda && r.provisionedInits > 0 ? { provisionedInits: r.provisionedInits } : {}),
      memoryMb,
      ...(initMemoryMb !== undefined ? { initMemoryMb } : {}),
      billedDurationMs: r.billedDurationMs,
      initDurationMs: r.initDurationMs,
      unbilledInitMs: r.unbilledInitMs,
      provisioned:
        pc > 0
          ? {
              concurrency: pc,
              enabledSeconds: pieceSeconds,
              billedDurationMs: Math.min(r.billedDurationMs, m?.busyUnderLevelMs ?? 0),
            }
          : null,
      snapStart:
        r.restores > 0 || cachedSeconds > 0
          ? { restores: r.restores, billedRestoreMs: r.billedRestoreMs, cachedSeconds }
          : null,
      podSeconds: pods ? podSeconds : 0,
      minScalePods:
        pods && minScale > 0
          ? { pods: minScale, busyPodSeconds: (m?.busyUnderLevelMs ?? 0) / 1000 }
          : null,
    });
  };

  const noSettings: SettingsSegment = {
    fromMs: range.fromMs,
    toMs: range.toMs,
    architecture: null,
    memoryMb: null,
    provisionedConcurrency: null,
  };
  const podIds = new Set<string>();
  for (const id of lifetimes.keys()) {
    if (runsPods(reportFunction(id, configs.get(id)).platform)) podIds.add(id);
  }
  const lambdaIds = new Set<string>();
  for (const r of rows) {
    const platform = reportFunction(r.functionId, configs.get(r.functionId)).platform;
    if (platform === 'aws_lambda') lambdaIds.add(r.functionId);
    else if (runsPods(platform)) podIds.add(r.functionId);
    else add(r, noSettings, DAY_SECONDS, true);
  }
  // Pods: the days podDaysOf counts, with their stored sums where there are any (pod functions
  // are not cut by settings: one stretch); a stored day it does not count ran no pod-second.
  const activeMinutes = activeMinutesByDay(concurrency, podIds);
  const podRows = new Set<StoredDailyUsage>();
  for (const id of podIds) {
    const days = podDaysOf({
      range,
      nowMs: range.toMs,
      minScale: configs.get(id)?.minScale ?? 0,
      lifetime: lifetimes.get(id) ?? null,
      activeMinutes: activeMinutes.get(id) ?? new Map(),
    });
    for (const day of days) {
      const row = stored.get(`${id}|${day.dayStartMs}|0`);
      if (row) podRows.add(row);
      add(row ?? emptyDay(id, day.dayStartMs, 0), noSettings, DAY_SECONDS, true, day.podSeconds);
    }
  }
  for (const r of rows) {
    if (podIds.has(r.functionId) && !podRows.has(r)) add(r, noSettings, DAY_SECONDS, true);
  }
  for (const id of [
    ...provisionedInHistory(timelines),
    ...restoredBefore.map((r) => r.functionId),
    ...[...ranOutside].map((key) => key.slice(0, key.lastIndexOf('|'))),
  ]) {
    if (reportFunction(id, configs.get(id)).platform === 'aws_lambda') lambdaIds.add(id);
  }
  const placed = new Set<StoredDailyUsage>();
  for (const id of lambdaIds) {
    const stretches = stretchesOf(id, timelines, range);
    for (let day = Math.floor(range.fromMs / DAY_MS) * DAY_MS; day < range.toMs; day += DAY_MS) {
      const ran = ranOn.has(`${id}|${day}`);
      stretches.forEach((segment, stretch) => {
        const from = Math.max(day, segment.fromMs);
        const to = Math.min(day + DAY_MS, segment.toMs, range.toMs);
        if (!(to > from)) return;
        const row = stored.get(`${id}|${day}|${stretch}`);
        if (row) {
          placed.add(row);
          add(row, segment, (to - from) / 1000, ran);
        } else if (
          provisionedLevel(segment, configs.get(id), ran) > 0 ||
          cachedDays.has(`${id}|${day}`)
        ) {
          // Allocated, or the snapshot cached, while nothing ran: billed all the same.
          add(emptyDay(id, day, stretch), segment, (to - from) / 1000, ran);
        }
      });
    }
  }
  // A row outside the stretches (a split rounded to its second, a day past the range): priced in
  // the stretch it was stored under, never dropped.
  for (const r of rows) {
    if (placed.has(r) || !lambdaIds.has(r.functionId)) continue;
    const stretches = stretchesOf(r.functionId, timelines, range);
    const segment = stretches[Math.min(r.stretch ?? 0, stretches.length - 1)];
    add(r, segment, 0, ranOn.has(`${r.functionId}|${r.dayStartMs}`));
  }
  return usage;
}

/** Whole days AWS keeps a SnapStart snapshot after an invocation of its version, at least. */
export const SNAPSHOT_KEPT_DAYS = 14;

/**
 * The time before a range whose restores the snapshot cache rule (snapStartCachedDays) carries
 * into its first day: from 13 days before that UTC day to the range's start, that day's part
 * before it included. The days' rows read there are reportDailyUsage's `restoredBefore`.
 */
function snapshotCacheReach(range: { fromMs: number }): { fromMs: number; toMs: number } {
  const firstDayMs = Math.floor(range.fromMs / DAY_MS) * DAY_MS;
  return { fromMs: firstDayMs - (SNAPSHOT_KEPT_DAYS - 1) * DAY_MS, toMs: range.fromMs };
}

/**
 * reportDailyUsage's `restoredBefore` for `range`: the days with restores over its
 * snapshotCacheReach, of the functions that restored there (`functionId` alone when given), by
 * the chosen source as the report counts them.
 */
export async function restoresBefore(
  reports: Pick<WeeklyReportsRepository, 'restoredOnDays' | 'dailyUsage'>,
  range: { fromMs: number },
  functionId?: string,
): Promise<StoredDailyUsage[]> {
  const reach = snapshotCacheReach(range);
  const ids = await reports.restoredOnDays(reach, functionId);
  if (ids.length === 0) return [];
  return (await reports.dailyUsage(reach, new Map(), ids)).filter((r) => r.restores > 0);
}

/**
 * The UTC days (`functionId|dayStartMs`) a Lambda function's SnapStart snapshot cache is billed all
 * day. AWS bills the cache for all the time a published version with SnapStart is active, whether
 * or not anything restores, until the version is deleted or, at the earliest, goes 14 days without
 * an invocation ("Lambda automatically deletes snapshots that are not invoked for 14 days", AWS
 * "Security model for Lambda SnapStart"). Fleetscope sees no versions, only restores: a restore
 * proves such a version active on its day and, since the restore invoked it, for the 13 days
 * after (up to the end of `range`). The
 * inventory's SnapStart flag (SNAP_START_LABEL) is not evidence: ApplyOn applies to versions
 * published after it was set, and an invocation of $LATEST never restores. So a function that
 * restored once on Monday and ran every day is cached all week. Not counted: days before its first
 * restore in the range and the 3-hour minimum; counted to the 14th day: a version deleted sooner
 * (WEEKLY_REPORT_ASSUMPTIONS says both). The fleet page gets its days from reportDailyUsage too.
 */
export function snapStartCachedDays(
  rows: readonly StoredDailyUsage[],
  range: { fromMs: number; toMs: number },
): Set<string> {
  const cached = new Set<string>();
  for (const r of rows) {
    if (!(r.restores > 0)) continue;
    for (let i = 0; i < SNAPSHOT_KEPT_DAYS; i++) {
      const day = r.dayStartMs + i * DAY_MS;
      if (day >= range.toMs) break;
      cached.add(`${r.functionId}|${day}`);
    }
  }
  return cached;
}

/** A stored day with nothing counted yet (no source, every sum 0). */
export function emptyDay(
  functionId: string,
  dayStartMs: number,
  stretch: number,
): StoredDailyUsage {
  return {
    functionId,
    dayStartMs,
    stretch,
    sources: [],
    invocations: 0,
    coldStarts: 0,
    provisionedInits: 0,
    billedDurationMs: 0,
    unbilledInitMs: 0,
    billedMbMs: 0,
    unknownMemoryBilledMs: 0,
    initDurationMs: 0,
    restores: 0,
    billedRestoreMs: 0,
  };
}

/**
 * The report week's cold starts per function from GET /api/coldstarts's grouping by function:
 * which of them had an init duration, and the time those added, counted by the cold-start page's
 * rules.
 */
export function reportColdStartInputs(
  groups: readonly Pick<ColdStartGroupReport, 'key' | 'coldStartsWithInit' | 'latencyAddedMs'>[],
): ReportColdStartInput[] {
  return groups.map((g) => ({
    functionId: g.key,
    coldStartsWithInit: g.coldStartsWithInit,
    latencyAddedMs: g.latencyAddedMs,
  }));
}

export function reportRecommendationInputs(
  stored: readonly StoredRecommendation[],
): ReportRecommendationInput[] {
  return stored.map((r) => ({
    // Ranges and plan roles as the analysis stores them (libs/analysis Recommendation), once it does.
    ...storedPlan(r),
    kind: r.kind,
    functionId: r.functionId,
    title: r.title,
    reason: r.reason,
    monthlyImpactUsd: r.monthlyImpactUsd,
    confidence: r.confidence,
    confidenceScore: r.confidenceScore,
    evidence: r.evidence,
    catalogueVersion: r.catalogueVersion,
  }));
}

function storedPlan(
  r: StoredRecommendation,
): Pick<ReportRecommendationInput, 'savingUsd' | 'planRole'> {
  const extra = r as StoredRecommendation & { savingUsd?: unknown; planRole?: unknown };
  const saving = (extra.savingUsd ?? r.evidence.savingUsd) as
    { lowUsd?: unknown; highUsd?: unknown } | undefined;
  const role = extra.planRole ?? r.evidence.planRole;
  return {
    savingUsd:
      saving && typeof saving.lowUsd === 'number' && typeof saving.highUsd === 'number'
        ? { lowUsd: saving.lowUsd, highUsd: saving.highUsd }
        : undefined,
    planRole: typeof role === 'string' ? role : undefined,
  };
}
