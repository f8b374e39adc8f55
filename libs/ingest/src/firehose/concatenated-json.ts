/**
 * Splits text holding several JSON values back to back (`{…}{…}` or one per line, as Firehose
 * concatenates CloudWatch Logs records: otel-contrib awsfirehosereceiver
 * cwlog_multiple_records.ndjson) into the text of each top-level object or array. One linear
 * pass that tracks string and escape state; returns undefined when the text is not such a
 * sequence (unbalanced brackets, something other than whitespace between values). Stops at
 * `maxValues + 1` values, unchecked beyond: `{}{}…` is two bytes a value, and the caller refuses
 * a text of more.
 */
export function splitConcatenatedJson(
  text: string,
  maxValues = Number.POSITIVE_INFINITY,
): string[] | undefined {
  const out: string[] = [];
  const n = text.length;
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0 && out.push(text.slice(start, i + 1)) > maxValues) return out;
    } else if (c === 34) {
      if (depth === 0) return undefined;
      inString = true;
    } else if (depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      return undefined;
    }
  }
  return depth === 0 && !inString ? out : undefined;
}
