/**
 * Run as a child process (slow-reads.int.spec.ts), in the environment it is given: four reads of
 * the embedded engine that take ~2 s each, then one ingest-log append made while they run.
 * Prints `{"appendMs": …}`: how long the append (a sender's acknowledgement) waited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@fleetscope/config';
import { IngestLog, openClickHouse } from '@fleetscope/storage';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-slow-reads-'));
  const handle = await openClickHouse(loadConfig({ FLEETSCOPE_DATA_DIR: join(dir, 'data') }));
  const log = IngestLog.open(join(dir, 'log'));
  try {
    const reads = Array.from({ length: 4 }, () =>
      handle.client
        .query({
          query: 'SELECT sleepEachRow(0.5) FROM numbers(4) SETTINGS max_block_size = 1',
          format: 'JSONEachRow',
        })
        .then((r) => r.json()),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await log.appendLine((out) => out.put('{"an":"acknowledged batch"}'));
    const appendMs = performance.now() - started;
    await Promise.all(reads);
    process.stdout.write(JSON.stringify({ appendMs }));
  } finally {
    await log.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
