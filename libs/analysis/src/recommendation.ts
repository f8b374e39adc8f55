import { savesMoney } from '@fleetscope/model';

export const RECOMMENDATION_KINDS = [
  'timeout-risk',
  'memory',
  'provisioned-concurrency',
  'containers',
  'keep-alive',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export type Severity = 'info' | 'warning' | 'critical';
export type ConfidenceLevel = 'low' | 'medium' | 'high';

/** A monthly saving as a range: positive = saving, negative = the change costs more. */
export interface SavingRange {
  lowUsd: number;
  highUsd: number;
}

/** What a recommendation rests on, in words a reader can check. */
export interface EvidenceBasis {
  /** What was measured, e.g. "durations at 512 MB and 1024 MB", "peak memory used". */
  measured: string;
  /** ISO-8601 bounds of the data used. */
  windowFrom: string;
  windowTo: string;
  windowDays: number;
  invocations: number;
}

export type ActionFormat = 'aws-cli' | 'sam' | 'serverless' | 'knative' | 'openfaas' | 'note';

/** What to do: one sentence and the settings to paste, one per tool. */
export interface ConfigAction {
  summary: string;
  snippets: { format: ActionFormat; text: string }[];
}

/**
 * Where a recommendation sits in its function's plan: a reliability `fix` comes first and is done
 * whatever it costs; `change`s can all be done together and are totalled; an `option` excludes
 * the Lambda changes (moving to containers) and is shown beside them, never added.
 */
export type PlanRole = 'fix' | 'change' | 'option';

/** Why a function got no recommendation of a kind (answered when asked). */
export type WhyNotCode =
  'insufficient-evidence' | 'below-materiality' | 'already-right' | 'not-applicable';

export interface WhyNot {
  functionId: string;
  kind: RecommendationKind;
  code: WhyNotCode;
  detail: string;
}

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
  /** Saving per month as a range; monthlyImpactUsd is its midpoint. */
  savingUsd: SavingRange;
  basis: EvidenceBasis;
  action: ConfigAction;
  planRole: PlanRole;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Reliability first (fixes, critical before warning), then by confidence-weighted saving:
 * a practitioner reads an OOM before a cent of saving.
 */
export function compareRecommendations(
  a: Pick<Recommendation, 'planRole' | 'severity' | 'confidenceScore' | 'monthlyImpactUsd'>,
  b: Pick<Recommendation, 'planRole' | 'severity' | 'confidenceScore' | 'monthlyImpactUsd'>,
): number {
  const fixA = a.planRole === 'fix' ? 0 : 1;
  const fixB = b.planRole === 'fix' ? 0 : 1;
  if (fixA !== fixB) return fixA - fixB;
  if (fixA === 0 && a.severity !== b.severity)
    return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return b.confidenceScore * b.monthlyImpactUsd - a.confidenceScore * a.monthlyImpactUsd;
}

/** The midpoint of a range, the figure that totals and sorting use. */
export function midpoint(range: SavingRange): number {
  return (range.lowUsd + range.highUsd) / 2;
}

/**
 * A saving whose low end is under this share of its high end (or at most nothing) is not known
 * well enough to be 'high', whatever the data behind it: the reader would act on a figure that
 * may be nothing (docs/decisions.md "Recommendations").
 */
export const MIN_HIGH_CONFIDENCE_LOW_SHARE = 0.25;

/** The largest score shown below 'high'. */
const BELOW_HIGH = 0.69;

/**
 * Maps a 0..1 score to a label: ≥ 0.7 high, ≥ 0.4 medium, else low. Given the saving range, a
 * saving (midpoint above nothing) whose low end is under MIN_HIGH_CONFIDENCE_LOW_SHARE of its
 * high end is capped below high, the score with it. A cost (a fix, a trade-off) keeps its score:
 * its confidence is about the finding, not a saving.
 */
export function confidenceOf(
  score: number,
  saving?: SavingRange,
): {
  confidence: ConfidenceLevel;
  confidenceScore: number;
} {
  let clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  if (
    saving &&
    savesMoney(midpoint(saving)) &&
    !(saving.lowUsd >= MIN_HIGH_CONFIDENCE_LOW_SHARE * saving.highUsd)
  )
    clamped = Math.min(clamped, BELOW_HIGH);
  // The label follows the score as shown: 0.6996 is shown as 0.70, so it is high.
  const confidenceScore = Math.round(clamped * 100) / 100;
  const confidence: ConfidenceLevel =
    confidenceScore >= 0.7 ? 'high' : confidenceScore >= 0.4 ? 'medium' : 'low';
  return { confidence, confidenceScore };
}

/**
 * How much a sample of n observations supports a claim: 0 at n = 0, 0.5 at n = halfAt, → 1.
 * Applied above the evidence gate (evidence.gate.ts), which keeps thin data out altogether.
 */
export function sampleSupport(n: number, halfAt: number): number {
  if (!(n > 0)) return 0;
  return n / (n + halfAt);
}
