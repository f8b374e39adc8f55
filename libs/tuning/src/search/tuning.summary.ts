import { pickIndex } from '../pick/strategy.pick';
import type { DurationTierUsed, TuningPricer } from '../pricing/tuning-cost';
import {
  MIN_PICK_SAMPLES,
  jobCostUsd,
  measuredObservations,
  sizeResult,
} from '../stats/size-stats';
import type {
  ArchitectureComparison,
  Candidate,
  Observation,
  SearchOptions,
  SizeResult,
  TuningPick,
} from '../tuning.types';
import { candidateKey } from '../tuning.types';
import { costInterval, estimateSizes } from './size-estimates';
import { couldBeat, scoreSizes, strategyScale } from './tuning.search';

export interface TuningSummary {
  results: SizeResult[];
  pick: TuningPick | null;
  invocationsUsed: number;
  /** What the job's own invocations cost (every one, warm-ups and failures included). */
  jobCostUsd: number;
  architectureComparison: ArchitectureComparison | null;
  catalogueVersion: string;
  priceIds: string[];
  /** Lambda: the monthly duration tier (by architecture) every figure above was priced at. */
  durationTiers: DurationTierUsed[];
}

const usd = (v: number) => `$${v.toPrecision(3)}`;

/**
 * The table and the pick. Only sizes measured at least MIN_PICK_SAMPLES times can be picked; sizes the adaptive search ruled out
 * are listed with `measured: false` and the model's figures, so nothing looks measured that was not.
 */
export function summarise(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
  pricer: TuningPricer,
): TuningSummary {
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byKey.get(candidateKey(o)) ?? [];
    list.push(o);
    byKey.set(candidateKey(o), list);
  }
  const estimates = estimateSizes(candidates, observations, options);
  const results: SizeResult[] = candidates.map((c, i) => {
    const obs = byKey.get(candidateKey(c)) ?? [];
    if (obs.some((o) => !o.warmup)) return sizeResult(c, obs, options, pricer);
    const e = estimates[i];
    const predicted = e.feasible && Number.isFinite(e.billed.value);
    return {
      memoryMb: c.memoryMb,
      architecture: c.architecture,
      invocations: obs.length,
      measured: false,
      feasible: e.feasible,
      ...(e.failure ? { failure: e.failure } : {}),
      errors: 0,
      meanMs: predicted ? e.elapsed.value : null,
      p50Ms: null,
      p90Ms: null,
      p99Ms: null,
      billedMeanMs: predicted ? e.billed.value : null,
      costUsdPerInvocation: predicted ? costInterval(e, pricer).value : null,
    };
  });

  const samples = (r: SizeResult) =>
    measuredObservations(byKey.get(candidateKey(r)) ?? [], options.onlyColdStarts).length;
  const supported = (r: SizeResult) => r.measured && r.feasible && samples(r) >= MIN_PICK_SAMPLES;
  const pickable = results.filter(supported);
  const tooFew = results.filter((r) => r.measured && r.feasible && !supported(r));
  const index = pickIndex(
    options.strategy,
    options.balancedWeight,
    pickable.map((r) => ({ costUsd: r.costUsdPerInvocation!, durationMs: r.meanMs! })),
    strategyScale(candidates, observations, options, pricer),
  );
  const winner = index >= 0 ? pickable[index] : undefined;
  const infeasible = results.filter((r) => !r.feasible).map((r) => `${r.memoryMb} MB`);
  // Sizes not run: ruled out by the fitted curve, or left when the budget ran out while their
  // curve could still beat the pick.
  const scored = winner ? scoreSizes(candidates, observations, options, pricer) : [];
  const winnerScored = scored.find(
    (s) => winner && candidateKey(s.e.candidate) === candidateKey(winner),
  );
  const notRun = results.filter((r) => !r.measured && r.feasible);
  const stillContending = notRun.filter((r) => {
    const s = scored.find((x) => candidateKey(x.e.candidate) === candidateKey(r));
    return s !== undefined && winnerScored !== undefined && couldBeat(s, winnerScored);
  }).length;
  const unmeasured = notRun.length - stillContending;
  const pick: TuningPick | null = winner
    ? {
        memoryMb: winner.memoryMb,
        architecture: winner.architecture,
        reason:
          `${describeStrategy(options)}: ${winner.memoryMb} MB ${winner.architecture} at ` +
          `${usd(winner.costUsdPerInvocation!)} per invocation, mean ${winner.meanMs!.toFixed(1)} ms ` +
          `over ${samples(winner)} invocations` +
          (winner.invocations > samples(winner)
            ? ` (${winner.invocations - samples(winner)} more run and left out: warm-up, cold or failed)`
            : '') +
          (unmeasured > 0
            ? `; ${unmeasured} size(s) not run, their fitted curve could not beat it by more than 2 %`
            : '') +
          (stillContending > 0
            ? `; ${stillContending} size(s) not run before the budget ran out, whose fitted curve could beat it by more than 2 %`
            : '') +
          (tooFew.length > 0
            ? `; not picked, run fewer than ${MIN_PICK_SAMPLES} times: ${tooFew.map((r) => `${r.memoryMb} MB`).join(', ')}`
            : '') +
          (infeasible.length > 0 ? `; infeasible: ${infeasible.join(', ')}` : ''),
      }
    : null;

  return {
    results,
    pick,
    invocationsUsed: observations.length,
    jobCostUsd: jobCostUsd(observations, pricer),
    architectureComparison: winner ? compareArchitectures(results, winner.memoryMb) : null,
    catalogueVersion: pricer.catalogueVersion,
    priceIds: pricer.priceIds,
    durationTiers: pricer.durationTiers,
  };
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
  const ran = (r: SizeResult) => r.measured && r.feasible && r.meanMs !== null;
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
