import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a flush may leave half-written: the function-hours whose aggregate rows it feeds. An
 * insert into `invocations` commits its own rows, then its materialized views' rows, and a kill
 * between the two leaves raw rows no aggregate counts; a retry of the same request is then a
 * duplicate and never repairs it. So the writer records the window before an insert and clears it
 * after; a window still recorded at start-up is rebuilt from the raw rows (repairAggregates).
 */
export interface FlushWindow {
  functionIds: string[];
  /** Hour starts, epoch seconds. */
  hours: number[];
  /** Sources of the invocation records of the flush: their minute rows are rebuilt from raw rows. */
  sources: string[];
}

/**
 * One small file per flush in progress under a directory of the process's own (inside
 * FLEETSCOPE_DATA_DIR). Files are written without fsync: they guard against the process dying
 * (kill -9, OOM kill), whose written pages the kernel keeps, at a cost of about a millisecond per
 * flush; a host crash is ClickHouse's own fsync settings' matter.
 */
export class FlushJournal {
  private next = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  async begin(window: FlushWindow): Promise<string> {
    const file = join(this.dir, `${Date.now()}-${process.pid}-${this.next++}.json`);
    await writeFile(file, JSON.stringify(window));
    return file;
  }

  async end(file: string): Promise<void> {
    await unlink(file);
  }

  /** Windows left by a process that stopped mid-flush, oldest first. */
  pending(): { file: string; window: FlushWindow }[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .flatMap((name) => {
        const file = join(this.dir, name);
        try {
          return [{ file, window: JSON.parse(readFileSync(file, 'utf8')) as FlushWindow }];
        } catch {
          // Killed while the marker itself was being written: its insert had not started.
          return [{ file, window: { functionIds: [], hours: [], sources: [] } }];
        }
      });
  }
}
