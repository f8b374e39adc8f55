import {
  coldStartCost,
  coldStartFigures,
  coldStartRate,
  meanInitMs,
  type FunctionProfile,
  type HistogramBuckets,
} from '@fleetscope/analysis';
import {
  emptySortedBuckets,
  histogramPercentiles,
  mergeBuckets,
  mergeSortedBuckets,
  sortedHistogramCount,
  sortedHistogramPercentiles,
  type SortedLogBuckets,
} from '@fleetscope/model';
import { lambdaArchitectureOf, type PricingService } from '@fleetscope/pricing';
import type {
  ColdStartExtrasRow,
  ColdStartGroup,
  ColdStartRow,
  FunctionConfig,
} from '@fleetscope/storage';
import { analysisProfile } from '../inputs/analysis-input.assembler';
import type { StretchInForce } from './stretches-in-force';

/** Why a rate over no invocations at all is null. */
export const NO_INVOCATIONS_REASON = 'No invocations: there is nothing to take a rate over.';

/** coldStartRate() of a range or a group of it: null, not 0, over no invocations at all. */
export function rangeColdStartRate(
  coldStarts: number,
  invocations: number,
  unknownStarts: number,
): number | null {
  return invocations > 0 ? coldStartRate(coldStarts, invocations, unknownStarts) : null;
}

/**
 * coldStartFigures() of a range or a group of it (GET /api/functions, its `fleet`, each group of
 * GET /api/coldstarts): over no invocations at all the rate is null, and says why.
 */
export function rangeColdStartFigures(
  coldStarts: number,
  invocations: number,
  unknownStarts: number,
): ReturnType<typeof coldStartFigures> {
  return invocations > 0
    ? coldStartFigures(coldStarts, invocations, unknownStarts)
    : {
        coldStartRate: null,
        coldStartUnknown: unknownStarts,
        coldStartRateReason: NO_INVOCATIONS_REASON,
      };
}

export interface DurationFigures {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** One group of GET /api/coldstarts. */
export interface ColdStartGroupReport {
  key: string;
  /** What the key is made of (functionId and version for `version`, …). */
  labels: Record<string, string>;
  functions: number;
  invocations: number;
  /** User-visible cold starts: on-demand inits (and resets after a kill) plus SnapStart restores. */
  coldStarts: number;
  /**
   * Over the invocations whose start is known; null when none is, or there are none
   * (coldStartRateReason).
   */
  coldStartRate: number | null;
  /**
   * Invocations no source said started cold or warm (spans without `faas.coldstart`, FaaS
   * metrics without `faas.coldstarts`).
   */
  coldStartUnknown: number;
  /** Why the rates are null; null when they are not. */
  coldStartRateReason: string | null;
  /**
   * The cold starts latencyAddedMs and costUsd cover: the on-demand ones with an Init Duration
   * (onDemand.coldStartsWithInit) and the restores with a Restore Duration
   * (snapStart.restoresWithDuration). One known only from a span's `faas.coldstart` has neither.
   */
  coldStartsWithInit: number;
  /**
   * Latency the user-visible cold starts added: Σ Init Duration + Σ Restore Duration, over the
   * coldStartsWithInit only; null when none of the group's cold starts has a duration (unknown,
   * not 0). 0 without cold starts.
   */
  latencyAddedMs: number | null;
  /**
   * What they cost (billed INIT, SnapStart restores), INIT over the cold starts with an Init
   * Duration only; null when nothing in the group is priced, or when no cold start of a function
   * whose INIT is billed has an Init Duration to price.
   */
  costUsd: number | null;
  onDemand: {
    coldStarts: number;
    /** The on-demand cold starts that reported an Init Duration: what latency and cost cover. */
    coldStartsWithInit: number;
    rate: number | null;
    initDurationMs: DurationFigures;
    /** Σ Init Duration; null when cold starts had none (unknown, not 0). */
    latencyAddedMs: number | null;
    costUsd: number | null;
  };
  snapStart: {
    restores: number;
    /** The restores that reported a Restore Duration (from the records: restoreDurationMs's). */
    restoresWithDuration: number;
    rate: number | null;
    restoreDurationMs: DurationFigures;
    /** Σ Restore Duration; null when restores had none (unknown, not 0). */
    latencyAddedMs: number | null;
    costUsd: number | null;
  };
  /** Provisioned-concurrency inits happen ahead of traffic: counted, never cold starts. */
  provisionedConcurrency: { inits: number };
  /** Proactive initialisations by Lambda: counted, never cold starts. */
  proactive: { inits: number; meanInitMs: number | null };
}

export interface ColdStartReport {
  groupBy: ColdStartGroup;
  groups: ColdStartGroupReport[];
  totals: ColdStartGroupReport;
  catalogueVersion: string;
  priceIds: string[];
}

type InitPart = 'on-demand' | 'snap-start' | 'provisioned-concurrency' | 'proactive';
const INIT_PARTS: readonly InitPart[] = [
  'on-demand',
  'snap-start',
  'provisioned-concurrency',
  'proactive',
];

interface Accumulator {
  key: string;
  labels: Record<string, string>;
  /** The group's first function; `more` all of them once a second one comes (no Set per group). */
  firstFunction: string | undefined;
  more: Set<string> | undefined;
  invocations: number;
  unknownStarts: number;
  onDemand: number;
  initSumMs: number;
  initBuckets: SortedLogBuckets;
  /**
   * Σ INIT cost of the rows with on-demand cold starts whose cost is known (those with an Init
   * Duration, or where INIT is not billed); null while none is. Like latencyAddedMs, it covers the
   * cold starts coldStartsWithInit counts.
   */
  onDemandCostUsd: number | null;
  /** Some row was priced at all: a group without cold starts then costs a known 0. */
  onDemandPriced: boolean;
  restores: number;
  restoreSumMs: number;
  /** From the records (the extras): the restores that reported a Restore Duration, and its sum. */
  timedRestores: number;
  timedRestoreSumMs: number;
  restoreBuckets: HistogramBuckets;
  restoreCostUsd: number | null;
  pcInits: number;
  proactiveInits: number;
  timedProactiveInits: number;
  proactiveInitSumMs: number;
}

function accumulator(key: string, labels: Record<string, string>): Accumulator {
  return {
    key,
    labels,
    firstFunction: undefined,
    more: undefined,
    invocations: 0,
    unknownStarts: 0,
    onDemand: 0,
    initSumMs: 0,
    initBuckets: emptySortedBuckets(),
    onDemandCostUsd: null,
    onDemandPriced: false,
    restores: 0,
    restoreSumMs: 0,
    timedRestores: 0,
    timedRestoreSumMs: 0,
    restoreBuckets: {},
    restoreCostUsd: null,
    pcInits: 0,
    proactiveInits: 0,
    timedProactiveInits: 0,
    proactiveInitSumMs: 0,
  };
}

function addFunction(acc: Accumulator, functionId: string): void {
  if (acc.firstFunction === undefined) acc.firstFunction = functionId;
  else if (acc.more) acc.more.add(functionId);
  else if (functionId !== acc.firstFunction) acc.more = new Set([acc.firstFunction, functionId]);
}

const functionCount = (acc: Accumulator): number =>
  acc.more ? acc.more.size : acc.firstFunction === undefined ? 0 : 1;

const addUsd = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : a + b;

interface RowIdentity {
  key: string;
  functionId: string;
  version: string;
  memorySizeMb: number;
  stretch: number;
}

/** A row's group: by what was in force when it was recorded, else by the inventory. */
function groupKey(
  groupBy: Exclude<ColdStartGroup, 'initType'>,
  row: RowIdentity,
  config: FunctionConfig | undefined,
  held: StretchInForce | undefined,
): { key: string; labels: Record<string, string> } {
  switch (groupBy) {
    case 'function':
      return { key: row.functionId, labels: { functionId: row.functionId } };
    case 'version': {
      const version = row.version || 'unknown';
      return {
        key: `${row.functionId}:${version}`,
        labels: { functionId: row.functionId, version },
      };
    }
    case 'runtime': {
      const runtime = held?.runtime || config?.runtime || 'unknown';
      return { key: runtime, labels: { runtime } };
    }
    case 'memory': {
      const memoryMb =
        row.memorySizeMb > 0 ? row.memorySizeMb : (held?.memoryMb ?? config?.memoryMb);
      const memory = memoryMb ? String(memoryMb) : 'unknown';
      return { key: memory, labels: { memoryMb: memory } };
    }
    case 'architecture': {
      const architecture = held?.architecture || config?.architecture || 'unknown';
      return { key: architecture, labels: { architecture } };
    }
    case 'hour':
      return { key: row.key, labels: { hourUtc: row.key } };
  }
}

/**
 * Each function's profile under one inventory, built once: merged() hands back the same map until
 * the inventory changes, and a page's 10,000 rows would otherwise each parse an id and build a
 * profile on every call. Read-only: a row's own memory size goes beside it, not into it.
 */
const profilesByInventory = new WeakMap<
  ReadonlyMap<string, FunctionConfig>,
  Map<string, Readonly<FunctionProfile>>
>();

function profilesOf(
  configs: ReadonlyMap<string, FunctionConfig>,
): Map<string, Readonly<FunctionProfile>> {
  let profiles = profilesByInventory.get(configs);
  if (!profiles) {
    profiles = new Map();
    profilesByInventory.set(configs, profiles);
  }
  return profiles;
}

function profileOf(
  profiles: Map<string, Readonly<FunctionProfile>>,
  functionId: string,
  config: FunctionConfig | undefined,
): Readonly<FunctionProfile> {
  let profile = profiles.get(functionId);
  if (!profile) {
    profile = analysisProfile(functionId, config);
    profiles.set(functionId, profile);
  }
  return profile;
}

/**
 * A profile with the architecture and memory size in force over a row's stretch, where the
 * settings history knows them (the weekly report's rule); the profile itself where it does not.
 */
function profileInForce(
  profile: Readonly<FunctionProfile>,
  held: StretchInForce | undefined,
): Readonly<FunctionProfile> {
  const architecture = lambdaArchitectureOf(held?.architecture) ?? profile.architecture;
  const memoryMb = held?.memoryMb ?? profile.memoryMb;
  return architecture === profile.architecture && memoryMb === profile.memoryMb
    ? profile
    : { ...profile, architecture, memoryMb };
}

const UNPRICED = { onDemandUsd: null, restoreUsd: null } as const;

/** An Init Duration to price untimed cold starts at: only to learn whether INIT is billed at all. */
const PROBE_INIT_MS = 1000;

/**
 * Σ durations of `starts` cold starts as latency added: null when they had cold starts and none
 * reported a duration (a cold start known only from a span's `faas.coldstart`), never 0 then; null
 * too for none where some invocations could not tell whether they started cold (`unknownStarts`).
 */
const addedMs = (sumMs: number, starts: number, unknownStarts = 0): number | null =>
  sumMs > 0 || (starts === 0 && unknownStarts === 0) ? sumMs : null;

/**
 * INIT cost of on-demand cold starts and SnapStart restore cost of one row (Lambda only), at the
 * row's own memory size when it has one.
 */
function rowCosts(
  row: ColdStartRow,
  profile: Readonly<FunctionProfile>,
  at: Date,
  pricing: PricingService,
  priceIds: Set<string>,
): { onDemandUsd: number | null; restoreUsd: number | null } {
  const memoryMb = row.memorySizeMb > 0 ? row.memorySizeMb : profile.memoryMb;
  if (profile.platform !== 'aws_lambda' || memoryMb === null) return UNPRICED;
  const { architecture, runtime, packageType, region } = profile;
  // On-demand cold starts without an Init Duration cost what is unknown, unless INIT is not billed
  // for this runtime and day (docs/decisions.md "Billing rules"): then they cost 0, known.
  const untimed = row.initDurationSumMs === 0 && row.coldStarts > row.restores;
  const init = coldStartCost(
    { architecture, memoryMb, runtime, packageType, region },
    untimed ? PROBE_INIT_MS : row.initDurationSumMs,
    at,
    pricing,
  );
  init.priceIds.forEach((id) => priceIds.add(id));
  const onDemandUsd = untimed ? (init.usd === 0 ? 0 : null) : init.usd;
  if (row.restores === 0 && row.billedRestoreSumMs === 0) return { onDemandUsd, restoreUsd: null };
  const restore = pricing.lambdaUsage(
    {
      architecture,
      memoryMb,
      requests: 0,
      billedDurationMs: 0,
      snapStart: {
        runtime,
        restores: row.restores,
        billedRestoreMs: row.billedRestoreSumMs,
        cachedSeconds: 0,
      },
    },
    at,
    region,
  );
  restore.priceIds.forEach((id) => priceIds.add(id));
  return { onDemandUsd, restoreUsd: restore.usd };
}

function durationFigures(sumMs: number, count: number, buckets: HistogramBuckets): DurationFigures {
  return {
    mean: count > 0 && sumMs > 0 ? sumMs / count : null,
    // The sum of the observations the buckets count: without it a constant duration reads a spread.
    ...histogramPercentiles(buckets, { sum: sumMs }),
  };
}

/**
 * The cold-start figures of a group's on-demand starts, by the rules summarizeColdStarts applies
 * (coldStartRate, meanInitMs, the init histogram's percentiles), without its per-function profile,
 * statistics and pricing: the group's cost is the sum of its rows' costs, priced per function
 * (rowCosts). 10,000 groups on the wide fleet's page.
 */
function onDemandFigures(acc: Accumulator): ColdStartGroupReport['onDemand'] {
  const init = sortedHistogramPercentiles(acc.initBuckets, { sum: acc.initSumMs });
  const timed = sortedHistogramCount(acc.initBuckets);
  return {
    coldStarts: acc.onDemand,
    coldStartsWithInit: Math.min(acc.onDemand, timed),
    rate: rangeColdStartRate(acc.onDemand, acc.invocations, acc.unknownStarts),
    initDurationMs: {
      // The init histogram counts the cold starts with an Init Duration, as the sum sums them.
      mean: meanInitMs(acc.initSumMs, timed),
      p50: init.p50,
      p95: init.p95,
      p99: init.p99,
    },
    latencyAddedMs: addedMs(acc.initSumMs, acc.onDemand, acc.unknownStarts),
    // No cold start costs nothing, where it is known that none happened.
    costUsd:
      acc.onDemand === 0
        ? acc.onDemandPriced && acc.unknownStarts === 0
          ? 0
          : null
        : acc.onDemandCostUsd,
  };
}

function report(acc: Accumulator): ColdStartGroupReport {
  const onDemand = onDemandFigures(acc);
  const coldStarts = acc.onDemand + acc.restores;
  const restoresWithDuration = Math.min(acc.restores, acc.timedRestores);
  const rate = (n: number) => rangeColdStartRate(n, acc.invocations, acc.unknownStarts);
  return {
    key: acc.key,
    labels: acc.labels,
    functions: functionCount(acc),
    invocations: acc.invocations,
    coldStarts,
    ...rangeColdStartFigures(coldStarts, acc.invocations, acc.unknownStarts),
    coldStartsWithInit: onDemand.coldStartsWithInit + restoresWithDuration,
    latencyAddedMs: addedMs(acc.initSumMs + acc.restoreSumMs, coldStarts, acc.unknownStarts),
    costUsd: addUsd(onDemand.costUsd, acc.restoreCostUsd),
    onDemand,
    snapStart: {
      restores: acc.restores,
      restoresWithDuration,
      rate: rate(acc.restores),
      // Over the restores that reported a Restore Duration (the report's restoreDurationMs is
      // optional), from the records the percentiles describe.
      restoreDurationMs: durationFigures(
        acc.timedRestoreSumMs,
        acc.timedRestores,
        acc.restoreBuckets,
      ),
      latencyAddedMs: addedMs(acc.restoreSumMs, acc.restores),
      costUsd: acc.restoreCostUsd,
    },
    provisionedConcurrency: { inits: acc.pcInits },
    proactive: {
      inits: acc.proactiveInits,
      // Over the inits that reported a duration, as meanInitMs takes on-demand ones: one of 800 ms
      // and three without read 200.
      meanInitMs: meanInitMs(acc.proactiveInitSumMs, acc.timedProactiveInits),
    },
  };
}

/** Adds the part(s) of a row to an accumulator; `part` limits it to one kind of init. */
function addRow(
  acc: Accumulator,
  row: ColdStartRow,
  costs: { onDemandUsd: number | null; restoreUsd: number | null },
  part?: InitPart,
): void {
  addFunction(acc, row.functionId);
  acc.invocations += row.invocations;
  acc.unknownStarts += row.unknownStarts;
  if (part === undefined || part === 'on-demand') {
    // cold_starts counts every user-visible start, SnapStart restores included.
    const onDemand = Math.max(0, row.coldStarts - row.restores);
    acc.onDemand += onDemand;
    acc.initSumMs += row.initDurationSumMs;
    mergeSortedBuckets(acc.initBuckets, row.initBuckets);
    // Only rows with cold starts price them: a row without any added a known 0 to an unknown
    // cost, and an hour of two untimed cold starts read $0.
    if (onDemand > 0) acc.onDemandCostUsd = addUsd(acc.onDemandCostUsd, costs.onDemandUsd);
  }
  // Whatever part a group takes of it, a priced row without cold starts makes "none" a known $0
  // (a provisioned-concurrency or proactive group read "unknown" where the hour's read $0).
  acc.onDemandPriced ||= costs.onDemandUsd !== null;
  if (part === undefined || part === 'snap-start') {
    acc.restores += row.restores;
    acc.restoreSumMs += row.restoreDurationSumMs;
    acc.restoreCostUsd = addUsd(acc.restoreCostUsd, costs.restoreUsd);
  }
  if (part === undefined || part === 'provisioned-concurrency') acc.pcInits += row.provisionedInits;
}

function addExtras(acc: Accumulator, row: ColdStartExtrasRow, part?: InitPart): void {
  addFunction(acc, row.functionId);
  if (part === undefined || part === 'snap-start') {
    acc.timedRestores += row.restores;
    acc.timedRestoreSumMs += row.restoreSumMs;
    mergeBuckets(acc.restoreBuckets, row.restoreBuckets);
  }
  if (part === undefined || part === 'proactive') {
    acc.proactiveInits += row.proactiveInits;
    acc.timedProactiveInits += row.timedProactiveInits;
    acc.proactiveInitSumMs += row.proactiveInitSumMs;
  }
}

/** A row's place in the aggregate: what its extras row (same function, version, …) shares. */
const identityOf = (r: RowIdentity) =>
  `${r.key}|${r.functionId}|${r.version}|${r.memorySizeMb}|${r.stretch}`;

/**
 * The kinds of init a row had: the initType groups it belongs to, with its function and
 * invocations. `proactive`: its records showed proactive inits (the aggregate does not count them).
 */
function initPartsOf(row: ColdStartRow, proactive: boolean): InitPart[] {
  const parts: InitPart[] = [];
  if (row.coldStarts > row.restores || row.initDurationSumMs > 0) parts.push('on-demand');
  if (row.restores > 0 || row.billedRestoreSumMs > 0) parts.push('snap-start');
  if (row.provisionedInits > 0) parts.push('provisioned-concurrency');
  if (proactive) parts.push('proactive');
  return parts;
}

/** The kinds of init an extras row describes. */
function extrasPartsOf(row: ColdStartExtrasRow): InitPart[] {
  const parts: InitPart[] = [];
  if (row.restores > 0) parts.push('snap-start');
  if (row.proactiveInits > 0) parts.push('proactive');
  return parts;
}

function compareKeys(groupBy: ColdStartGroup) {
  return (a: ColdStartGroupReport, b: ColdStartGroupReport): number => {
    if (groupBy === 'hour') return Number(a.key) - Number(b.key);
    if (groupBy === 'initType')
      return INIT_PARTS.indexOf(a.key as InitPart) - INIT_PARTS.indexOf(b.key as InitPart);
    return b.coldStarts - a.coldStarts || a.key.localeCompare(b.key);
  };
}

/**
 * Folds the aggregate's cold-start rows (function × version × memory × stretch [× hour]) and the
 * record extras into the requested grouping, pricing INIT and SnapStart restores per function with
 * its region and runtime, and the architecture and memory size in force over each row's stretch
 * (`inForce`, from stretchesInForce(); the inventory's where it says nothing), at `at`. Grouped by
 * runtime or architecture, a row goes where its stretch's setting puts it. Grouped by initType,
 * each kind of init counts the rows that had it: their functions, invocations and inits of that
 * kind.
 */
export function groupColdStarts(
  rows: readonly ColdStartRow[],
  extras: readonly ColdStartExtrasRow[],
  configs: ReadonlyMap<string, FunctionConfig>,
  groupBy: ColdStartGroup,
  at: Date,
  pricing: PricingService,
  inForce: ReadonlyMap<string, readonly StretchInForce[]> = new Map(),
): ColdStartReport {
  const groups = new Map<string, Accumulator>();
  const totals = accumulator('total', {});
  const priceIds = new Set<string>();
  const groupFor = (key: string, labels: Record<string, string>) => {
    let acc = groups.get(key);
    if (!acc) {
      acc = accumulator(key, labels);
      groups.set(key, acc);
    }
    return acc;
  };
  const partGroup = (part: InitPart) => groupFor(part, { initType: part });
  // Every kind of init is listed, those none of the rows had with nothing in them.
  if (groupBy === 'initType' && rows.length + extras.length > 0) INIT_PARTS.forEach(partGroup);
  const proactive = new Set(
    groupBy === 'initType' ? extras.filter((e) => e.proactiveInits > 0).map(identityOf) : [],
  );

  const profiles = profilesOf(configs);
  for (const row of rows) {
    const config = configs.get(row.functionId);
    const held = inForce.get(row.functionId)?.[row.stretch];
    const profile = profileInForce(profileOf(profiles, row.functionId, config), held);
    const costs = rowCosts(row, profile, at, pricing, priceIds);
    addRow(totals, row, costs);
    if (groupBy === 'initType') {
      for (const part of initPartsOf(row, proactive.has(identityOf(row)))) {
        addRow(partGroup(part), row, costs, part);
      }
    } else {
      const { key, labels } = groupKey(groupBy, row, config, held);
      addRow(groupFor(key, labels), row, costs);
    }
  }
  for (const row of extras) {
    addExtras(totals, row);
    if (groupBy === 'initType') {
      for (const part of extrasPartsOf(row)) addExtras(partGroup(part), row, part);
    } else {
      const held = inForce.get(row.functionId)?.[row.stretch];
      const { key, labels } = groupKey(groupBy, row, configs.get(row.functionId), held);
      addExtras(groupFor(key, labels), row);
    }
  }

  return {
    groupBy,
    groups: [...groups.values()].map(report).sort(compareKeys(groupBy)),
    totals: report(totals),
    catalogueVersion: pricing.catalogueVersion,
    priceIds: [...priceIds].sort(),
  };
}
