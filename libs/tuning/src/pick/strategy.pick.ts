import type { TuningStrategy } from '../tuning.types';

/** Cost and duration of one option, as the objective sees them. */
export interface Figures {
  costUsd: number;
  durationMs: number;
}

/** Normalisers for 'balanced': Power Tuning divides by the largest cost and duration. */
export interface Scale {
  maxCostUsd: number;
  maxDurationMs: number;
  /**
   * What every invocation costs whatever its duration (Lambda's request charge): Power Tuning's
   * cost is duration alone, so 'balanced' weighs cost without it (0 where there is none).
   */
  fixedCostUsd: number;
}

export function scaleOf(figures: Figures[], fixedCostUsd = 0): Scale {
  return {
    maxCostUsd: Math.max(...figures.map((f) => f.costUsd)),
    maxDurationMs: Math.max(...figures.map((f) => f.durationMs)),
    fixedCostUsd,
  };
}

/**
 * The number a strategy minimises: cost, duration, or w·c/maxC + (1−w)·duration/maxDuration,
 * c the cost less the per-invocation charge (Power Tuning's analyzer.js, max-normalised over its
 * duration-only cost: with the request charge in, a small cost gap shrank against the max and
 * 'balanced' leant towards speed, 1024 MB where Power Tuning picks 512 MB).
 */
export function objective(
  strategy: TuningStrategy,
  balancedWeight: number,
  f: Figures,
  scale: Scale,
): number {
  switch (strategy) {
    case 'cost':
      return f.costUsd;
    case 'speed':
      return f.durationMs;
    case 'balanced':
      return (
        (balancedWeight * (f.costUsd - scale.fixedCostUsd)) /
          (scale.maxCostUsd - scale.fixedCostUsd || 1) +
        ((1 - balancedWeight) * f.durationMs) / (scale.maxDurationMs || 1)
      );
  }
}

/**
 * Index of the winner: lowest objective (balanced: scaled by `scale`, by default over `figures`); on a tie (within 1e-12 relative) the faster option for
 * 'cost' and the cheaper (then faster) one otherwise (Power Tuning issue #60).
 */
export function pickIndex(
  strategy: TuningStrategy,
  balancedWeight: number,
  figures: Figures[],
  scale: Scale = scaleOf(figures),
): number {
  if (figures.length === 0) return -1;
  const score = figures.map((f) => objective(strategy, balancedWeight, f, scale));
  let best = 0;
  for (let i = 1; i < figures.length; i++) {
    const tie = Math.abs(score[i] - score[best]) <= 1e-12 * Math.max(1e-300, Math.abs(score[best]));
    const [a, b] = [figures[i], figures[best]];
    const tieBreak =
      strategy === 'cost'
        ? a.durationMs < b.durationMs
        : a.costUsd < b.costUsd || (a.costUsd === b.costUsd && a.durationMs < b.durationMs);
    if (score[i] < score[best] && !tie) best = i;
    else if (tie && tieBreak) best = i;
  }
  return best;
}
