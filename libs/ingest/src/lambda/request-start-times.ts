import type { InvocationRecord, KeyHash } from '@fleetscope/model';
import { hashKey } from '@fleetscope/model';

/**
 * Lambda invocations remembered by default: Firehose holds extracted lines up to its buffering
 * interval (at most 900 s), so this covers ~330 invocations a second, in ~20 MB (two boxed numbers and a map entry each).
 */
const DEFAULT_MAX_REQUESTS = 300_000;

/**
 * When each recently stored Lambda invocation started, by function and request id, for the rows
 * nothing timed but their arrival (IngestResult.arrivalTimed: text REPORT lines without their
 * CloudWatch event, as raw lines or after Firehose's message extraction). Such a row, timed
 * minutes after the span or the timed REPORT of the same request, lands in another minute, where
 * the per-minute source choice (libs/storage minute-source.sql.ts) counted the invocation once
 * more; timed as the stored record of its request, it lands in that record's minute. In memory
 * only: after a restart, or for a request whose untimed REPORT comes before its other records,
 * the arrival time stays (as before; nothing is refused).
 */
export class RequestStartTimes {
  // Keys are 53 bits of the pair's hash, not the ids: a request id is a slice of its REPORT line
  // and would keep the line alive as long as the entry (see the assembler's idHash()).
  private readonly starts = new Map<number, number>();
  /**
   * The keys in the order they came, overwritten oldest first. Entries are never touched, so the
   * oldest is the next slot: evicting through the Map's own order (RecentMap) scans the slots its
   * deletions leave at the front, which at this size cost 20–200 µs a row once it was full.
   */
  private readonly order: Float64Array;
  private next = 0;
  private readonly scratch: KeyHash = { high: 0, low: 0 };

  constructor(maxRequests = DEFAULT_MAX_REQUESTS) {
    this.order = new Float64Array(Math.max(1, maxRequests));
  }

  /** Remembers the start of each Lambda invocation of `rows` (stored rows) not known yet. */
  note(rows: readonly InvocationRecord[]): void {
    for (const row of rows) {
      if (row.platform !== 'aws_lambda' || row.requestId === '') continue;
      const key = this.keyOf(row);
      if (this.starts.has(key)) continue;
      if (this.starts.size >= this.order.length) this.starts.delete(this.order[this.next]);
      this.order[this.next] = key;
      this.next = (this.next + 1) % this.order.length;
      this.starts.set(key, row.startTimeMs);
    }
  }

  /** Gives each of `rows` (timed by their arrival) the start stored for its request, if any. */
  retime(rows: readonly InvocationRecord[]): void {
    for (const row of rows) {
      if (row.requestId === '') continue;
      const known = this.starts.get(this.keyOf(row));
      if (known !== undefined) row.startTimeMs = known;
    }
  }

  private keyOf(row: InvocationRecord): number {
    const { high, low } = hashKey([row.functionId, row.requestId], this.scratch);
    return high * 2 ** 21 + (low >>> 11);
  }
}
