import { pickIndex } from '../pick/strategy.pick';
import {
  snapStartCacheUsd,
  type DurationTierUsed,
  type TuningPricer,
} from '../pricing/tuning-cost';
import {
  MIN_PICK_SAMPLES,
  NO_FIGURES,
  failedCalls,
  jobCostUsd,
  measuredObservations,
  restored,
  sizeResult,
} from '../stats/size-stats';
import type {
  ArchitectureComparison,
  Candidate,
  Observation,
  PublishedVersion,
  Range,
  SearchOptions,
  SizeResult,
  TuningPick,
} from '../tuning.types';
import { candidateKey } from '../tuning.types';
import {
  costInterval,
  estimateSizes,
  othersOf,
  resourceLimits,
  type ResourceLimit,
} from './size-estimates';
import {
  couldBeat,
  errorsAboveCurrent,
  nextStep,
  scoreSizes,
  strategyScale,
  type Scored,
} from './tuning.search';

export interface TuningSummary {
  results: SizeResult[];
  pick: TuningPick | null;
  invocationsUsed: number;
  /**
   * What the job itself cost: its invocations (every one, warm-ups and failures included) and,
   * with SnapStart, the cache of the snapshots of the versions it published (snapStartCacheUsd).
   */
  jobCostUsd: number;
  /** Of jobCostUsd, the SnapStart snapshot cache; set where the job publishes versions. */
  snapStartCacheUsd?: number;
  /** The versions the job published (Lambda), kept so a resumed job counts them too. */
  publishedVersions?: PublishedVersion[];
  /**
   * Calls the job started, over all its runs, stored before each call is made (set by the job's
   * executor): more than invocationsUsed when a run was killed or shut down mid-batch.
   */
  invocationsStarted?: number;
  /**
   * invocationsStarted − invocationsUsed: calls started whose answers were never stored (their
   * run was killed, or shut down and abandoned them). The platform may have billed each one, at
   * a duration nobody saw, so jobCostUsd leaves them out and is a lower bound when this is above
   * zero. At most one of them per interruption was never sent.
   */
  unrecordedInvocations?: number;
  /**
   * unrecordedInvocations as the run under way found it when it began (earlier runs' stops): the
   * figure a job reads while that run is alive, whose calls in flight are not unrecorded.
   */
  unrecordedBeforeRun?: number;
  architectureComparison: ArchitectureComparison | null;
  catalogueVersion: string;
  priceIds: string[];
  /** Lambda: the monthly duration tier (by architecture) every figure above was priced at. */
  durationTiers: DurationTierUsed[];
  /** Set when the job stopped before its search ended: what was measured, and no pick. */
  partial?: TuningPartial;
  /** Why a job whose search ended has no pick (no size ran successfully often enough). */
  noPick?: string;
}

/** Why a job stopped before its search ended: asked to (cancelled), or the process shut down. */
export type TuningStop = 'cancelled' | 'interrupted';

/**
 * What a job that stopped early has: the sizes it measured and what they alone show. It is no
 * pick: sizes it never ran could be better, and no budget ran out.
 */
export interface TuningPartial {
  stoppedBy: TuningStop;
  measuredSizes: {
    memoryMb: number;
    architecture: string;
    invocations: number;
    feasible: boolean;
  }[];
  /**
   * What the pick would be from the measured sizes alone (the pick's rule and scale, over the
   * sizes run successfully at least MIN_PICK_SAMPLES times); null when none was.
   */
  bestMeasured: {
    memoryMb: number;
    architecture: string;
    costUsdPerInvocation: number;
    meanMs: number;
  } | null;
  /** Sizes the job never ran (nothing is known of them but predictions). */
  notMeasured: number;
  message: string;
}

const usd = (v: number) => `${v < 0 ? '−' : ''}$${Math.abs(v).toPrecision(3)}`;

/**
 * The table and the pick. Only sizes measured at least MIN_PICK_SAMPLES times can be picked; sizes
 * the adaptive search ruled out are listed with `measured: false`, `feasible: null` (unknown) and
 * the model's figures, so nothing looks measured that was not. A size never run above a size that
 * ran out of memory or time, and below the smallest that ran, gets no figures at all: it may fail
 * too. A job that `stopped` early has no pick, only `partial`: what its measured sizes alone show.
 */
export function summarise(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
  pricer: TuningPricer,
  stopped?: TuningStop,
  published?: { versions: PublishedVersion[]; nowMs: number },
): TuningSummary {
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byKey.get(candidateKey(o)) ?? [];
    list.push(o);
    byKey.set(candidateKey(o), list);
  }
  const estimates = estimateSizes(candidates, observations, options);
  const ranAt = (c: Candidate) => (byKey.get(candidateKey(c)) ?? []).some((o) => !o.warmup);
  const measuredResults = new Map(
    candidates
      .filter(ranAt)
      .map((c) => [
        candidateKey(c),
        sizeResult(c, byKey.get(candidateKey(c))!, othersOf(observations, c), options, pricer),
      ]),
  );
  const limits = resourceLimits(candidates, observations, options.onlyColdStarts);
  const results: SizeResult[] = candidates.map((c, i) => {
    const obs = byKey.get(candidateKey(c)) ?? [];
    const measured = measuredResults.get(candidateKey(c));
    // Out of memory or time above a size that ran: not the size's doing, and no other size's.
    const ran = smallestThatRan(c.architecture, candidates, measuredResults);
    const isolated =
      ran &&
      ran.memoryMb < c.memoryMb &&
      obs.some((o) => o.outcome === 'oom' || o.outcome === 'timeout')
        ? { note: `${ran.memoryMb} MB ran successfully, so this failure rules out no other size` }
        : {};
    if (measured) return measured.feasible === false ? { ...measured, ...isolated } : measured;
    const e = estimates[i];
    if (!e.feasible) {
      return {
        ...unmeasuredResult(c, obs),
        feasible: false,
        ...(e.failure ? { failure: e.failure } : {}),
        ...isolated,
      };
    }
    const doubt = resourceDoubt(c, candidates, limits, measuredResults);
    if (doubt) return { ...unmeasuredResult(c, obs), note: doubt };
    // A curve fitted to no size that ran is only its prior: nothing to predict from (a job
    // whose first batch is not stored yet, or failed before it was).
    const predicted = measuredResults.size > 0 && Number.isFinite(e.billed.value);
    return {
      ...unmeasuredResult(c, obs),
      note: predicted ? 'not measured: figures predicted from the fitted curve' : 'not measured',
      meanMs: predicted ? e.elapsed.value : null,
      billedMeanMs: predicted ? e.billed.value : null,
      costUsdPerInvocation: predicted ? costInterval(e, pricer).value : null,
    };
  });

  // SnapStart is on where GetFunction said so, or where a call restored a snapshot (a job stored
  // before the snapshot recorded the setting).
  const snapStart = pricer.snapStart || observations.some(restored);
  const cacheUsd =
    published && snapStart ? snapStartCacheUsd(published.versions, pricer, published.nowMs) : 0;
  const base = {
    results,
    invocationsUsed: observations.length,
    jobCostUsd: jobCostUsd(observations, pricer) + cacheUsd,
    ...(published
      ? {
          snapStartCacheUsd: cacheUsd,
          publishedVersions: published.versions.map((v) => ({ ...v })),
        }
      : {}),
    catalogueVersion: pricer.catalogueVersion,
    priceIds: pricer.priceIds,
    durationTiers: pricer.durationTiers,
  };
  const samples = (r: SizeResult) =>
    measuredObservations(byKey.get(candidateKey(r)) ?? [], options.onlyColdStarts).length;
  const supported = (r: SizeResult) =>
    r.measured && r.feasible === true && samples(r) >= MIN_PICK_SAMPLES;
  // One winner, by the pick's rule and scale: a finished job's pick, or a stopped job's best
  // measured size (labelled partial), so the two cannot disagree over the same measurements.
  const supportedResults = results.filter(supported);
  const erring = new Map(
    supportedResults.flatMap((r) => {
      const why = errorsAboveCurrent(r, observations, options);
      return why ? [[candidateKey(r), why] as const] : [];
    }),
  );
  const clean = supportedResults.filter((r) => !erring.has(candidateKey(r)));
  // Only when every supported size fails more often than the others is one of them picked,
  // and then never applied (errorWords below).
  const pickable = clean.length > 0 ? clean : supportedResults;
  const index = pickIndex(
    options.strategy,
    options.balancedWeight,
    pickable.map((r) => ({ costUsd: r.costUsdPerInvocation!, durationMs: r.meanMs! })),
    strategyScale(candidates, observations, options, pricer),
  );
  const winner = index >= 0 ? pickable[index] : undefined;
  if (stopped) {
    return {
      ...base,
      pick: null,
      architectureComparison: null,
      partial: partialOutcome(stopped, results, winner, observations.length, options),
    };
  }

  const tooFew = results.filter((r) => r.measured && r.feasible === true && !supported(r));
  const infeasible = results.filter((r) => r.feasible === false).map((r) => `${r.memoryMb} MB`);
  // Sizes not run: ruled out by the fitted curve, or still able to beat the pick by its curve:
  // not run yet while the search goes on, or left when the budget ran out. The search itself
  // says which (its next step), so a running job's text never claims a budget ran out.
  const search = nextStep(candidates, observations, options, pricer);
  const running = search.kind === 'sample';
  const scored = winner ? scoreSizes(candidates, observations, options, pricer) : [];
  const winnerScored = scored.find(
    (s) => winner && candidateKey(s.e.candidate) === candidateKey(winner),
  );
  const notRun = results.filter((r) => !r.measured && r.feasible !== false);
  const stillContending = notRun.filter((r) => {
    const s = scored.find((x) => candidateKey(x.e.candidate) === candidateKey(r));
    return s !== undefined && winnerScored !== undefined && couldBeat(s, winnerScored);
  }).length;
  const unmeasured = notRun.length - stillContending;
  const contendersNotRun = running
    ? 'not run yet'
    : search.budgetSpent
      ? 'not run before the budget ran out'
      : 'not run';
  const against =
    winner && winnerScored
      ? versusCurrent(winner, winnerScored, results, scored, options, pricer)
      : undefined;
  const winnerErrors = winner && erring.get(candidateKey(winner));
  const passedOver =
    clean.length > 0
      ? supportedResults
          .filter((r) => erring.has(candidateKey(r)))
          .map((r) => `${r.memoryMb} MB ${r.architecture} (${erring.get(candidateKey(r))})`)
      : [];
  const pick: TuningPick | null = winner
    ? {
        memoryMb: winner.memoryMb,
        architecture: winner.architecture,
        costRangeUsdPerInvocation: against?.pickRange ?? {
          value: winner.costUsdPerInvocation!,
          lo: winner.costUsdPerInvocation!,
          hi: winner.costUsdPerInvocation!,
        },
        current: against?.current ?? null,
        inconclusive: (against?.inconclusive ?? false) || winnerErrors !== undefined,
        reason:
          `${describeStrategy(options)}${running ? ' so far (the job is still running)' : ''}: ` +
          `${winner.memoryMb} MB ${winner.architecture} at ` +
          `${usd(winner.costUsdPerInvocation!)} per invocation, mean ${winner.meanMs!.toFixed(1)} ms ` +
          `over ${samples(winner)} invocations` +
          leftOut(byKey.get(candidateKey(winner)) ?? [], samples(winner)) +
          (unmeasured > 0
            ? `; ${unmeasured} size(s) not run, their fitted curve could not beat it by more than 2 %`
            : '') +
          (stillContending > 0
            ? `; ${stillContending} size(s) ${contendersNotRun}, whose fitted curve could beat it by more than 2 %`
            : '') +
          (tooFew.length > 0
            ? `; not picked, run fewer than ${MIN_PICK_SAMPLES} times: ${tooFew.map((r) => `${r.memoryMb} MB`).join(', ')}`
            : '') +
          (infeasible.length > 0 ? `; infeasible: ${infeasible.join(', ')}` : '') +
          (passedOver.length > 0
            ? `; not picked, their calls failed more often than the other sizes': ${passedOver.join(', ')}`
            : '') +
          (against?.words ?? '') +
          (winnerErrors
            ? `; inconclusive: ${winnerErrors}, so it is not applied automatically`
            : ''),
      }
    : null;

  return {
    ...base,
    pick,
    architectureComparison: winner ? compareArchitectures(results, winner.memoryMb) : null,
    ...(winner ? {} : { noPick: whyNoPick(results, samples) }),
  };
}

/** Why no size could be picked: none ran successfully, or none often enough. */
function whyNoPick(results: SizeResult[], samples: (r: SizeResult) => number): string {
  const label = (r: SizeResult) => `${r.memoryMb} MB ${r.architecture}`;
  const ran = results.filter((r) => r.measured && r.feasible === true);
  if (ran.length > 0)
    return (
      `no size was measured successfully at least ${MIN_PICK_SAMPLES} times, the fewest a pick ` +
      `rests on (${ran.map((r) => `${label(r)}: ${samples(r)}`).join(', ')}); run more invocations per size`
    );
  const failed = results.filter((r) => r.feasible === false);
  return failed.length > 0
    ? `no size ran successfully (${failed.map((r) => `${label(r)}: ${r.failure ?? 'failed'}`).join('; ')})`
    : 'no size was measured';
}

/** A measured size's cost range: its billed mean's (two standard errors), around its price. */
function costRange(s: Scored, r: SizeResult, pricer: TuningPricer): Range {
  const range = costInterval(s.e, pricer);
  const value = r.costUsdPerInvocation!;
  return { value, lo: Math.min(range.lo, value), hi: Math.max(range.hi, value) };
}

/**
 * The pick against the size the function runs at today (options.baseline): its cost range, the
 * saving, and whether the pick's range under the strategy overlaps the current size's. Overlapping
 * ranges mean the measurements do not show the pick better (with 15 % noise over a true 7 % gap
 * the point estimates alone pick the dearer size now and then), so it is inconclusive.
 */
function versusCurrent(
  winner: SizeResult,
  winnerScored: Scored,
  results: SizeResult[],
  scored: Scored[],
  options: SearchOptions,
  pricer: TuningPricer,
): {
  pickRange: Range;
  current: TuningPick['current'];
  inconclusive: boolean;
  words: string;
} {
  const pickRange = costRange(winnerScored, winner, pricer);
  const baseline = options.baseline;
  if (!baseline) return { pickRange, current: null, inconclusive: false, words: '' };
  const key = candidateKey(baseline);
  const label = `${baseline.memoryMb} MB ${baseline.architecture}`;
  if (candidateKey(winner) === key)
    return { pickRange, current: null, inconclusive: false, words: '; it is the current size' };
  const result = results.find((r) => candidateKey(r) === key);
  const currentScored = scored.find((s) => candidateKey(s.e.candidate) === key);
  if (!result?.measured || result.feasible !== true || !currentScored)
    return {
      pickRange,
      current: null,
      inconclusive: false,
      words: result
        ? `; the current ${label} was not measured successfully, so no saving is stated`
        : `; the current ${label} was not among the sizes measured, so no saving is stated`,
    };
  const currentRange = costRange(currentScored, result, pricer);
  const saving = {
    value: currentRange.value - pickRange.value,
    lo: currentRange.lo - pickRange.hi,
    hi: currentRange.hi - pickRange.lo,
  };
  const savingShare = saving.value / currentRange.value;
  // The pick's score is the lower one; the ranges overlap when its high end reaches the other's low.
  const inconclusive = winnerScored.hi >= currentScored.lo;
  const share = `${Math.abs(Math.round(savingShare * 100))} %`;
  const words =
    `; against the current ${label} (${usd(currentRange.value)}): ` +
    (saving.value >= 0 ? `saves ${share}` : `costs ${share} more`) +
    ` per invocation (${usd(saving.lo)} to ${usd(saving.hi)})` +
    (inconclusive
      ? `; inconclusive: within two standard errors it is no ${better(options)} than the ` +
        `current size (${usd(pickRange.lo)}–${usd(pickRange.hi)} against ` +
        `${usd(currentRange.lo)}–${usd(currentRange.hi)}), so it is not applied automatically`
      : '');
  return {
    pickRange,
    current: {
      memoryMb: baseline.memoryMb,
      architecture: baseline.architecture,
      costRangeUsdPerInvocation: currentRange,
      savingUsdPerInvocation: saving,
      savingShare,
    },
    inconclusive,
    words,
  };
}

function better(options: SearchOptions): string {
  switch (options.strategy) {
    case 'cost':
      return 'cheaper';
    case 'speed':
      return 'faster';
    case 'balanced':
      return 'better balanced';
  }
}

/** A size with no measured figures: never run, or only its warm-up (`observations`). */
function unmeasuredResult(c: Candidate, observations: Observation[]): SizeResult {
  const errors = failedCalls(observations);
  return {
    memoryMb: c.memoryMb,
    architecture: c.architecture,
    invocations: observations.length,
    measured: false,
    feasible: null,
    errors,
    errorRate: observations.length > 0 ? errors / observations.length : null,
    ...NO_FIGURES,
  };
}

/**
 * Why an unmeasured size may fail like a smaller one did: it lies above its architecture's
 * resource limit (resourceLimits) and below the smallest size that ran. Undefined when no such
 * doubt exists.
 */
function resourceDoubt(
  c: Candidate,
  candidates: Candidate[],
  limits: Map<string, ResourceLimit>,
  measured: Map<string, SizeResult>,
): string | undefined {
  const limit = limits.get(c.architecture);
  if (!limit || limit.memoryMb >= c.memoryMb) return undefined;
  const ranAbove = smallestThatRan(c.architecture, candidates, measured);
  if (ranAbove && ranAbove.memoryMb < c.memoryMb) return undefined;
  return (
    `not measured: ${limit.memoryMb} MB ${limit.failure}` +
    (ranAbove ? ` and ${ranAbove.memoryMb} MB is the smallest that ran` : '') +
    '; it may fail too, so nothing is predicted'
  );
}

function smallestThatRan(
  architecture: string,
  candidates: Candidate[],
  measured: Map<string, SizeResult>,
): Candidate | undefined {
  return candidates
    .filter((x) => x.architecture === architecture && measured.get(candidateKey(x))?.feasible)
    .sort((a, b) => a.memoryMb - b.memoryMb)[0];
}

function partialOutcome(
  stoppedBy: TuningStop,
  results: SizeResult[],
  best: SizeResult | undefined,
  invocations: number,
  options: SearchOptions,
): TuningPartial {
  const measured = results.filter((r) => r.measured);
  const notMeasured = results.length - measured.length;
  const label = (r: SizeResult) => `${r.memoryMb} MB ${r.architecture}`;
  const message =
    `${stoppedBy} after ${invocations} invocations, before the search ended: no pick. ` +
    (measured.length > 0
      ? `Measured: ${measured
          .map((r) => `${label(r)}${r.feasible ? '' : ` (${r.failure ?? 'failed'})`}`)
          .join(', ')}.`
      : 'No size was measured.') +
    (best
      ? ` Partial, from the measured sizes alone: ${label(best)} is the ${describeStrategy(options)} ` +
        `(${usd(best.costUsdPerInvocation!)} per invocation, mean ${best.meanMs!.toFixed(1)} ms).`
      : '') +
    (notMeasured > 0 ? ` ${notMeasured} size(s) not measured could be better.` : '');
  return {
    stoppedBy,
    measuredSizes: measured.map((r) => ({
      memoryMb: r.memoryMb,
      architecture: r.architecture,
      invocations: r.invocations,
      feasible: r.feasible === true,
    })),
    bestMeasured: best
      ? {
          memoryMb: best.memoryMb,
          architecture: best.architecture,
          costUsdPerInvocation: best.costUsdPerInvocation!,
          meanMs: best.meanMs!,
        }
      : null,
    notMeasured,
    message,
  };
}

/**
 * The calls of the pick's size its figures leave out, by why (warm-up, cold, failed), and its
 * error rate when any failed: the reader sees what the mean does not show.
 */
function leftOut(observations: Observation[], samples: number): string {
  const left = observations.length - samples;
  if (left <= 0) return '';
  const warmups = observations.filter((o) => o.warmup).length;
  const failed = observations.filter((o) => !o.warmup && o.outcome !== 'ok').length;
  const cold = left - warmups - failed;
  const errors = observations.filter((o) => o.outcome !== 'ok').length;
  const parts = [
    warmups > 0 ? `${warmups} warm-up` : '',
    cold > 0 ? `${cold} cold` : '',
    failed > 0 ? `${failed} failed` : '',
  ].filter((p) => p !== '');
  return (
    ` (${left} more run and left out: ${parts.join(', ')})` +
    (errors > 0
      ? `; ${errors} of its ${observations.length} calls failed (error rate ${Math.round((100 * errors) / observations.length)} %)`
      : '')
  );
}

function describeStrategy(options: SearchOptions): string {
  switch (options.strategy) {
    case 'cost':
      return 'cheapest';
    case 'speed':
      return 'fastest';
    case 'balanced':
      return `balanced (weight ${options.balancedWeight} on cost)`;
  }
}

/**
 * The x86 → arm64 switch: at the pick's size when both architectures ran there, else at the
 * size nearest to it that both ran; null when no size ran on both.
 */
function compareArchitectures(
  results: SizeResult[],
  memoryMb: number,
): ArchitectureComparison | null {
  const ran = (r: SizeResult) => r.measured && r.feasible === true && r.meanMs !== null;
  const x86 = new Map(
    results.filter((r) => ran(r) && r.architecture === 'x86_64').map((r) => [r.memoryMb, r]),
  );
  const both = results
    .filter((r) => ran(r) && r.architecture === 'arm64' && x86.has(r.memoryMb))
    .sort((a, b) => Math.abs(a.memoryMb - memoryMb) - Math.abs(b.memoryMb - memoryMb));
  const arm = both[0];
  if (!arm) return null;
  const base = x86.get(arm.memoryMb)!;
  return {
    memoryMb: arm.memoryMb,
    speedRatio: arm.meanMs! / base.meanMs!,
    costDifferenceUsdPerInvocation: arm.costUsdPerInvocation! - base.costUsdPerInvocation!,
  };
}
