import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
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

const HOUR_MS = 3_600_000;

/** A FlushWindow being gathered, as sets: from rows (addRow()) or from other windows (add()). */
export class WindowSets {
  readonly functionIds = new Set<string>();
  readonly hours = new Set<number>();
  readonly sources = new Set<string>();

  /** A row of `functionId` at `timeMs`; `source` for an invocation record. */
  addRow(functionId: string, timeMs: number, source?: string): void {
    this.functionIds.add(functionId);
    this.hours.add(Math.floor(timeMs / HOUR_MS) * 3600);
    if (source !== undefined) this.sources.add(source);
  }

  /** Every function, hour and source of another window. */
  add(window: WindowSets | FlushWindow | undefined): void {
    if (!window) return;
    for (const id of window.functionIds) this.functionIds.add(id);
    for (const hour of window.hours) this.hours.add(hour);
    for (const source of window.sources) this.sources.add(source);
  }

  /** The window gathered; undefined when it holds no function. */
  window(): FlushWindow | undefined {
    if (this.functionIds.size === 0) return undefined;
    return {
      functionIds: [...this.functionIds],
      hours: [...this.hours],
      sources: [...this.sources],
    };
  }
}

/**
 * One small file per flush in progress under a directory of the process's own (inside
 * FLEETSCOPE_DATA_DIR). Files are written without fsync: they guard against the process dying
 * (kill -9, OOM kill), whose written pages the kernel keeps, at a cost of about a millisecond per
 * flush; a host crash is ClickHouse's own fsync settings' matter. Written and removed
 * synchronously: a few kilobytes into the page cache take well under a millisecond, while an
 * asynchronous write waits for a turn of the event loop, 10–35 ms under an ingest burst, twice in
 * every drain (BENCHMARKS.md, "Small deliveries: the drain's waits").
 */
export class FlushJournal {
  private next = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  begin(window: FlushWindow): string {
    const file = join(this.dir, `${Date.now()}-${process.pid}-${this.next++}.json`);
    writeFileSync(file, JSON.stringify(window));
    return file;
  }

  end(file: string): void {
    unlinkSync(file);
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
