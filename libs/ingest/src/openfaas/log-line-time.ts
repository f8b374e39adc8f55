import { parseIsoTime } from '@fleetscope/model';

/** Where a log line's own timestamp ended, and the time it gave (epoch ms), if any. */
export interface LogLineTime {
  timeMs: number | null;
  /** Index of the first character after the timestamp(s) and their spaces. */
  rest: number;
  /**
   * Why the line's time is unreadable: it starts with a timestamp that is no time
   * (`9999/99/99 99:99:99`). Such a line is refused; the time of arrival would put its event at a
   * time the line does not say.
   */
  problem?: string;
}

function digits(line: string, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) {
    const c = line.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return false;
  }
  return true;
}

function skipSpaces(line: string, i: number): number {
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * `2024-01-15T10:00:00.123456789Z` (kubectl --timestamps, faas-cli logs) at `from`; its time is NaN
 * when it is shaped like one but is no time.
 */
function rfc3339At(line: string, from: number): { timeMs: number; end: number } | undefined {
  if (!(digits(line, from, 4) && line[from + 4] === '-' && line[from + 10] === 'T'))
    return undefined;
  let end = line.indexOf(' ', from);
  if (end < 0) end = line.length;
  return { timeMs: parseIsoTime(line.slice(from, end)), end };
}

/**
 * Go's log package default prefix `2024/01/15 10:00:00[.000000]`, written in UTC in containers;
 * its time is NaN when it is shaped like one but is no time (`9999/99/99 99:99:99`).
 */
function goLogAt(line: string, from: number): { timeMs: number; end: number } | undefined {
  if (!(
    digits(line, from, 4) &&
    line[from + 4] === '/' &&
    line[from + 7] === '/' &&
    line[from + 10] === ' '
  )) {
    return undefined;
  }
  if (!(digits(line, from + 11, 2) && line[from + 13] === ':' && line[from + 16] === ':'))
    return undefined;
  let end = from + 19;
  let fraction = '';
  if (line[end] === '.') {
    let j = end + 1;
    while (j < line.length && digits(line, j, 1)) j++;
    fraction = line.slice(end, Math.min(j, end + 4));
    end = j;
  }
  const iso = `${line.slice(from, from + 4)}-${line.slice(from + 5, from + 7)}-${line.slice(from + 8, from + 10)}T${line.slice(from + 11, from + 19)}${fraction}Z`;
  return { timeMs: parseIsoTime(iso), end };
}

/**
 * Reads the timestamps a collected OpenFaaS log line may start with: an RFC 3339 one added by the
 * log pipeline, then Go's `log` prefix. The RFC 3339 one wins when both are there (it has a zone
 * and sub-second precision).
 */
export function readLogLineTime(line: string): LogLineTime {
  let i = skipSpaces(line, 0);
  let timeMs: number | null = null;
  let invalid: string | undefined;
  for (const at of [rfc3339At, goLogAt]) {
    const stamp = at(line, i);
    if (stamp === undefined) continue;
    if (Number.isNaN(stamp.timeMs)) invalid ??= line.slice(i, stamp.end);
    else timeMs ??= stamp.timeMs;
    i = skipSpaces(line, stamp.end);
  }
  if (invalid === undefined) return { timeMs, rest: i };
  return { timeMs: null, rest: i, problem: `unreadable time "${invalid.slice(0, 40)}"` };
}

/** Splits a text body into lines (LF or CRLF); an array is taken as lines already. */
export function toLines(input: string | readonly string[]): readonly string[] {
  if (typeof input !== 'string') return input;
  return input.split(/\r?\n/);
}

/** Seconds as printed in a log line to milliseconds, without binary-float noise (µs precision). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1_000_000) / 1000;
}
