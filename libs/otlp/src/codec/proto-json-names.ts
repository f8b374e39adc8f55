/*
 * OTLP/JSON field names as the reference Collector reads them (pdata's JSON unmarshalers): the
 * proto3 JSON mapping lets a sender write each field under its lowerCamelCase JSON name or its
 * proto name (`resource_spans`, `start_time_unix_nano`, `string_value`), and the Collector also
 * takes the pre-1.0 `instrumentationLibrary*` messages and migrates them to `scope*`. The
 * normalisers read only the lowerCamelCase names; this renames the others once, after parsing.
 */

/**
 * The JSON name of every field of the OTLP protos (libs/otlp/proto/opentelemetry: trace, metrics,
 * logs, common, resource and the collector requests and responses); proto-json-names.spec.ts checks
 * it against them. A fixed table: renaming by rule whatever key a sender wrote (a regex over each
 * `_x` of any key) took 40 s on a 60 MiB body of four keys of `_a` repeated.
 */
const JSON_NAMES = [
  'aggregationTemporality',
  'arrayValue',
  'asDouble',
  'asInt',
  'attributes',
  'body',
  'boolValue',
  'bucketCounts',
  'bytesValue',
  'code',
  'count',
  'dataPoints',
  'description',
  'descriptionKeys',
  'doubleValue',
  'droppedAttributesCount',
  'droppedEventsCount',
  'droppedLinksCount',
  'endTimeUnixNano',
  'entityRefs',
  'errorMessage',
  'eventName',
  'events',
  'exemplars',
  'explicitBounds',
  'exponentialHistogram',
  'filteredAttributes',
  'flags',
  'gauge',
  'histogram',
  'idKeys',
  'intValue',
  'isMonotonic',
  'key',
  'kind',
  'kvlistValue',
  'links',
  'logRecords',
  'max',
  'message',
  'metadata',
  'metrics',
  'min',
  'name',
  'negative',
  'observedTimeUnixNano',
  'offset',
  'parentSpanId',
  'partialSuccess',
  'positive',
  'quantile',
  'quantileValues',
  'rejectedDataPoints',
  'rejectedLogRecords',
  'rejectedSpans',
  'resource',
  'resourceLogs',
  'resourceMetrics',
  'resourceSpans',
  'scale',
  'schemaUrl',
  'scope',
  'scopeLogs',
  'scopeMetrics',
  'scopeSpans',
  'severityNumber',
  'severityText',
  'spanId',
  'spans',
  'startTimeUnixNano',
  'status',
  'stringValue',
  'sum',
  'summary',
  'timeUnixNano',
  'traceId',
  'traceState',
  'type',
  'unit',
  'value',
  'values',
  'version',
  'zeroCount',
  'zeroThreshold',
] as const;

/** The pre-1.0 messages, by their JSON name, and the names that replaced them. */
const PRE_1_0: readonly (readonly [string, string])[] = [
  ['instrumentationLibrarySpans', 'scopeSpans'],
  ['instrumentationLibraryMetrics', 'scopeMetrics'],
  ['instrumentationLibraryLogs', 'scopeLogs'],
  ['instrumentationLibrary', 'scope'],
];

/** The proto field name a JSON name stands for (proto3's JSON name, undone): `traceId` → `trace_id`. */
export function protoName(jsonName: string): string {
  return jsonName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Every field name the normalisers might be sent, to the name they read. A Map: a sender's
 * `constructor` or `__proto__` key must not find Object's members.
 */
export const FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ...JSON_NAMES.flatMap((name) => [[name, name] as const, [protoName(name), name] as const]),
  ...PRE_1_0.flatMap(([old, name]) => [[old, name] as const, [protoName(old), name] as const]),
]);

function isOtherName(key: string): boolean {
  const name = FIELD_NAMES.get(key);
  return name !== undefined && name !== key;
}

/**
 * Whether the parsed body uses a name the normalisers would not read. A body is one serializer's
 * output, which names a field the same way in every item, so the keys are read along one path:
 * every resource entry (where the pre-1.0 messages sit), then the first element of each list
 * below. Scanning the text for such keys instead cost a fifth of JSON.parse on a 500 kB body.
 * Only fields are walked: an unknown key's value is never read.
 */
export function holdsOtherNames(body: Record<string, unknown>): boolean {
  for (const key in body) {
    if (isOtherName(key)) return true;
    const list = body[key];
    if (!FIELD_NAMES.has(key) || !Array.isArray(list)) continue;
    for (const entry of list) if (sampleHoldsOtherNames(entry)) return true;
  }
  return false;
}

function sampleHoldsOtherNames(value: unknown): boolean {
  // Iterative: nesting depth is the sender's.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    let v = stack.pop();
    while (Array.isArray(v)) v = v[0];
    if (v === null || typeof v !== 'object') continue;
    const record = v as Record<string, unknown>;
    for (const key in record) {
      if (isOtherName(key)) return true;
      const child = record[key];
      if (child !== null && typeof child === 'object' && FIELD_NAMES.has(key)) stack.push(child);
    }
  }
  return false;
}

/**
 * Renames, in place, every field of `root`'s objects to the name the normalisers read. OTLP/JSON has
 * no maps keyed by data (attributes are lists of {key, value}), so every key is a field name or
 * one the Collector ignores; those are left as sent, unwalked.
 * Where a message carries both a field's names, the lowerCamelCase one wins; where it carries both
 * `scopeSpans` and the pre-1.0 `instrumentationLibrarySpans`, the former wins, as in pdata's
 * otlp.MigrateTraces. Iterative: nesting depth is the sender's.
 */
export function renameToJsonNames(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const name = FIELD_NAMES.get(key);
      // Not a field: the normalisers never read it, nor anything under it.
      if (name === undefined) continue;
      const child = record[key];
      if (name !== key) {
        delete record[key];
        const current = record[name];
        const empty = current === undefined || (Array.isArray(current) && current.length === 0);
        if (empty) record[name] = child;
        else continue;
      }
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
}
