import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OtlpSignal } from '@fleetscope/otlp';

// Kept once, beside the OTLP decoder's unit specs (see the SOURCES.md there).
const FIXTURES = join(
  __dirname,
  ...['..', '..', '..', 'libs', 'otlp', 'src', '__fixtures__', 'opentelemetry-proto-examples'],
);

/** The timestamp every opentelemetry-proto example is built around (2018-12-13T14:51:00Z). */
const EXAMPLE_EPOCH_NANOS = 1544712660000000000n;

export type ExampleFile = 'trace.json' | 'logs.json' | 'events.json' | 'metrics.json';

export const EXAMPLE_SIGNAL: Record<ExampleFile, OtlpSignal> = {
  'trace.json': 'traces',
  'logs.json': 'logs',
  'events.json': 'logs',
  'metrics.json': 'metrics',
};

/**
 * An opentelemetry-proto example as sent, with its 19-digit nanosecond timestamps moved to
 * `epochNanos` (offsets kept) so rows land inside the retention window; everything else, upper-case
 * hex ids included, is left as in the file. `epochNanos` with sub-millisecond digits checks that
 * nanoseconds survive exactly (a double would round them).
 */
export function exampleText(file: ExampleFile, epochNanos: bigint): string {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  return text.replace(/"(\d{19})"/g, (_match, nanos: string) => `"${rebase(nanos, epochNanos)}"`);
}

export function rebase(exampleNanos: string, epochNanos: bigint): string {
  return String(BigInt(exampleNanos) - EXAMPLE_EPOCH_NANOS + epochNanos);
}

/** Now, in nanoseconds, with non-zero digits below the millisecond. */
export function recentEpochNanos(offsetMs: number, subMillisecondNanos: number): bigint {
  return BigInt(Date.now() + offsetMs) * 1_000_000n + BigInt(subMillisecondNanos);
}
