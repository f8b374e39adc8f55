import { cpSync, rmSync } from 'node:fs';
import type * as Fs from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Config } from '@fleetscope/config';
import {
  IngestLog,
  IngestWriter,
  type ClickHouseHandle,
  type WriterOptions,
} from '@fleetscope/storage';
import { openTestClickHouse } from '../../support/test-clickhouse';
import { failWrites } from './disk-faults';

// The module object itself: fillDisk() replaces its write() (the ingest log calls it there).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof Fs;

export interface WriterHarness {
  handle: ClickHouseHandle;
  config: Config;
  /** The ingest log's directory in the data directory, as the process uses it. */
  logDir: string;
  /** A writer on `client` (the handle's unless told). */
  writer: (options: WriterOptions, client?: ClickHouseClient) => IngestWriter;
  /** A writer acknowledging into the ingest log at logDir, with a 64 MiB queue unless told otherwise. */
  loggedWriter: (
    options: Omit<WriterOptions, 'log' | 'maxQueueBytes'> & { maxQueueBytes?: number },
    client?: ClickHouseClient,
  ) => IngestWriter;
  /**
   * Makes fs.write() fail with ENOSPC (a full disk) after `afterMs`, or within the call without
   * it: for the next `writes` calls, or until the returned function gives the disk room again
   * (or the spec ends). A record given the reserve's room fails too: the room went to another
   * writer (support/disk-faults.ts models a disk that fills up to the reserve).
   */
  fillDisk: (options: { writes?: number; afterMs?: number }) => () => void;
  /**
   * Kills the process of `writer` here: the next start finds the ingest log as it is now. `die`
   * makes whatever it still sends fail; its close() stops its retries, then the log is put back.
   */
  kill: (writer: IngestWriter, die: () => void) => Promise<void>;
}

/**
 * Runs `spec` on a fresh test ClickHouse. Afterwards fs.write() is put back, the writers the
 * harness opened are closed (close() is idempotent: a spec may close one itself first), then
 * ClickHouse is closed and its data directory removed.
 */
export async function withWriterHarness(spec: (harness: WriterHarness) => Promise<void>) {
  const { handle, config, cleanup } = await openTestClickHouse();
  const logDir = join(config.dataDir, 'ingest-log');
  const write = fs.write;
  const writers: IngestWriter[] = [];
  const harness: WriterHarness = {
    handle,
    config,
    logDir,
    writer: (options, client = handle.client) => {
      const writer = new IngestWriter(client, options);
      writers.push(writer);
      return writer;
    },
    loggedWriter: (options, client) =>
      harness.writer({ maxQueueBytes: 1 << 26, ...options, log: IngestLog.open(logDir) }, client),
    fillDisk: failWrites,
    kill: async (writer, die) => {
      const atKill = join(config.dataDir, 'ingest-log-at-kill');
      cpSync(logDir, atKill, { recursive: true });
      die();
      await writer.close();
      rmSync(logDir, { recursive: true });
      cpSync(atKill, logDir, { recursive: true });
    },
  };
  try {
    await spec(harness);
  } finally {
    (fs as { write: unknown }).write = write;
    try {
      for (const writer of writers) await writer.close();
    } finally {
      await cleanup();
    }
  }
}
