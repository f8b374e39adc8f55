/**
 * The skeleton the Kubernetes-based inventory readers (OpenFaaS `GET /system/functions`, Knative
 * Services) share: a JSON body of items, each mapped to a hint or skipped and counted, and the
 * helpers to read loosely typed Kubernetes JSON.
 */
export type InventoryHintsResult<H> =
  | { ok: true; hints: H[]; rejected: number; errors: string[] }
  | { ok: false; reason: 'invalid_json' | 'invalid_shape'; message: string };

/** At most this many rejection messages are kept (the count covers all). */
const MAX_ERRORS = 20;

/** Maps every item; `map` returns the hint, or the message saying why the item was skipped. */
export function mapInventoryItems<H>(
  items: readonly unknown[],
  map: (item: unknown, index: number) => H | { skipped: string },
): InventoryHintsResult<H> {
  const hints: H[] = [];
  const errors: string[] = [];
  let rejected = 0;
  items.forEach((item, index) => {
    const hint = map(item, index);
    if (isSkipped(hint)) {
      rejected++;
      if (errors.length < MAX_ERRORS) errors.push(hint.skipped);
    } else hints.push(hint);
  });
  return { ok: true, hints, rejected, errors };
}

function isSkipped<H>(value: H | { skipped: string }): value is { skipped: string } {
  return typeof value === 'object' && value !== null && 'skipped' in value;
}

/** `value` when it is a JSON object, else an empty one. */
export function jsonObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The string entries of a JSON object (labels, annotations, environment variables). */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(jsonObject(value))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A pod's memory size: its limit, or its request when no limit is set. */
export function podMemorySizeMb(limitMb: number | null, requestMb: number | null): number | null {
  return limitMb ?? requestMb;
}
