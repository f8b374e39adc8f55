import { cpuShare } from '@fleetscope/analysis';
import type { InvocationOutcome, TuningArchitecture } from '../tuning.types';

/**
 * Synthetic functions with known duration curves, shared by the unit specs, `npm run
 * bench:tuning` and the local platform servers of the end-to-end tests.
 */
export interface DurationCurve {
  name: string;
  /** Expected Duration (ms) at this size, without noise and without INIT. */
  expectedMs(memoryMb: number, architecture: TuningArchitecture): number;
  /** Below this size every call runs out of memory. */
  oomBelowMb?: number;
  /** Share of calls that fail with a function error, at every size. */
  errorRate?: number;
  /** Sigma of the log-normal noise on Duration (0.05 when not given). */
  noise?: number;
  initMs: number;
}

/** arm64 (Graviton) runs this curve's CPU work this much slower or faster than x86_64. */
const ARM_CPU_FACTOR = 1.12;

function cpuCurve(
  name: string,
  fixedMs: number,
  cpuMsAtOneVcpu: number,
  extra: Partial<DurationCurve> = {},
  pressure?: { ms: number; belowMb: number },
): DurationCurve {
  return {
    name,
    initMs: 250,
    expectedMs: (m, arch) =>
      fixedMs +
      (cpuMsAtOneVcpu * (arch === 'arm64' ? ARM_CPU_FACTOR : 1)) / cpuShare(m) +
      // Garbage collection under memory pressure: grows fast as the heap shrinks.
      (pressure ? pressure.ms * Math.max(0, pressure.belowMb / m - 1) ** 2 : 0),
    ...extra,
  };
}

export const BENCHMARK_CURVES: readonly DurationCurve[] = [
  cpuCurve('cpu-bound', 4, 400),
  cpuCurve('io-bound', 180, 3),
  cpuCurve('mixed', 60, 90),
  cpuCurve('cost-optimum-mid', 40, 200, {}, { ms: 400, belowMb: 1024 }),
  cpuCurve('oom-below-512', 40, 120, { oomBelowMb: 512 }),
  cpuCurve('intermittent-errors', 50, 60, { errorRate: 0.1 }),
];

export function curveByName(name: string): DurationCurve | undefined {
  return BENCHMARK_CURVES.find((c) => c.name === name);
}

/** Deterministic uniform [0, 1) numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One simulated invocation, shaped like a REPORT line's figures. */
export interface SimulatedInvocation {
  outcome: InvocationOutcome;
  durationMs: number;
  initDurationMs: number;
  billedDurationMs: number;
  errorType: string;
}

/** Log-normal noise (5 % unless the curve says), one call in 50 slowed 1.5–3× (a noisy neighbour). */
export function simulateInvocation(
  curve: DurationCurve,
  memoryMb: number,
  architecture: TuningArchitecture,
  cold: boolean,
  random: () => number,
): SimulatedInvocation {
  const initDurationMs = cold ? curve.initMs * (0.9 + 0.2 * random()) : 0;
  if (curve.oomBelowMb && memoryMb < curve.oomBelowMb) {
    const durationMs = 30 + 20 * random();
    return {
      outcome: 'oom',
      durationMs,
      initDurationMs,
      billedDurationMs: Math.ceil(durationMs + initDurationMs),
      errorType: 'Runtime.OutOfMemory',
    };
  }
  const u1 = Math.max(1e-12, random());
  const u2 = random();
  const gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  let durationMs =
    curve.expectedMs(memoryMb, architecture) * Math.exp((curve.noise ?? 0.05) * gaussian);
  if (random() < 0.02) durationMs *= 1.5 + 1.5 * random();
  const failed = curve.errorRate !== undefined && random() < curve.errorRate;
  return {
    outcome: failed ? 'error' : 'ok',
    durationMs: Math.round(durationMs * 100) / 100,
    initDurationMs: Math.round(initDurationMs * 100) / 100,
    // Billed Duration rounds Duration + INIT up to the millisecond (INIT billed since 2025-08).
    billedDurationMs: Math.ceil(durationMs + initDurationMs),
    errorType: failed ? 'Error' : '',
  };
}
