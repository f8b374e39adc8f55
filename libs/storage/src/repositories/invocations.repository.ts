import { Inject, Injectable } from '@nestjs/common';
import { INVOCATION_SOURCES, SOURCE_PRIORITY } from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { CLICKHOUSE } from '../storage.tokens';

/** One invocation as all its sources describe it together. Unknown numbers are null. */
export interface MergedInvocation {
  requestId: string;
  startTimeMs: number;
  durationMs: number | null;
  billedDurationMs: number | null;
  initDurationMs: number | null;
  restoreDurationMs: number | null;
  billedRestoreDurationMs: number | null;
  memorySizeMb: number | null;
  maxMemoryUsedMb: number | null;
  coldStart: boolean | null;
  initType: string;
  status: string;
  errorType: string;
  trigger: string;
  instance: string;
  traceId: string;
  version: string;
  runtime: string;
  /** Every source that reported it, most exact first. */
  sources: string[];
}

export interface InvocationQuery {
  fromMs: number;
  toMs: number;
  requestId?: string;
  limit: number;
}

/**
 * Each field from the most exact source that knows it: the platform's own records (Telemetry API,
 * then REPORT lines) for durations, billing, memory and cold starts; the span for the trace id and
 * the trigger, which only the instrumentation sees. Values that mean "unknown" in storage (0, '',
 * -1, 'unknown') never win.
 */
const FIELDS = `
  argMax(start_time, p) AS start,
  argMaxIf(duration_us, p, duration_us > 0) / 1000 AS durationMs,
  argMaxIf(billed_duration_ms, p, billed_duration_ms > 0) AS billedDurationMs,
  argMaxIf(init_duration_us, p, init_duration_us > 0) / 1000 AS initDurationMs,
  argMaxIf(restore_duration_us, p, restore_duration_us > 0) / 1000 AS restoreDurationMs,
  argMaxIf(billed_restore_ms, p, billed_restore_ms > 0) AS billedRestoreDurationMs,
  argMaxIf(memory_size_mb, p, memory_size_mb > 0) AS memorySizeMb,
  argMaxIf(max_memory_used_mb, p, max_memory_used_mb > 0) AS maxMemoryUsedMb,
  argMaxIf(cold_start, p, cold_start >= 0) AS coldStart,
  countIf(cold_start >= 0) AS coldStartKnown,
  argMaxIf(init_type, p, init_type != '') AS initType,
  argMaxIf(status, p, status NOT IN ('', 'unknown')) AS status,
  argMaxIf(error_type, p, error_type != '') AS errorType,
  argMaxIf(trigger, p_span, trigger != '') AS trigger,
  argMaxIf(instance, p, instance != '') AS instance,
  argMaxIf(trace_id, p_span, trace_id != '') AS traceId,
  argMaxIf(version, p, version != '') AS version,
  argMaxIf(runtime, p, runtime != '') AS runtime,
  arrayReverseSort(s -> indexOf({sources:Array(String)}, s), groupUniqArray(source)) AS sources`;

@Injectable()
export class InvocationsRepository {
  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  /** Invocations of one function in a range, newest first, each merged across its sources. */
  async merged(functionId: string, query: InvocationQuery): Promise<MergedInvocation[]> {
    const byPriority = [...INVOCATION_SOURCES].sort(
      (a, b) => SOURCE_PRIORITY[a] - SOURCE_PRIORITY[b],
    );
    const rows = await queryRows<Record<string, unknown>>(
      this.handle.client,
      `SELECT request_id AS requestId, toUnixTimestamp64Milli(start) AS startTimeMs, ${FIELDS}
       FROM (
         SELECT *,
                indexOf({sources:Array(String)}, source) AS p,
                if(source = 'otel_span', 1000, p) AS p_span
         FROM invocations
         WHERE function_id = {functionId:String}
           AND start_time >= {from:DateTime64(3)} AND start_time < {to:DateTime64(3)}
           AND ({requestId:String} = '' OR request_id = {requestId:String})
       )
       GROUP BY request_id
       ORDER BY startTimeMs DESC, requestId
       LIMIT {limit:UInt32}`,
      {
        functionId,
        sources: byPriority,
        // To the millisecond, as start_time is kept: [from, to) and [to, …) share no invocation.
        from: (query.fromMs / 1000).toFixed(3),
        to: (query.toMs / 1000).toFixed(3),
        requestId: query.requestId ?? '',
        limit: query.limit,
      },
      'reading invocations',
    );
    return rows.map(toMerged);
  }
}

function toMerged(r: Record<string, unknown>): MergedInvocation {
  const num = (v: unknown): number | null => {
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? n : null;
  };
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    requestId: str(r.requestId),
    startTimeMs: Number(r.startTimeMs),
    durationMs: num(r.durationMs),
    billedDurationMs: num(r.billedDurationMs),
    initDurationMs: num(r.initDurationMs),
    restoreDurationMs: num(r.restoreDurationMs),
    billedRestoreDurationMs: num(r.billedRestoreDurationMs),
    memorySizeMb: num(r.memorySizeMb),
    maxMemoryUsedMb: num(r.maxMemoryUsedMb),
    coldStart: Number(r.coldStartKnown) > 0 ? Number(r.coldStart) === 1 : null,
    initType: str(r.initType),
    status: str(r.status) || 'unknown',
    errorType: str(r.errorType),
    trigger: str(r.trigger),
    instance: str(r.instance),
    traceId: str(r.traceId),
    version: str(r.version),
    runtime: str(r.runtime),
    sources: Array.isArray(r.sources) ? (r.sources as string[]) : [],
  };
}
