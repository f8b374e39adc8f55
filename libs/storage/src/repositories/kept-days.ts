import type { ClickHouseClient } from '@clickhouse/client';
import { activeParts } from '../client/data-parts';
import { wholeUnitsOf } from './minute-source.sql';

const DAY_MS = 86_400_000;

/**
 * What a read of whole UTC days gave, kept between calls for as long as the data parts that may
 * hold those days' rows are the same ones (activeParts: a part is never changed once written, the
 * start-up repair's mutation included), so the same parts overlapping a day (by the minimum and
 * maximum of their partition key's time column) hold the same rows of it. A late delivery for
 * a past day, or a merge of one of its parts with today's, gives the day a new version and the
 * next call reads it again; today's flushes make parts of today only, and leave the days before it
 * kept. The versions are read before the rows, so rows are never kept under a version older than
 * theirs. Nothing is kept where the tables hold no parts of their own (Distributed tables in
 * cluster mode).
 */
export class KeptDays<T> {
  private readonly kept = new Map<string, { version: string; rows: readonly T[] }>();

  /**
   * `tables`: every table the read may take rows from; `capacity`: the days kept, over all keys
   * (the least recently used go first).
   */
  constructor(
    private readonly client: ClickHouseClient,
    private readonly tables: readonly string[],
    private readonly capacity: number,
  ) {}

  /**
   * The rows of `range` read by `read`, which must give each UTC day's rows independently of the
   * range it is asked for (sums per day), with `dayOf` telling each row's day start (ms). Whole
   * days already kept under `key` and still current are not read again; the rest are read in at
   * most two ranges (the days missing, and the partial days at the range's ends, joined where they
   * touch). Rows come back by day, in day order; within a day, in `read`'s order.
   */
  async rows(
    key: string,
    range: { fromMs: number; toMs: number },
    read: (range: { fromMs: number; toMs: number }) => Promise<T[]>,
    dayOf: (row: T) => number,
  ): Promise<T[]> {
    const [fromMs, toMs] = wholeUnitsOf(range, DAY_MS);
    const whole = { fromMs, toMs };
    const versions = whole.toMs > whole.fromMs ? await this.versions(whole) : null;
    if (!versions) return read(range);
    const runs: { fromMs: number; toMs: number }[] = [];
    const add = (fromMs: number, toMs: number) => {
      const last = runs.at(-1);
      if (last?.toMs === fromMs) last.toMs = toMs;
      else runs.push({ fromMs, toMs });
    };
    if (range.fromMs < whole.fromMs) add(range.fromMs, whole.fromMs);
    const days = new Map<number, readonly T[]>();
    for (let day = whole.fromMs; day < whole.toMs; day += DAY_MS) {
      const at = `${key}|${day}`;
      const kept = this.kept.get(at);
      if (kept && kept.version === versions.get(day)) {
        days.set(day, kept.rows);
        this.keep(at, kept);
      } else add(day, day + DAY_MS);
    }
    if (whole.toMs < range.toMs) add(whole.toMs, range.toMs);
    // Each read costs its own queries (the range's days with several sources first): more than
    // two runs are read as one, the kept days between them read again.
    const reads = runs.length > 2 ? [{ fromMs: runs[0].fromMs, toMs: runs.at(-1)!.toMs }] : runs;
    const edges = new Map<number, T[]>();
    for (const rows of await Promise.all(reads.map(read))) {
      for (const row of rows) {
        const day = dayOf(row);
        const list = edges.get(day) ?? [];
        list.push(row);
        edges.set(day, list);
      }
    }
    for (const r of reads) {
      // The whole days read, rows or none, are kept under the versions read before them.
      for (
        let day = Math.max(r.fromMs, whole.fromMs);
        day + DAY_MS <= Math.min(r.toMs, whole.toMs);
        day += DAY_MS
      ) {
        const rows = edges.get(day) ?? [];
        days.set(day, rows);
        this.keep(`${key}|${day}`, { version: versions.get(day)!, rows });
      }
    }
    for (const [day, rows] of edges) if (!days.has(day)) days.set(day, rows);
    return [...days].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows);
  }

  private keep(at: string, entry: { version: string; rows: readonly T[] }): void {
    this.kept.delete(at);
    this.kept.set(at, entry);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
  }

  /**
   * Each whole day's version: the names of the active parts of `tables` that may hold its rows
   * (activeParts). Null when a table is not a MergeTree here.
   */
  private async versions(whole: {
    fromMs: number;
    toMs: number;
  }): Promise<Map<number, string> | null> {
    const parts = await activeParts(this.client, this.tables, whole);
    if (!parts) return null;
    const versions = new Map<number, string>();
    for (let day = whole.fromMs; day < whole.toMs; day += DAY_MS) {
      const names = parts
        .filter((p) => p.maxTimeMs === 0 || (p.maxTimeMs >= day && p.minTimeMs < day + DAY_MS))
        .map((p) => p.name);
      versions.set(day, names.join(','));
    }
    return versions;
  }
}
