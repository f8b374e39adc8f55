/**
 * `npm run bench:tuning`: for each known curve, the adaptive search against Power Tuning's full
 * grid (6 sizes × 50): invocations used, and whether the pick's true cost is within 2 % of the
 * optimum over the allowed sizes. Runs the real session loop on a simulated platform.
 */
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import {
  BENCHMARK_CURVES,
  SimulatedDriver,
  pickIndex,
  tuningPricer,
  type Candidate,
  type DurationCurve,
  type SearchOptions,
  type TuningStrategy,
} from '@fleetscope/tuning';
import { measureAndSummarise } from '../tuning/support/measure-and-summarise';

const SIZES = [128, 256, 512, 1024, 1536, 3008];
const SEEDS = Number(process.env.BENCH_SEEDS ?? 30);
const STRATEGIES: TuningStrategy[] = ['cost', 'speed', 'balanced'];
// The catalogue a default Fleetscope is configured with; the bench has no config of its own.
const pricer = tuningPricer({
  platform: 'aws-lambda',
  region: 'us-east-1',
  at: new Date('2026-12-04T00:00:00Z'),
  pricing: new PricingService(defaultCatalogue),
});
const candidates: Candidate[] = SIZES.map((memoryMb) => ({ architecture: 'x86_64', memoryMb }));

/** True (noise-free) figures per size, and the optimum's objective. */
function truth(curve: DurationCurve, strategy: TuningStrategy) {
  const figures = candidates.map((c) => {
    const durationMs = curve.expectedMs(c.memoryMb, c.architecture);
    return {
      c,
      feasible: !(curve.oomBelowMb && c.memoryMb < curve.oomBelowMb),
      costUsd: pricer.invocationUsd(c.architecture, c.memoryMb, Math.ceil(durationMs)),
      durationMs,
    };
  });
  const feasible = figures.filter((f) => f.feasible);
  const best = feasible[pickIndex(strategy, 0.5, feasible)];
  return { feasible, best };
}

async function run(curve: DurationCurve, options: SearchOptions, seed: number) {
  const driver = new SimulatedDriver(curve, seed);
  const target = { jobId: `bench-${seed}`, function: curve.name };
  const { summary } = await measureAndSummarise({ driver, target, candidates, options, pricer });
  return summary;
}

async function main() {
  console.log(
    `bench:tuning — ${SEEDS} seeds per curve and strategy; sizes ${SIZES.join(',')} MB; grid 6 × 50 = 300 invocations`,
  );
  console.log(
    'curve                strategy  optimum  | grid: ok%  invocations pick(s)        | adaptive: ok%  invocations mean/max  pick(s)',
  );
  let allOk = true;
  for (const curve of BENCHMARK_CURVES) {
    for (const strategy of STRATEGIES) {
      const t = truth(curve, strategy);
      const within = (memoryMb: number | undefined) => {
        const f = t.feasible.find((x) => x.c.memoryMb === memoryMb);
        if (!f) return false;
        // Within 2 % of the optimum on the strategy's own measure.
        const key = strategy === 'speed' ? 'durationMs' : 'costUsd';
        if (strategy === 'balanced') {
          const maxC = Math.max(...t.feasible.map((x) => x.costUsd));
          const maxD = Math.max(...t.feasible.map((x) => x.durationMs));
          const score = (x: typeof f) => (0.5 * x.costUsd) / maxC + (0.5 * x.durationMs) / maxD;
          return score(f) <= 1.02 * score(t.best);
        }
        return f[key] <= 1.02 * t.best[key];
      };
      const stats = { grid: { ok: 0, inv: [] as number[], picks: new Map<number, number>() } };
      const adaptive = { ok: 0, inv: [] as number[], picks: new Map<number, number>() };
      for (let seed = 1; seed <= SEEDS; seed++) {
        const base = {
          strategy,
          balancedWeight: 0.5,
          invocationsPerSize: 50,
          discardTopBottom: 0.2,
          onlyColdStarts: false,
        };
        for (const [mode, acc] of [
          ['grid', stats.grid],
          ['adaptive', adaptive],
        ] as const) {
          const s = await run(curve, { ...base, mode }, seed);
          acc.inv.push(s.invocationsUsed);
          const m = s.pick?.memoryMb ?? -1;
          acc.picks.set(m, (acc.picks.get(m) ?? 0) + 1);
          if (within(s.pick?.memoryMb)) acc.ok++;
        }
      }
      const fmt = (p: Map<number, number>) =>
        [...p.entries()].map(([m, n]) => `${m}×${n}`).join(' ');
      const meanInv = adaptive.inv.reduce((a, b) => a + b, 0) / adaptive.inv.length;
      const maxInv = Math.max(...adaptive.inv);
      if (adaptive.ok < SEEDS || maxInv > 100) allOk = false;
      console.log(
        `${curve.name.padEnd(20)} ${strategy.padEnd(9)} ${String(t.best.c.memoryMb).padStart(5)} MB | ` +
          `${((100 * stats.grid.ok) / SEEDS).toFixed(0).padStart(4)}%  ${String(Math.max(...stats.grid.inv)).padStart(5)}  ${fmt(stats.grid.picks).padEnd(22)} | ` +
          `${((100 * adaptive.ok) / SEEDS).toFixed(0).padStart(4)}%  ${meanInv.toFixed(1).padStart(6)} / ${String(maxInv).padStart(3)}  ${fmt(adaptive.picks)}`,
      );
    }
  }
  console.log(
    allOk
      ? 'targets met: adaptive within 2 % of the optimum on every seed, ≤ 100 invocations (1/3 of 300)'
      : 'TARGETS MISSED (see rows above)',
  );
}

void main();
