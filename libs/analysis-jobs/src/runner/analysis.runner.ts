import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import {
  RECOMMENDATION_KINDS,
  buildPlans,
  midpoint,
  plansTotal,
  runAnalyzersStoppable,
  withPlanNotes,
  type AnalysisFailure,
  type Analyzer,
  type Recommendation,
  type RecommendationKind,
  type WhyNot,
} from '@fleetscope/analysis';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { PricingService } from '@fleetscope/pricing';
import {
  AnalysisInputsRepository,
  DEFAULT_CONCURRENCY_LEVELS,
  FunctionConfigRepository,
  FunctionsRepository,
  RecommendationsRepository,
  TuningJobsRepository,
  describeError,
  inBackgroundLane,
  stoppableBatches,
  type AnalysisRun,
} from '@fleetscope/storage';
import { ANALYZERS } from '../analysis-jobs.tokens';
import { accountMonthlyGbSeconds } from '../inputs/account-usage';
import { assembleAnalysisInputs } from '../inputs/analysis-input.assembler';
import { attachMinuteActivity } from '../inputs/minute-activity';
import { loadTuningEvidence } from '../tuning/tuning-evidence.loader';

const DAY_MS = 86_400_000;
/** Configured levels beyond these many distinct ones are not measured (one SQL sum each). */
const MAX_CONFIGURED_LEVELS = 64;

/** The default candidate levels and every provisioned-concurrency / min-scale level configured. */
export function candidateConcurrencyLevels(
  configs: Iterable<{ provisionedConcurrency: number | null; minScale: number | null }>,
): number[] {
  const configured = new Set<number>();
  for (const c of configs) {
    for (const level of [c.provisionedConcurrency, c.minScale]) {
      if (
        level !== null &&
        level > 0 &&
        Number.isInteger(level) &&
        configured.size < MAX_CONFIGURED_LEVELS
      )
        configured.add(level);
    }
  }
  return [...new Set([...DEFAULT_CONCURRENCY_LEVELS, ...configured])].sort((a, b) => a - b);
}
const MAX_FAILURES_SHOWN = 50;

/**
 * A run stopped by the process's shutdown before it stored its results: nothing of it is stored
 * as a complete run, and the last complete run stays the one shown.
 */
export class AnalysisStoppedError extends Error {
  constructor(readonly runId: string) {
    super(
      `analysis run ${runId} was stopped by the shutdown: none of its results were stored, and the last complete run stays the one shown`,
    );
    this.name = 'AnalysisStoppedError';
  }
}

export interface AnalysisRunOptions {
  /** End of the window (epoch ms); now by default. */
  nowMs?: number;
  /** Window length; FLEETSCOPE_ANALYSIS_WINDOW_DAYS by default. */
  windowDays?: number;
}

/** Wall-clock milliseconds of each stage of a run. */
export interface AnalysisStageTimings {
  /** Reading the aggregates and the inventory (SQL). */
  inputsMs: number;
  /** runAnalyzers over every function. */
  analysisMs: number;
  /** Writing the run and its recommendations. */
  storeMs: number;
  totalMs: number;
}

export interface AnalysisRunSummary {
  runId: string;
  status: 'ok' | 'failed';
  message: string;
  startedAt: string;
  finishedAt: string;
  window: { from: string; to: string };
  functions: number;
  recommendations: number;
  byKind: Record<RecommendationKind, number>;
  /**
   * The monthly saving of the run's plans (the midpoint of their total, as GET
   * /api/recommendations' plans add up): options, fixes, costs and follow-ups are not added.
   */
  monthlyImpactUsd: number;
  /** Analyzer throws, per function and kind (the first 50); the rest of the fleet was analysed. */
  failures: AnalysisFailure[];
  failureCount: number;
  catalogueVersion: string;
  timings: AnalysisStageTimings;
}

/**
 * One analysis run over the configured window: aggregates and inventory in, every analyzer over
 * every function, the run and its recommendations stored. The schedule and POST /api/analyses/run
 * both go through runOrJoin(); runs never overlap (a second caller waits for the first to finish).
 */
@Injectable()
export class AnalysisRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Analyses');
  private queue: Promise<unknown> = Promise.resolve();
  private running = 0;
  private shared: Promise<AnalysisRunSummary> | undefined;
  /** Aborted at shutdown: the run in progress stops at its next check. */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly inputs: AnalysisInputsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly results: RecommendationsRepository,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly pricing: PricingService,
    @Inject(ANALYZERS) private readonly analyzers: readonly Analyzer[],
    // Measured sizes from tuning jobs; without it the analyses rest on telemetry alone.
    @Optional() private readonly tuningJobs?: TuningJobsRepository,
    // Minute activity for the keep-alive analysis; without it that analysis stays silent.
    @Optional() private readonly functions?: FunctionsRepository,
  ) {}

  /** Whether a run is in progress or queued (the schedule skips its tick then). */
  get busy(): boolean {
    return this.running > 0;
  }

  /**
   * When the last run began (scheduled, on demand or at start-up), whether it succeeded, failed or
   * never ended; undefined when none ever began.
   */
  lastRunStartedAtMs(): Promise<number | undefined> {
    return this.results.lastRunStartedAtMs();
  }

  /**
   * The run in progress stops at its next check (between two batches' input queries, two slices of
   * functions, or before its results are stored) and the queued ones do not start, before storage
   * closes: a run over 10,000 functions takes ~22 s, and `docker stop` kills after 10. Waiting for
   * it to end lost it anyway, after the grace period. What it stored is its start, then a failed
   * row saying it was stopped; readers take the latest ok run (RecommendationsRepository).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.queue;
  }

  /**
   * The run in progress if there is one, else a new run: callers that arrive while a run is going
   * (the schedule's tick, POST /api/analyses/run) share it and its id, so ten clicks during a
   * scheduled run do not queue ten full runs. run() with options is a run of its own.
   */
  runOrJoin(): Promise<AnalysisRunSummary> {
    this.shared ??= this.run().finally(() => {
      this.shared = undefined;
    });
    return this.shared;
  }

  run(options: AnalysisRunOptions = {}): Promise<AnalysisRunSummary> {
    this.running++;
    // In the background lane: on the embedded engine, which runs one query at a time, the run's
    // queries start between the dashboard's reads and the collector's inserts (QueryGate).
    const next = this.queue.then(() => inBackgroundLane(() => this.runNow(options)));
    this.queue = next.catch(() => undefined);
    return next.finally(() => this.running--);
  }

  private async runNow(options: AnalysisRunOptions): Promise<AnalysisRunSummary> {
    const startedAtMs = Date.now();
    const toMs = options.nowMs ?? startedAtMs;
    const fromMs = toMs - (options.windowDays ?? this.config.analysisWindowDays) * DAY_MS;
    const runId = randomUUID();
    const run: AnalysisRun = {
      runId,
      startedAtMs,
      finishedAtMs: startedAtMs,
      windowFromMs: fromMs,
      windowToMs: toMs,
      status: 'ok',
      message: '',
      recommendations: 0,
      catalogueVersion: this.pricing.catalogueVersion,
    };
    const signal = this.shutdown.signal;
    const stopHere = () => {
      if (signal.aborted) throw new AnalysisStoppedError(runId);
    };
    // A run queued behind the one the shutdown stopped never starts.
    stopHere();
    try {
      await this.results.saveRunStart(run);
      // The configured levels join the candidates: savings are priced against what is set now.
      const [configs, tuning] = await Promise.all([
        this.configs.merged(),
        this.tuningJobs ? loadTuningEvidence(this.tuningJobs) : new Map(),
      ]);
      // One split of the fleet into batches serves every input query of the window; the shutdown
      // stops the run between two of them.
      const keepAlive = this.analyzers.some((a) => a.kind === 'keep-alive') ? this.functions : null;
      const batches = stoppableBatches(await this.inputs.functionBatches({ fromMs, toMs }), signal);
      const stored = await this.inputs.load(
        { fromMs, toMs },
        candidateConcurrencyLevels(configs.values()),
        batches,
      );
      const inputs = assembleAnalysisInputs(stored, configs, tuning);
      if (keepAlive) {
        attachMinuteActivity(inputs, await keepAlive.minuteActivity({ fromMs, toMs }, batches), {
          fromMs,
          toMs,
        });
      }
      const inputsDoneMs = Date.now();

      const explanations: WhyNot[] = [];
      const analysed = await runAnalyzersStoppable(
        this.analyzers,
        inputs,
        {
          pricing: this.pricing,
          at: new Date(toMs),
          monthlyGbSecondsBefore: accountMonthlyGbSeconds(inputs, this.config.pricingTierGrouping),
          explain: (whyNot) => explanations.push(whyNot),
        },
        signal,
      );
      const { failures } = analysed;
      // Follow-ups say so in their reason before they are stored (the API, the weekly report).
      const recommendations = withPlanNotes(analysed.recommendations);
      const analysisDoneMs = Date.now();

      run.recommendations = recommendations.length;
      run.message =
        failures.length > 0 ? `${failures.length} analyzer failure(s); see the run summary` : '';
      run.finishedAtMs = Date.now();
      // The last check: once the results are being stored, the run ends as a complete one.
      stopHere();
      await this.results.saveRun(run, recommendations, explanations);
      const storedMs = Date.now();
      await this.pruneRuns();

      const summary = this.summary(run, inputs.length, recommendations, failures, {
        inputsMs: inputsDoneMs - startedAtMs,
        analysisMs: analysisDoneMs - inputsDoneMs,
        storeMs: storedMs - analysisDoneMs,
        totalMs: storedMs - startedAtMs,
      });
      this.logger.log(
        `run ${runId}: ${inputs.length} ${inputs.length === 1 ? 'function' : 'functions'}, ${recommendations.length} ${recommendations.length === 1 ? 'recommendation' : 'recommendations'} in ${summary.timings.totalMs} ms`,
      );
      return summary;
    } catch (error) {
      const stopped = signal.aborted ? new AnalysisStoppedError(runId) : undefined;
      await this.recordFailure(run, stopped ?? error, stopped !== undefined);
      throw stopped ?? error;
    }
  }

  /**
   * Runs past the aggregate retention go once a complete run is stored, which the prune spares
   * (pruneAnalysisRuns). A prune that fails leaves them to the next run: the run itself is stored.
   */
  private async pruneRuns(): Promise<void> {
    try {
      const pruned = await this.results.pruneRuns({
        cluster: this.config.clickhouseCluster,
        aggregateRetentionDays: this.config.aggregateRetentionDays,
      });
      if (pruned) {
        this.logger.log(
          `analysis runs older than ${this.config.aggregateRetentionDays} days deleted`,
        );
      }
    } catch (error) {
      this.logger.warn(`old analysis runs not deleted: ${describeError(error)}`);
    }
  }

  /**
   * A failed run (or one stopped by the shutdown) is recorded when storage still takes writes;
   * the caller gets the error.
   */
  private async recordFailure(run: AnalysisRun, error: unknown, stopped: boolean): Promise<void> {
    const failed: AnalysisRun = {
      ...run,
      status: 'failed',
      message: describeError(error),
      recommendations: 0,
      finishedAtMs: Date.now(),
    };
    if (stopped) {
      this.logger.warn(`${failed.message} (after ${failed.finishedAtMs - run.startedAtMs} ms)`);
    } else {
      this.logger.error(`run ${run.runId} failed: ${failed.message}`);
    }
    try {
      await this.results.saveRun(failed, []);
    } catch {
      // Storage is down: the error already thrown says so.
    }
  }

  private summary(
    run: AnalysisRun,
    functions: number,
    recommendations: readonly Recommendation[],
    failures: AnalysisFailure[],
    timings: AnalysisStageTimings,
  ): AnalysisRunSummary {
    const byKind = Object.fromEntries(RECOMMENDATION_KINDS.map((k) => [k, 0])) as Record<
      RecommendationKind,
      number
    >;
    for (const r of recommendations) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    // The plans' total (buildPlans): changes that save money and can be made together; options
    // (containers), fixes, costs and follow-ups are never added.
    const priced = recommendations.filter(
      (r) => Number.isFinite(r.savingUsd?.lowUsd) && Number.isFinite(r.savingUsd?.highUsd),
    );
    const monthlyImpactUsd = midpoint(plansTotal(buildPlans(priced)));
    return {
      runId: run.runId,
      status: run.status,
      message: run.message,
      startedAt: new Date(run.startedAtMs).toISOString(),
      finishedAt: new Date(run.finishedAtMs).toISOString(),
      window: {
        from: new Date(run.windowFromMs).toISOString(),
        to: new Date(run.windowToMs).toISOString(),
      },
      functions,
      recommendations: recommendations.length,
      byKind,
      monthlyImpactUsd: Math.round(monthlyImpactUsd * 100) / 100,
      failures: failures.slice(0, MAX_FAILURES_SHOWN),
      failureCount: failures.length,
      catalogueVersion: run.catalogueVersion,
      timings,
    };
  }
}
