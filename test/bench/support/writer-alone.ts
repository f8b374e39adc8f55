import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaLogStreamAssemblerPool, decodeCloudWatchSubscription } from '@fleetscope/ingest';
import {
  FlushJournal,
  IngestWriter,
  rebuildChosenHours,
  withoutReadBarrier,
  type ClickHouseHandle,
  type IngestBatch,
} from '@fleetscope/storage';
import { readRequestFile } from './request-file';

export interface WriterAloneJob {
  /** Written by writeRequestFile(); its CloudWatch requests are used. */
  file: string;
  /** Deliveries stored together, as one drain of the ingest log holds them. */
  deliveriesPerDrain: number;
}

export interface WriterAloneResult {
  seconds: number;
  invocations: number;
  drains: number;
}

/**
 * The writer's side of an ingest-log drain without HTTP, decoding or senders: the acknowledged
 * CloudWatch deliveries, decoded beforehand (not timed), stored by an IngestWriter with the
 * production flush journal and source choice, `deliveriesPerDrain` deliveries per flush.
 */
export async function runWriterAlone(
  handle: ClickHouseHandle,
  job: WriterAloneJob,
): Promise<WriterAloneResult> {
  const pool = new LambdaLogStreamAssemblerPool();
  const batches: IngestBatch[] = readRequestFile(job.file)
    .filter((r) => r.route === 'cloudwatch')
    .map((r, n) => {
      const decoded = decodeCloudWatchSubscription(r.body, { region: r.region, pool });
      return {
        invocations: decoded.invocations,
        logs: decoded.logs,
        requestKeys: [{ key: `writer-alone:${n}`, source: 'cloudwatch' }],
      };
    });
  const raw = withoutReadBarrier(handle.client);
  const journalDir = mkdtempSync(join(tmpdir(), 'fleetscope-writer-alone-'));
  const writer = new IngestWriter(raw, {
    maxQueueBytes: Number.MAX_SAFE_INTEGER,
    flushIntervalMs: 1,
    flushRows: Number.MAX_SAFE_INTEGER,
    journal: new FlushJournal(journalDir),
    chooseSources: (window) => rebuildChosenHours(raw, window),
    rawInsert: handle.rawInsert,
  });
  try {
    const started = performance.now();
    for (let at = 0; at < batches.length; at += job.deliveriesPerDrain) {
      await Promise.all(batches.slice(at, at + job.deliveriesPerDrain).map((b) => writer.write(b)));
    }
    const seconds = (performance.now() - started) / 1000;
    await writer.close();
    return {
      seconds,
      invocations: writer.stats.insertedRows.invocations ?? 0,
      drains: writer.stats.flushes,
    };
  } finally {
    rmSync(journalDir, { recursive: true, force: true });
  }
}
