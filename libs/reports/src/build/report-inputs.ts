import type { Platform } from '@fleetscope/model';
import type { LambdaArchitecture, LambdaRuntimeKind, PodResources } from '@fleetscope/pricing';

/** What the report knows of a function: its identity and the configuration that prices it. */
export interface ReportFunction {
  functionId: string;
  name: string;
  platform: Platform;
  /** AWS account or Kubernetes namespace. */
  account: string;
  /** Cloud region or cluster. */
  region: string;
  architecture: LambdaArchitecture;
  /**
   * Lambda: the inventory names no architecture, so `architecture` is x86_64, Lambda's default;
   * days the settings history names none for are priced so, and say it.
   */
  architectureAssumed?: boolean;
  runtimeKind: LambdaRuntimeKind;
  /** The runtime identifier (`python3.12`, `java21`, '' unknown): SnapStart fees depend on it. */
  runtime: string;
  ephemeralStorageMb: number | null;
  /** Knative and OpenFaaS: the resources one pod requests. */
  pod: PodResources | null;
}

/** One function's usage on one UTC day, as the aggregates sum it. */
export interface DailyUsage {
  functionId: string;
  /** 00:00 UTC of the day. */
  dayStartMs: number;
  /**
   * Lambda: the architecture in force while this usage ran (a day a function changed architecture
   * has one row per architecture); absent: the function's.
   */
  architecture?: LambdaArchitecture;
  /** Sources that sent this function's records that day (lambda_report, otel_span, …). */
  sources: string[];
  invocations: number;
  /** User-visible cold starts (on-demand; not provisioned or proactive initialisations). */
  coldStarts: number;
  /**
   * Lambda: initialisations its records said were of provisioned concurrency; absent: none. With
   * `provisioned` null, it ran on a level neither the history nor the inventory holds.
   */
  provisionedInits?: number;
  /** Memory the billed time ran at, weighted by billed time (MB); 0 = unknown. */
  memoryMb: number;
  /**
   * Lambda: memory the on-demand INITs ran at, weighted by Init Duration (MB), where it differs
   * from memoryMb (a day whose size changed); absent: memoryMb. priceLambdaDay prices the INIT at
   * it and the rest of the day's time at what the day's GB-seconds leave.
   */
  initMemoryMb?: number;
  /** Billed execution time of every invocation, on-demand and on provisioned concurrency. */
  billedDurationMs: number;
  /** Init Duration of the on-demand cold starts; the billing rules decide what is billed. */
  initDurationMs: number;
  /**
   * Of initDurationMs, what came from rows no Lambda record billed (spans, FaaS metrics): the rest
   * is in billedDurationMs already where Lambda bills it (a REPORT line's Billed Duration holds it).
   */
  unbilledInitMs: number;
  /** Provisioned concurrency: environments kept allocated, for how long, and the time run on them. */
  provisioned: { concurrency: number; enabledSeconds: number; billedDurationMs: number } | null;
  /** SnapStart: restores, their Billed Restore Duration, and the seconds the snapshot was cached. */
  snapStart: { restores: number; billedRestoreMs: number; cachedSeconds: number } | null;
  /** Knative and OpenFaaS: pod-seconds the function's pods ran. */
  podSeconds: number;
  /**
   * Knative and OpenFaaS with min-scale above 0: the pods kept all day and the pod-seconds they had
   * requests in flight (Σ over minutes of min(concurrency, min-scale) × 60 s).
   */
  minScalePods?: { pods: number; busyPodSeconds: number } | null;
}

/**
 * A function's cold starts over the report's week as GET /api/coldstarts counts them: how many
 * had an Init Duration (or a SnapStart Restore Duration), and the time those added. One known only
 * from a span's `faas.coldstart` has neither.
 */
export interface ReportColdStartInput {
  functionId: string;
  coldStartsWithInit: number;
  /** Σ of their durations; null when none had one. */
  latencyAddedMs: number | null;
}

/** An open recommendation as the latest analysis run stored it. */
export interface ReportRecommendationInput {
  kind: string;
  functionId: string;
  title: string;
  reason: string;
  monthlyImpactUsd: number;
  confidence: string;
  confidenceScore: number;
  evidence: Record<string, unknown>;
  catalogueVersion: string;
  /** The saving range, where the analysis stored one. */
  savingUsd?: { lowUsd: number; highUsd: number };
  /** 'fix' | 'change' | 'option' (libs/analysis PlanRole), where stored. */
  planRole?: string;
}

/** Everything a weekly report is built from. */
export interface WeeklyReportInputs {
  /** `2026-W48` */
  week: string;
  functions: ReportFunction[];
  /**
   * Daily usage from the first day of the month that holds the previous week's Monday through the
   * report week's Sunday: Lambda's duration tiers accumulate per account (or Organization), region
   * and architecture from the first of the month, and the month-to-date needs the days before the
   * week.
   */
  days: DailyUsage[];
  /** The report week's cold starts per function, up to when it is built; none: none had any. */
  coldStarts: ReportColdStartInput[];
  recommendations: ReportRecommendationInput[];
  /** When the report is built; only written into it. */
  generatedAtMs: number;
}
