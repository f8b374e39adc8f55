import type { ClickHouseClient } from '@clickhouse/client';
import { LambdaLogStreamAssemblerPool, decodeCloudWatchSubscription } from '@fleetscope/ingest';
import {
  decodeTracesProtobuf,
  encodeTraceRequestProtobuf,
  isDecodeError,
  normaliseTraces,
} from '@fleetscope/otlp';
// The writer's own row encoders are internal to @fleetscope/storage (not in its index); the
// benchmark must measure exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  INVOCATIONS,
  LOGS,
  SPANS,
  type TableEncoder,
} from '../../../libs/storage/src/writer/row-columns';
import type { RawInsertJob, RawInsertResult } from './app-process';
import { FaasTraceGenerator } from './faas-trace.generator';
import { LambdaFleet } from './lambda-fleet';
import { LambdaLogGenerator } from './lambda-log.generator';

interface Chunk {
  tables: { encoder: TableEncoder<never>; rows: unknown[][] }[];
}

/**
 * The raw engine rate: the rows the collector stored, rebuilt from the same seed through the same
 * decode and normalise, encoded by the writer's own row encoders, and inserted with
 * @clickhouse/client in JSONCompactEachRow, `flushRows` rows per insert and the tables of a chunk
 * in parallel (as IngestWriter does). Only the inserts are timed.
 */
export async function runRawInsert(
  client: ClickHouseClient,
  job: RawInsertJob,
): Promise<RawInsertResult> {
  const t0 = performance.now();
  const chunks = job.kind === 'traces' ? traceChunks(job) : logChunks(job);
  const prepareSeconds = (performance.now() - t0) / 1000;
  const rows: Record<string, number> = {};
  let inserts = 0;
  const started = performance.now();
  for (const chunk of chunks) {
    await Promise.all(
      chunk.tables.map(async ({ encoder, rows: values }) => {
        if (values.length === 0) return;
        await client.insert({
          table: encoder.table,
          columns: encoder.columns as [string, ...string[]],
          values,
          format: 'JSONCompactEachRow',
        });
        inserts++;
        rows[encoder.table] = (rows[encoder.table] ?? 0) + values.length;
      }),
    );
  }
  return { seconds: (performance.now() - started) / 1000, rows, inserts, prepareSeconds };
}

function traceChunks(job: Extract<RawInsertJob, { kind: 'traces' }>): Chunk[] {
  const g = job.generator;
  const generator = new FaasTraceGenerator({
    fleet: new LambdaFleet({ functions: g.functions, seed: g.seed, baseTimeMs: g.baseTimeMs }),
    seed: g.seed,
    baseTimeMs: g.baseTimeMs,
    spansPerBatch: g.spansPerBatch,
    resourcesPerBatch: g.resourcesPerBatch,
  });
  const chunks: Chunk[] = [];
  let spans: unknown[][] = [];
  let invocations: unknown[][] = [];
  const cut = (): void => {
    chunks.push({
      tables: [
        { encoder: SPANS, rows: spans },
        { encoder: INVOCATIONS, rows: invocations },
      ],
    });
    spans = [];
    invocations = [];
  };
  for (const index of job.batches) {
    const decoded = decodeTracesProtobuf(
      encodeTraceRequestProtobuf(generator.batch(index).request),
    );
    if (isDecodeError(decoded)) throw new Error(decoded.error);
    const n = normaliseTraces(decoded);
    for (const s of n.spans) spans.push(SPANS.encode(s));
    for (const inv of n.invocations) invocations.push(INVOCATIONS.encode(inv));
    if (spans.length + invocations.length >= job.flushRows) cut();
  }
  if (spans.length > 0) cut();
  return chunks;
}

function logChunks(job: Extract<RawInsertJob, { kind: 'logs' }>): Chunk[] {
  const g = job.generator;
  const generator = new LambdaLogGenerator({
    fleet: new LambdaFleet({ functions: g.functions, seed: g.seed, baseTimeMs: g.baseTimeMs }),
    seed: g.seed,
    baseTimeMs: g.baseTimeMs,
    invocationsPerDelivery: g.invocationsPerDelivery,
    appLinesPerInvocation: g.appLinesPerInvocation,
  });
  const acked = new Set(job.acked);
  const pool = new LambdaLogStreamAssemblerPool();
  const chunks: Chunk[] = [];
  let invocations: unknown[][] = [];
  let logs: unknown[][] = [];
  const cut = (): void => {
    const tables: Chunk['tables'] = [];
    if (job.tables.includes('invocations'))
      tables.push({ encoder: INVOCATIONS, rows: invocations });
    if (job.tables.includes('logs')) tables.push({ encoder: LOGS, rows: logs });
    chunks.push({ tables });
    invocations = [];
    logs = [];
  };
  for (let i = 0; i < job.deliveries; i++) {
    const delivery = generator.next();
    if (!acked.has(i)) continue;
    const result = decodeCloudWatchSubscription(delivery.message, {
      region: delivery.fn.region,
      pool,
    });
    for (const inv of result.invocations) invocations.push(INVOCATIONS.encode(inv));
    if (job.tables.includes('logs')) for (const l of result.logs) logs.push(LOGS.encode(l));
    if (invocations.length + logs.length >= job.flushRows) cut();
  }
  if (invocations.length + logs.length > 0) cut();
  return chunks;
}
