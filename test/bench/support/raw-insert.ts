import {
  LambdaLogStreamAssemblerPool,
  decodeCloudWatchSubscription,
  parseFirehoseRequest,
} from '@fleetscope/ingest';
import { decodeTracesProtobuf, isDecodeError, normaliseTraces } from '@fleetscope/otlp';
import type { ClickHouseHandle } from '@fleetscope/storage';
// The writer's own row encoders are internal to @fleetscope/storage (not in its index); the
// benchmark must measure exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  INVOCATIONS,
  LOGS,
  SPANS,
  putRows,
  type TableEncoder,
} from '../../../libs/storage/src/writer/row-columns';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LineBuffer } from '../../../libs/storage/src/writer/line-buffer';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { insertSettings } from '../../../libs/storage/src/writer/ingest-writer';
import type { RawInsertJob, RawInsertResult } from './app-process';
import { readRequestFile } from './request-file';

type RawTable = RawInsertJob['tables'][number];

const ENCODERS: Record<RawTable, TableEncoder<never>> = {
  spans: SPANS,
  invocations: INVOCATIONS,
  logs: LOGS,
};

/**
 * The raw engine rate: the acknowledged request bodies run once more through the collector's own
 * decoders and normalisers, encoded by the writer's row encoders, then inserted with
 * @clickhouse/client in JSONCompactEachRow, `flushRows` rows per insert with the tables of a chunk
 * in parallel (as IngestWriter does); with `viaRawInsert`, as JSONCompactEachRow bytes through the
 * embedded engine's raw insert with the writer's settings of each table, encoded before the
 * timing starts (the writer encodes a batch when it accepts it, not when it stores it). Only the
 * inserts are timed; `cpuSeconds` is the process's CPU (the engine's threads included) over the
 * same span.
 */
export async function runRawInsert(
  handle: ClickHouseHandle,
  job: RawInsertJob,
): Promise<RawInsertResult> {
  const { client, rawInsert } = handle;
  if (job.viaRawInsert && !rawInsert) throw new Error('raw insert: embedded engine only');
  const t0 = performance.now();
  const chunks = buildChunks(job);
  // The rows are already encoded: the identity encoder writes them as they are.
  const bodies = job.viaRawInsert
    ? chunks.map(
        (chunk) =>
          new Map(
            [...chunk].map(([table, values]) => {
              const body = new LineBuffer();
              putRows({ ...ENCODERS[table], encode: (row: unknown[]) => row }, values, body);
              return [table, body.bytes()];
            }),
          ),
      )
    : undefined;
  const prepareSeconds = (performance.now() - t0) / 1000;
  const rows: Record<string, number> = {};
  let inserts = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (const [i, chunk] of chunks.entries()) {
    await Promise.all(
      [...chunk].map(async ([table, values]) => {
        if (values.length === 0) return;
        const encoder = ENCODERS[table];
        const body = bodies?.[i].get(table);
        if (body && rawInsert) {
          await rawInsert({
            table: encoder.table,
            columns: encoder.columns,
            body,
            settings: insertSettings(encoder.table, true),
          });
        } else {
          await client.insert({
            table: encoder.table,
            columns: encoder.columns as [string, ...string[]],
            values,
            format: 'JSONCompactEachRow',
          });
        }
        inserts++;
        rows[table] = (rows[table] ?? 0) + values.length;
      }),
    );
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows,
    inserts,
    prepareSeconds,
  };
}

function buildChunks(job: RawInsertJob): Map<RawTable, unknown[][]>[] {
  const chunks: Map<RawTable, unknown[][]>[] = [];
  const fresh = (): Map<RawTable, unknown[][]> => new Map(job.tables.map((t) => [t, []]));
  let chunk = fresh();
  let rowsInChunk = 0;
  const add = (table: RawTable, values: unknown[]): void => {
    const target = chunk.get(table);
    if (!target) return;
    for (const v of values) target.push(ENCODERS[table].encode(v as never));
    rowsInChunk += values.length;
  };
  const pool = new LambdaLogStreamAssemblerPool();
  for (const request of readRequestFile(job.file)) {
    switch (request.route) {
      case 'traces': {
        const decoded = decodeTracesProtobuf(request.body);
        if (isDecodeError(decoded)) throw new Error(decoded.error);
        const n = normaliseTraces(decoded);
        add('spans', n.spans);
        add('invocations', n.invocations);
        break;
      }
      case 'cloudwatch': {
        const r = decodeCloudWatchSubscription(request.body, { region: request.region, pool });
        add('invocations', r.invocations);
        add('logs', r.logs);
        break;
      }
      case 'firehose': {
        const r = parseFirehoseRequest(request.body, {
          region: request.region,
          pool,
          logSource: 'firehose',
        });
        add('invocations', r.invocations);
        add('logs', r.logs);
        break;
      }
    }
    if (rowsInChunk >= job.flushRows) {
      chunks.push(chunk);
      chunk = fresh();
      rowsInChunk = 0;
    }
  }
  if (rowsInChunk > 0) chunks.push(chunk);
  return chunks;
}
