/**
 * ISO-8601 as Fleetscope takes it from people (API query strings, CLI flags): a date, or a date and
 * time with an optional offset. A time without an offset is UTC (as a date alone already is in
 * JavaScript), never the local time zone; dates and times that do not exist are refused.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Epoch ms of an ISO-8601 date or time, or NaN when it is not one. */
export function parseIsoTime(value: string): number {
  const m = ISO.exec(value);
  if (!m) return NaN;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', offset = 'Z'] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, Number(frac.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2026-02-30 over into March: refuse dates and times that do not exist.
  const back = new Date(utc);
  if (
    back.getUTCFullYear() !== +y ||
    back.getUTCMonth() !== +mo - 1 ||
    back.getUTCDate() !== +d ||
    back.getUTCHours() !== +h ||
    back.getUTCMinutes() !== +mi ||
    +sec > 59
  ) {
    return NaN;
  }
  if (offset.toUpperCase() === 'Z') return utc;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  // UTC offsets in use run from -12:00 to +14:00: +25:00 or +02:75 is a typo, not a time zone.
  if (Number(digits.slice(2)) > 59 || minutes > 14 * 60) return NaN;
  return utc - sign * minutes * 60_000;
}
