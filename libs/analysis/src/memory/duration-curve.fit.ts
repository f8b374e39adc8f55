/**
 * Models of mean duration against memory size, from passive telemetry.
 * - ≥ 3 sizes: t(m) = a0 + a1·e^(−m/a2), least squares on per-size means (Parrotfish, SoCC '23).
 * - 2 sizes: three parameters are not identifiable from two points, so fit the two-parameter CPU
 *   share model t(m) = a + b / s(m), s(m) = min(m, 1769) / 1769 (1,769 MB = 1 vCPU).
 * - 1 size: the same CPU-share model with an assumed CPU-bound fraction (a prior, low confidence).
 */

/** Lambda gives one full vCPU at 1,769 MB (docs/decisions.md "Memory and CPU"). */
export const MB_PER_VCPU = 1769;

export interface DurationPoint {
  memoryMb: number;
  meanDurationMs: number;
  /** Invocations behind the mean (weights the CPU-share fit). */
  invocations: number;
}

export type DurationModelKind = 'exponential-fit' | 'cpu-share-fit' | 'cpu-share-prior';

export interface DurationModel {
  kind: DurationModelKind;
  predictMs(memoryMb: number): number;
  params: Record<string, number>;
  /** Goodness of fit on the points; null when the model has as many parameters as points. */
  rSquared: number | null;
}

export function cpuShare(memoryMb: number): number {
  return Math.min(memoryMb, MB_PER_VCPU) / MB_PER_VCPU;
}

interface LinearFit {
  intercept: number;
  slope: number;
  sse: number;
}

/** Weighted least squares of y on x. */
function linearFit(xs: number[], ys: number[], ws: number[]): LinearFit | null {
  const sw = ws.reduce((s, w) => s + w, 0);
  if (!(sw > 0)) return null;
  const mx = xs.reduce((s, x, i) => s + ws[i] * x, 0) / sw;
  const my = ys.reduce((s, y, i) => s + ws[i] * y, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += ws[i] * (x - mx) ** 2;
    sxy += ws[i] * (x - mx) * (ys[i] - my);
  });
  if (!(sxx > 1e-18)) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = xs.reduce((s, x, i) => s + ws[i] * (ys[i] - intercept - slope * x) ** 2, 0);
  return { intercept, slope, sse };
}

function rSquared(points: DurationPoint[], predict: (m: number) => number): number {
  const mean = points.reduce((s, p) => s + p.meanDurationMs, 0) / points.length;
  const sst = points.reduce((s, p) => s + (p.meanDurationMs - mean) ** 2, 0);
  const sse = points.reduce((s, p) => s + (p.meanDurationMs - predict(p.memoryMb)) ** 2, 0);
  return sst > 0 ? 1 - sse / sst : 1;
}

function exponentialFitForScale(points: DurationPoint[], a2: number): LinearFit | null {
  const xs = points.map((p) => Math.exp(-p.memoryMb / a2));
  return linearFit(
    xs,
    points.map((p) => p.meanDurationMs),
    points.map(() => 1),
  );
}

/**
 * For a fixed a2 the model is linear in (a0, a1), so search a2 on a log grid and refine with a
 * golden-section search on the best bracket.
 */
export function fitExponentialCurve(points: DurationPoint[]): DurationModel | null {
  if (points.length < 3) return null;
  const sseAt = (logA2: number) =>
    exponentialFitForScale(points, Math.exp(logA2))?.sse ?? Number.POSITIVE_INFINITY;
  const lo = Math.log(8);
  const hi = Math.log(100_000);
  const steps = 240;
  let bestStep = 0;
  let bestSse = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= steps; i++) {
    const sse = sseAt(lo + ((hi - lo) * i) / steps);
    if (sse < bestSse) {
      bestSse = sse;
      bestStep = i;
    }
  }
  let a = lo + ((hi - lo) * Math.max(0, bestStep - 1)) / steps;
  let b = lo + ((hi - lo) * Math.min(steps, bestStep + 1)) / steps;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (sseAt(c) < sseAt(d)) b = d;
    else a = c;
  }
  const a2 = Math.exp((a + b) / 2);
  const fit = exponentialFitForScale(points, a2);
  if (!fit || fit.slope < 0) return null; // more memory slower: not this model
  const predictMs = (m: number) => fit.intercept + fit.slope * Math.exp(-m / a2);
  return {
    kind: 'exponential-fit',
    predictMs,
    params: { a0: fit.intercept, a1: fit.slope, a2 },
    rSquared: rSquared(points, predictMs),
  };
}

/** t(m) = a + b / s(m), weighted by invocations; b ≥ 0, a ≥ 0. */
export function fitCpuShareCurve(points: DurationPoint[]): DurationModel | null {
  const xs = points.map((p) => 1 / cpuShare(p.memoryMb));
  const ys = points.map((p) => p.meanDurationMs);
  const ws = points.map((p) => Math.max(1, p.invocations));
  const fit = linearFit(xs, ys, ws);
  if (!fit) return null;
  let a = fit.intercept;
  let b = Math.max(0, fit.slope);
  if (fit.slope < 0 || a < 0) {
    // Clamp to the nearest physically sensible model: all fixed time, or all CPU time.
    const sw = ws.reduce((s, w) => s + w, 0);
    if (fit.slope < 0) {
      a = ys.reduce((s, y, i) => s + ws[i] * y, 0) / sw;
      b = 0;
    } else {
      a = 0;
      b =
        ys.reduce((s, y, i) => s + ws[i] * y * xs[i], 0) /
        xs.reduce((s, x, i) => s + ws[i] * x * x, 0);
    }
  }
  const predictMs = (m: number) => a + b / cpuShare(m);
  return {
    kind: 'cpu-share-fit',
    predictMs,
    params: { fixedMs: a, cpuMsAtOneVcpu: b },
    rSquared: points.length > 2 ? rSquared(points, predictMs) : null,
  };
}

/**
 * One size seen: assume a share `cpuBoundFraction` of the duration scales with CPU share and
 * the rest (waiting on I/O) does not.
 */
export function cpuSharePrior(point: DurationPoint, cpuBoundFraction: number): DurationModel {
  const cpuMsAtOneVcpu = point.meanDurationMs * cpuBoundFraction * cpuShare(point.memoryMb);
  const fixedMs = point.meanDurationMs * (1 - cpuBoundFraction);
  return {
    kind: 'cpu-share-prior',
    predictMs: (m: number) => fixedMs + cpuMsAtOneVcpu / cpuShare(m),
    params: { fixedMs, cpuMsAtOneVcpu, cpuBoundFraction },
    rSquared: null,
  };
}

/** The best model the data supports. */
export function fitDurationCurve(
  points: DurationPoint[],
  cpuBoundFractionPrior: number,
): DurationModel | null {
  const usable = points.filter((p) => p.memoryMb > 0 && p.invocations > 0 && p.meanDurationMs > 0);
  if (usable.length === 0) return null;
  if (usable.length >= 3) {
    const exponential = fitExponentialCurve(usable);
    if (exponential) return exponential;
  }
  if (usable.length >= 2) {
    const cpu = fitCpuShareCurve(usable);
    if (cpu) return cpu;
  }
  const heaviest = usable.reduce((a, b) => (b.invocations > a.invocations ? b : a));
  return cpuSharePrior(heaviest, cpuBoundFractionPrior);
}
