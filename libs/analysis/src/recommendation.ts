export const RECOMMENDATION_KINDS = [
  'timeout-risk',
  'memory',
  'provisioned-concurrency',
  'containers',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export type Severity = 'info' | 'warning' | 'critical';
export type ConfidenceLevel = 'low' | 'medium' | 'high';

export interface Recommendation {
  kind: RecommendationKind;
  functionId: string;
  severity: Severity;
  title: string;
  /** One sentence saying why. */
  reason: string;
  current: Record<string, unknown>;
  recommended: Record<string, unknown>;
  /** Positive = saving per month, negative = the change costs more (e.g. fixing OOMs). */
  monthlyImpactUsd: number;
  confidence: ConfidenceLevel;
  /** 0..1 */
  confidenceScore: number;
  evidence: Record<string, unknown>;
  catalogueVersion: string;
}

/** Maps a 0..1 score to a label: ≥ 0.7 high, ≥ 0.4 medium, else low. */
export function confidenceOf(score: number): {
  confidence: ConfidenceLevel;
  confidenceScore: number;
} {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  const confidence: ConfidenceLevel = clamped >= 0.7 ? 'high' : clamped >= 0.4 ? 'medium' : 'low';
  return { confidence, confidenceScore: Math.round(clamped * 100) / 100 };
}

/**
 * How much a sample of n observations supports a claim: 0 at n = 0, 0.5 at n = halfAt, → 1.
 * A smooth score instead of an eligibility floor (a function with 10 invocations still gets a
 * recommendation, with low confidence).
 */
export function sampleSupport(n: number, halfAt: number): number {
  if (!(n > 0)) return 0;
  return n / (n + halfAt);
}
