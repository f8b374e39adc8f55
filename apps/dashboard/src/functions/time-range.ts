import { BadRequestException } from '@nestjs/common';
import { EARLIEST_STORED_MS, LATEST_STORABLE_MS, parseIsoTime } from '@fleetscope/model';

const DAY_MS = 24 * 3600_000;
const MAX_RANGE_DAYS = 400;

/**
 * Parses ISO-8601 (UTC unless it names an offset) or epoch milliseconds; undefined when absent.
 * Times outside what Fleetscope stores (2000-01-01 to 2106-02-07) are refused naming the bound.
 */
export function parseTime(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = /^-?\d+$/.test(value) ? Number(value) : parseIsoTime(value);
  if (!Number.isFinite(ms)) {
    // A query string decodes + as a space: an offset sent as +02:00 arrives as " 02:00".
    const plus = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)? \d{2}:?\d{2}$/.test(value)
      ? "; an offset's + must be sent as %2B in a query string (a bare + reads as a space)"
      : '';
    throw new BadRequestException(
      `${name}: expected ISO-8601 (e.g. 2026-12-03T10:00:00Z; no offset means UTC) or epoch milliseconds, got "${value}"${plus}`,
    );
  }
  if (ms < EARLIEST_STORED_MS) {
    throw new BadRequestException(
      `${name}: ${value} is before 2000-01-01T00:00:00Z, the earliest time Fleetscope stores`,
    );
  }
  if (ms > LATEST_STORABLE_MS) {
    throw new BadRequestException(
      `${name}: ${value} is after ${new Date(LATEST_STORABLE_MS).toISOString()}, the latest time Fleetscope stores`,
    );
  }
  return ms;
}

/** `from`/`to` from a query string; the last 24 hours by default (docs/architecture.md "Public surface"). */
export function parseRange(
  from?: string,
  to?: string,
  now = Date.now(),
): { fromMs: number; toMs: number } {
  const toMs = parseTime('to', to) ?? now;
  const fromMs = parseTime('from', from) ?? Math.max(EARLIEST_STORED_MS, toMs - DAY_MS);
  if (fromMs >= toMs) throw new BadRequestException('from must be before to');
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY_MS)
    throw new BadRequestException(`from, to: the range may span at most ${MAX_RANGE_DAYS} days`);
  return { fromMs, toMs };
}

/** `step` as seconds: `60`, `60s`, `5m`, `1h`, `1d`. */
export function parseStep(
  step: string | undefined,
  range: { fromMs: number; toMs: number },
): number {
  if (step === undefined || step === '') {
    const span = (range.toMs - range.fromMs) / 1000;
    const steps = [60, 300, 900, 3600, 6 * 3600, 86400];
    return steps.find((s) => span / s <= 500) ?? 86400;
  }
  const match = /^(\d+)([smhd]?)$/.exec(step);
  if (!match) throw new BadRequestException(`step: expected e.g. 60, 5m, 1h or 1d, got "${step}"`);
  const seconds =
    Number(match[1]) *
    { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  // A step longer than the longest range gives one point: anything beyond it is a typo.
  if (seconds > MAX_RANGE_DAYS * 86400) {
    throw new BadRequestException(`step: "${step}" is too large; at most ${MAX_RANGE_DAYS}d`);
  }
  if (seconds < 60 || seconds % 60 !== 0) {
    throw new BadRequestException('step: must be a whole number of minutes, at least 1m');
  }
  if ((range.toMs - range.fromMs) / 1000 / seconds > 10_000) {
    throw new BadRequestException('step: too small for the range (more than 10,000 points)');
  }
  return seconds;
}
