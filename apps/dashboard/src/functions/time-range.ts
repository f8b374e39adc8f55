import { BadRequestException } from '@nestjs/common';

const DAY_MS = 24 * 3600_000;

/** Parses ISO-8601 or epoch milliseconds; undefined when absent. */
export function parseTime(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new BadRequestException(
      `${name}: expected ISO-8601 or epoch milliseconds, got "${value}"`,
    );
  }
  return ms;
}

/** `from`/`to` from a query string; the last 24 hours by default (DESIGN.md public surface). */
export function parseRange(
  from?: string,
  to?: string,
  now = Date.now(),
): { fromMs: number; toMs: number } {
  const toMs = parseTime('to', to) ?? now;
  const fromMs = parseTime('from', from) ?? toMs - DAY_MS;
  if (fromMs >= toMs) throw new BadRequestException('from must be before to');
  if (toMs - fromMs > 400 * DAY_MS)
    throw new BadRequestException('the range may span at most 400 days');
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
  if (seconds < 60 || seconds % 60 !== 0) {
    throw new BadRequestException('step: must be a whole number of minutes, at least 1m');
  }
  if ((range.toMs - range.fromMs) / 1000 / seconds > 10_000) {
    throw new BadRequestException('step: too small for the range (more than 10,000 points)');
  }
  return seconds;
}
