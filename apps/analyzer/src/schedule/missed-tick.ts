import { CronTime } from 'cron';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Spans back from now searched for the latest tick, shortest first: few steps for any cadence. */
const SPANS_MS = [MINUTE_MS, 60 * MINUTE_MS, DAY_MS, 7 * DAY_MS, 31 * DAY_MS, 366 * DAY_MS];

/**
 * The latest tick of `cronTime` in `timeZone` after `sinceMs` and at or before `nowMs`, or
 * undefined when none fell between: what a process stopped over its ticks missed, as one tick
 * however many there were.
 */
export function lastMissedTick(
  cronTime: string,
  timeZone: string,
  sinceMs: number,
  nowMs: number,
): number | undefined {
  const time = new CronTime(cronTime, timeZone);
  const after = (ms: number) => time.getNextDateFrom(new Date(ms), timeZone).toMillis();
  // cron has no "previous date": step forward from the shortest span back that holds a tick.
  for (const spanMs of [...SPANS_MS, Infinity]) {
    let latest = after(Math.max(sinceMs, nowMs - spanMs));
    if (latest > nowMs) continue;
    for (let next = after(latest); next <= nowMs; next = after(next)) latest = next;
    return latest;
  }
  return undefined;
}
