/** Where a log line's own timestamp ended, and the time it gave (epoch ms), if any. */
export interface LogLineTime {
  timeMs: number | null;
  /** Index of the first character after the timestamp(s) and their spaces. */
  rest: number;
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

/** `2024-01-15T10:00:00.123456789Z` (kubectl --timestamps, faas-cli logs) at `from`. */
function rfc3339At(line: string, from: number): { timeMs: number; end: number } | undefined {
  if (!(digits(line, from, 4) && line[from + 4] === '-' && line[from + 10] === 'T'))
    return undefined;
  let end = line.indexOf(' ', from);
  if (end < 0) end = line.length;
  const timeMs = Date.parse(line.slice(from, end));
  return Number.isNaN(timeMs) ? undefined : { timeMs, end };
}

/** Go's log package default prefix `2024/01/15 10:00:00[.000000]`, written in UTC in containers. */
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
  const timeMs = Date.parse(iso);
  return Number.isNaN(timeMs) ? undefined : { timeMs, end };
}

/**
 * Reads the timestamps a collected OpenFaaS log line may start with: an RFC 3339 one added by the
 * log pipeline, then Go's `log` prefix. The RFC 3339 one wins when both are there (it has a zone
 * and sub-second precision).
 */
export function readLogLineTime(line: string): LogLineTime {
  let i = skipSpaces(line, 0);
  let timeMs: number | null = null;
  const rfc = rfc3339At(line, i);
  if (rfc !== undefined) {
    timeMs = rfc.timeMs;
    i = skipSpaces(line, rfc.end);
  }
  const go = goLogAt(line, i);
  if (go !== undefined) {
    timeMs ??= go.timeMs;
    i = skipSpaces(line, go.end);
  }
  return { timeMs, rest: i };
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
