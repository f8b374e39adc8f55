/**
 * The floor of this stack for small deliveries: the least a server built on Node and the embedded
 * engine does to acknowledge a CloudWatch delivery only once it is kept. A bare node:http server
 * decodes each body with the collector's decoder and encodes the rows with the writer's encoders;
 * it answers once their bytes are appended to a log file (grouped writes, no fsync, as the
 * collector's ingest log), and stores them by group commit, back to back, every row that arrived
 * during an insert in the next (the invocation and log inserts in parallel, through chDB's raw
 * insert with the writer's settings). Nothing else: no fastify, no retried-delivery keys, no
 * source choice, no journal, no screening, no settings history, no replay. Acknowledging only once
 * inserted instead would bound each insert to what the 64 senders have in flight (measured: 0.14
 * of raw). Its rate is what the collector's design could reach at best on these cores
 * (bench:logs [6]). Not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { LambdaLogStreamAssemblerPool, decodeCloudWatchSubscription } from '@fleetscope/ingest';
import type { ClickHouseHandle } from '@fleetscope/storage';
// The writer's own row encoders and settings are internal to @fleetscope/storage (not in its
// index); the floor must use exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { INVOCATIONS, LOGS, putRows } from '../../../libs/storage/src/writer/row-columns';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LineBuffer } from '../../../libs/storage/src/writer/line-buffer';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { insertSettings } from '../../../libs/storage/src/writer/ingest-writer';

export interface FloorStats {
  invocations: number;
  logs: number;
  inserts: number;
  failures: number;
}

interface Batch {
  invocations: LineBuffer;
  logs: LineBuffer;
  invocationRows: number;
  logRows: number;
}

const newBatch = (): Batch => ({
  invocations: new LineBuffer(),
  logs: new LineBuffer(),
  invocationRows: 0,
  logRows: 0,
});

export async function startFloorServer(
  handle: ClickHouseHandle,
): Promise<{ url: string; stop: () => Promise<FloorStats> }> {
  const { rawInsert } = handle;
  if (!rawInsert) throw new Error('the floor server needs the embedded engine');
  const pool = new LambdaLogStreamAssemblerPool();
  const stats: FloorStats = { invocations: 0, logs: 0, inserts: 0, failures: 0 };
  let batch = newBatch();
  let storing = false;

  const insert = async (encoder: typeof INVOCATIONS | typeof LOGS, body: LineBuffer) => {
    await rawInsert({
      table: encoder.table,
      columns: encoder.columns,
      body: body.bytes(),
      settings: insertSettings(encoder.table, true),
    });
    stats.inserts++;
  };

  const store = async (): Promise<void> => {
    if (storing) return;
    storing = true;
    while (batch.invocationRows + batch.logRows > 0) {
      const taken = batch;
      batch = newBatch();
      try {
        await Promise.all([
          taken.invocationRows > 0 ? insert(INVOCATIONS, taken.invocations) : undefined,
          taken.logRows > 0 ? insert(LOGS, taken.logs) : undefined,
        ]);
        stats.invocations += taken.invocationRows;
        stats.logs += taken.logRows;
      } catch {
        stats.failures++;
      }
    }
    storing = false;
    for (const resolve of idle.splice(0)) resolve();
  };
  const idle: (() => void)[] = [];

  // The log: what arrived during a write goes in the next; each request is answered once its
  // bytes are written.
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-floor-'));
  const file = await open(join(dir, 'log'), 'a');
  let logBytes = new LineBuffer();
  let logWaiting: ServerResponse[] = [];
  let writing = false;
  const writeLog = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    while (logWaiting.length > 0) {
      const bytes = logBytes.bytes();
      const waiting = logWaiting;
      logBytes = new LineBuffer();
      logWaiting = [];
      let status = 200;
      try {
        await file.write(bytes);
      } catch {
        status = 503;
      }
      for (const response of waiting) response.writeHead(status).end();
    }
    writing = false;
  };

  const accept = (request: IncomingMessage, body: Buffer, response: ServerResponse): void => {
    const region = new URL(request.url ?? '/', 'http://floor').searchParams.get('region') ?? '';
    const result = decodeCloudWatchSubscription(body, { region, pool });
    if (result.failure) {
      response.writeHead(400).end(result.failure.message);
      return;
    }
    const invocationsAt = batch.invocations.length;
    const logsAt = batch.logs.length;
    putRows(INVOCATIONS, result.invocations, batch.invocations);
    putRows(LOGS, result.logs, batch.logs);
    batch.invocationRows += result.invocations.length;
    batch.logRows += result.logs.length;
    logBytes.putBytes(batch.invocations.bytes(), invocationsAt);
    logBytes.putBytes(batch.logs.bytes(), logsAt);
    logWaiting.push(response);
    void writeLog();
    void store();
  };

  const server = createServer({ keepAlive: true }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => accept(request, Buffer.concat(chunks), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Once every acknowledged row is stored. */
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (storing) await new Promise<void>((resolve) => idle.push(resolve));
      await file.close();
      rmSync(dir, { recursive: true, force: true });
      return { ...stats };
    },
  };
}
