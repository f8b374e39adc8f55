/*
 * OTLP/JSON field names as the reference Collector reads them (pdata's JSON unmarshalers): the
 * proto3 JSON mapping lets a sender write each field under its lowerCamelCase JSON name or its
 * proto name (`resource_spans`, `start_time_unix_nano`, `string_value`), and the Collector also
 * takes the pre-1.0 `instrumentationLibrary*` messages and migrates them to `scope*`. The
 * normalisers read only the lowerCamelCase names; this renames the others once, after parsing.
 */

/** The pre-1.0 messages, by their lowerCamelCase name, and the names that replaced them. */
const RENAMED: ReadonlyMap<string, string> = new Map([
  ['instrumentationLibrarySpans', 'scopeSpans'],
  ['instrumentationLibraryMetrics', 'scopeMetrics'],
  ['instrumentationLibraryLogs', 'scopeLogs'],
  ['instrumentationLibrary', 'scope'],
]);

function isOtherName(key: string): boolean {
  return key.includes('_') || key.startsWith('instrumentationLibrary');
}

/**
 * Whether the parsed body uses a name the normalisers would not read. A body is one serializer's
 * output, which names a field the same way in every item, so the keys are read along one path:
 * every resource entry (where the pre-1.0 messages sit), then the first element of each list
 * below. Scanning the text for such keys instead cost a fifth of JSON.parse on a 500 kB body.
 */
export function holdsOtherNames(body: Record<string, unknown>): boolean {
  for (const key in body) {
    if (isOtherName(key)) return true;
    const list = body[key];
    if (!Array.isArray(list)) continue;
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
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Renames, in place, every key of `root`'s objects to the name the normalisers read. OTLP/JSON has
 * no maps keyed by data (attributes are lists of {key, value}), so every key is a field name.
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
      let name = key.includes('_') ? camelCase(key) : key;
      // A Map: a sender's `constructor` or `__proto__` key must not find Object's members.
      name = RENAMED.get(name) ?? name;
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
