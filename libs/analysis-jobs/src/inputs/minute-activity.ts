import type { FunctionAnalysisInput } from '@fleetscope/analysis';
import type { MinuteActivityRow } from '@fleetscope/storage';

const MINUTE_MS = 60_000;

/** Minutes of the window per UTC hour of day: the denominator of the busy-hour share. */
export function minutesByHour(range: { fromMs: number; toMs: number }): number[] {
  const out = new Array<number>(24).fill(0);
  const first = Math.ceil(range.fromMs / MINUTE_MS);
  const last = Math.ceil(range.toMs / MINUTE_MS);
  // Whole days add 60 to every hour; only the partial day is walked minute by minute.
  const days = Math.floor((last - first) / 1440);
  for (let h = 0; h < 24; h++) out[h] = days * 60;
  for (let m = first + days * 1440; m < last; m++) out[Math.floor((m % 1440) / 60)]++;
  return out;
}

/** Gives each input its function's minute activity (the keep-alive analysis reads it). */
export function attachMinuteActivity(
  inputs: FunctionAnalysisInput[],
  rows: readonly MinuteActivityRow[],
  range: { fromMs: number; toMs: number },
): void {
  const byFunction = new Map(rows.map((r) => [r.functionId, r]));
  const hours = minutesByHour(range);
  // The window's minutes are those starting before toMs.
  const endMinute = Math.ceil(range.toMs / MINUTE_MS);
  for (const input of inputs) {
    const row = byFunction.get(input.profile.functionId);
    if (!row) continue;
    input.activity = {
      idlePeriods: row.idlePeriods,
      activeMinutes: row.activeMinutes,
      activeByHour: row.activeByHour,
      minutesByHour: hours,
      minutesAfterLastActive: Math.max(0, endMinute - 1 - row.lastMinute),
    };
  }
}
