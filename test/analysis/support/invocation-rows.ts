import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';

/** One invocations-table row as the collector would store it (0 / '' = unknown). */
export interface InvocationRowSpec {
  functionId: string;
  startTimeMs: number;
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb?: number;
  billedDurationMs?: number;
  initDurationMs?: number;
  restoreDurationMs?: number;
  billedRestoreMs?: number;
  coldStart?: boolean;
  initType?: '' | 'on-demand' | 'provisioned-concurrency' | 'snap-start' | 'proactive';
  status?: 'success' | 'error' | 'timeout' | 'oom';
  version?: string;
  source?: string;
  runtime?: string;
  architecture?: string;
}

/**
 * Writes invocation rows straight into ClickHouse, so the materialized views feed function_minutes
 * and function_hours exactly as they do for ingested records.
 */
export async function insertInvocations(
  client: ClickHouseClient,
  rows: readonly InvocationRowSpec[],
): Promise<void> {
  await client.insert({
    table: 'invocations',
    format: 'JSONEachRow',
    values: rows.map((r) => ({
      function_id: r.functionId,
      source: r.source ?? 'lambda_telemetry',
      start_time: Math.round(r.startTimeMs),
      request_id: randomUUID(),
      platform: 'aws_lambda',
      version: r.version ?? '$LATEST',
      duration_us: Math.round(r.durationMs * 1000),
      billed_duration_ms: r.billedDurationMs ?? Math.ceil(r.durationMs),
      init_duration_us: Math.round((r.initDurationMs ?? 0) * 1000),
      restore_duration_us: Math.round((r.restoreDurationMs ?? 0) * 1000),
      billed_restore_ms: r.billedRestoreMs ?? 0,
      memory_size_mb: r.memorySizeMb,
      max_memory_used_mb: r.maxMemoryUsedMb ?? 0,
      cold_start: r.coldStart === undefined ? 0 : r.coldStart ? 1 : 0,
      init_type: r.initType ?? '',
      status: r.status ?? 'success',
      error_type: '',
      trigger: 'http',
      instance: '',
      trace_id: '',
      runtime: r.runtime ?? '',
      architecture: r.architecture ?? '',
    })),
  });
}
