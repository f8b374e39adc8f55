import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { toStorageError } from '../client/storage.errors';
import { pruneAnalysisRuns } from '../migrations/retention';
import type { RenderOptions } from '../migrations/migration.renderer';
import { CLICKHOUSE } from '../storage.tokens';

export interface StoredRecommendation {
  kind: string;
  functionId: string;
  severity: string;
  title: string;
  reason: string;
  current: Record<string, unknown>;
  recommended: Record<string, unknown>;
  monthlyImpactUsd: number;
  confidence: string;
  confidenceScore: number;
  evidence: Record<string, unknown>;
  catalogueVersion: string;
  /** Saving range, basis, action and plan role (libs/analysis recommendation.ts). */
  savingUsd?: { lowUsd: number; highUsd: number };
  basis?: {
    measured: string;
    windowFrom: string;
    windowTo: string;
    windowDays: number;
    invocations: number;
  };
  action?: { summary: string; snippets: { format: string; text: string }[] };
  planRole?: 'fix' | 'change' | 'option';
}

/** Why a function got no recommendation of a kind in a run. */
export interface StoredExplanation {
  functionId: string;
  kind: string;
  code: string;
  detail: string;
}

export interface AnalysisRun {
  runId: string;
  startedAtMs: number;
  finishedAtMs: number;
  windowFromMs: number;
  windowToMs: number;
  status: 'ok' | 'failed';
  message: string;
  recommendations: number;
  catalogueVersion: string;
}

/**
 * The status of the row a run stores when it begins; its end stores a second row of the same run_id
 * (status ok or failed), unless the process dies first.
 */
const RUN_STARTED = 'started';

/** Analysis results: each run's recommendations, stored whole; reads serve the latest good run. */
@Injectable()
export class RecommendationsRepository {
  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  async saveRun(
    run: AnalysisRun,
    recommendations: StoredRecommendation[],
    explanations: StoredExplanation[] = [],
  ): Promise<void> {
    try {
      if (explanations.length > 0) {
        await this.handle.client.insert({
          table: 'recommendation_explanations',
          format: 'JSONEachRow',
          values: explanations.map((e) => ({
            run_id: run.runId,
            created_at: run.finishedAtMs,
            function_id: e.functionId,
            kind: e.kind,
            code: e.code,
            detail: e.detail,
          })),
        });
      }
      if (recommendations.length > 0) {
        await this.handle.client.insert({
          table: 'recommendations',
          format: 'JSONEachRow',
          values: recommendations.map((r) => ({
            run_id: run.runId,
            created_at: run.finishedAtMs,
            kind: r.kind,
            function_id: r.functionId,
            severity: r.severity,
            title: r.title,
            reason: r.reason,
            current: JSON.stringify(r.current),
            recommended: JSON.stringify(r.recommended),
            monthly_impact_usd: Number.isFinite(r.monthlyImpactUsd) ? r.monthlyImpactUsd : 0,
            confidence: r.confidence,
            confidence_score: r.confidenceScore,
            evidence: JSON.stringify(r.evidence),
            catalogue_version: r.catalogueVersion,
            details: JSON.stringify({
              savingUsd: r.savingUsd,
              basis: r.basis,
              action: r.action,
              planRole: r.planRole,
            }),
          })),
        });
      }
      // The run row goes last: a run is visible only once all its recommendations are stored.
      await this.insertRun(run, run.status);
    } catch (error) {
      throw toStorageError(error, 'storing analysis results');
    }
  }

  /**
   * Records that a run began, before it reads anything: a run that never stores its end (it
   * brought the process down, or the process was killed during it) still counts as begun, so the
   * start-up catch-up does not run it again at every restart (lastRunStartedAtMs).
   */
  async saveRunStart(run: AnalysisRun): Promise<void> {
    try {
      await this.insertRun(run, RUN_STARTED);
    } catch (error) {
      throw toStorageError(error, 'recording the start of an analysis run');
    }
  }

  /**
   * Deletes the runs past the aggregate retention, the latest complete one excepted
   * (pruneAnalysisRuns); returns whether it deleted.
   */
  pruneRuns(
    options: Pick<RenderOptions, 'cluster' | 'aggregateRetentionDays'>,
    nowMs?: number,
  ): Promise<boolean> {
    return pruneAnalysisRuns(this.handle.client, options, nowMs);
  }

  /** When the last run began, whatever became of it (ok, failed or never ended). */
  async lastRunStartedAtMs(): Promise<number | undefined> {
    const rows = await this.query<{ startedAtMs: number | string }>(
      `SELECT toUnixTimestamp64Milli(started_at) AS startedAtMs
       FROM analysis_runs ORDER BY started_at DESC LIMIT 1`,
      {},
    );
    return rows[0] === undefined ? undefined : Number(rows[0].startedAtMs);
  }

  private async insertRun(run: AnalysisRun, status: string): Promise<void> {
    await this.handle.client.insert({
      table: 'analysis_runs',
      format: 'JSONEachRow',
      values: [
        {
          run_id: run.runId,
          started_at: run.startedAtMs,
          finished_at: run.finishedAtMs,
          window_from: run.windowFromMs,
          window_to: run.windowToMs,
          status,
          message: run.message,
          recommendations: run.recommendations,
          catalogue_version: run.catalogueVersion,
        },
      ],
    });
  }

  async latestRun(): Promise<AnalysisRun | undefined> {
    return this.oneRun(`ORDER BY finished_at DESC LIMIT 1`, {});
  }

  /** The first good run that finished at or after `fromMs`. */
  firstRunFinishedFrom(fromMs: number): Promise<AnalysisRun | undefined> {
    return this.oneRun(
      `AND finished_at >= fromUnixTimestamp64Milli({fromMs:Int64}) ORDER BY finished_at LIMIT 1`,
      { fromMs },
    );
  }

  private async oneRun(
    choice: string,
    params: Record<string, unknown>,
  ): Promise<AnalysisRun | undefined> {
    const rows = await this.query<AnalysisRun>(
      `SELECT run_id AS runId, toUnixTimestamp64Milli(started_at) AS startedAtMs,
              toUnixTimestamp64Milli(finished_at) AS finishedAtMs,
              toUnixTimestamp64Milli(window_from) AS windowFromMs,
              toUnixTimestamp64Milli(window_to) AS windowToMs,
              status, message, recommendations, catalogue_version AS catalogueVersion
       FROM analysis_runs WHERE status = 'ok' ${choice}`,
      params,
    );
    return rows[0];
  }

  async list(runId: string, kind?: string, functionId?: string): Promise<StoredRecommendation[]> {
    const rows = await this.query<Record<string, unknown>>(
      `SELECT kind, function_id AS functionId, severity, title, reason, current, recommended,
              monthly_impact_usd AS monthlyImpactUsd, confidence, confidence_score AS confidenceScore,
              evidence, catalogue_version AS catalogueVersion, details
       FROM recommendations
       WHERE run_id = {runId:String}
         AND ({kind:String} = '' OR kind = {kind:String})
         AND ({functionId:String} = '' OR function_id = {functionId:String})
       ORDER BY monthly_impact_usd DESC, kind, function_id`,
      { runId, kind: kind ?? '', functionId: functionId ?? '' },
    );
    return rows.map((r) => {
      const { details, ...rest } = r;
      return {
        ...(rest as unknown as StoredRecommendation),
        current: JSON.parse(String(r.current)) as Record<string, unknown>,
        recommended: JSON.parse(String(r.recommended)) as Record<string, unknown>,
        evidence: JSON.parse(String(r.evidence)) as Record<string, unknown>,
        ...(JSON.parse(
          typeof details === 'string' && details !== '' ? details : '{}',
        ) as Partial<StoredRecommendation>),
      };
    });
  }

  /** Why functions got no recommendation in a run (of one kind, for one function when given). */
  async explanations(
    runId: string,
    kind?: string,
    functionId?: string,
  ): Promise<StoredExplanation[]> {
    return this.query<StoredExplanation>(
      `SELECT function_id AS functionId, kind, code, detail
       FROM recommendation_explanations
       WHERE run_id = {runId:String}
         AND ({kind:String} = '' OR kind = {kind:String})
         AND ({functionId:String} = '' OR function_id = {functionId:String})
       ORDER BY function_id, kind`,
      { runId, kind: kind ?? '', functionId: functionId ?? '' },
    );
  }

  private query<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    return queryRows<T>(this.handle.client, query, params, 'reading analysis results');
  }
}
