/**
 * Counts the items of an OTLP protobuf request (spans, log records, metric data points) by walking
 * only the envelope messages and skipping each item by its length. A tiny body of empty items
 * would otherwise become millions of decoded objects, far more memory than its byte size says:
 * callers check the count before decoding. Malformed input stops the count; the decoder reports it.
 */
export type ItemPath = readonly (readonly number[])[];

/** ResourceSpans(1) → ScopeSpans(2) → Span(2). */
export const SPAN_PATH: ItemPath = [[1], [2], [2]];
/** ResourceLogs(1) → ScopeLogs(2) → LogRecord(2). */
export const LOG_RECORD_PATH: ItemPath = [[1], [2], [2]];
/** ResourceMetrics(1) → ScopeMetrics(2) → Metric(2) → gauge|sum|histogram|exp|summary → point(1). */
export const DATA_POINT_PATH: ItemPath = [[1], [2], [2], [5, 7, 9, 10, 11], [1]];

export function countProtobufItems(buf: Uint8Array, path: ItemPath, stopAbove: number): number {
  let count = 0;
  const scan = (start: number, end: number, depth: number): boolean => {
    let at = start;
    while (at < end) {
      let tag = 0;
      let shift = 0;
      for (;;) {
        if (at >= end || shift > 28) return false;
        const b = buf[at++];
        tag |= (b & 0x7f) << shift;
        if (b < 0x80) break;
        shift += 7;
      }
      const field = tag >>> 3;
      switch (tag & 7) {
        case 0:
          while (at < end && buf[at++] >= 0x80);
          break;
        case 1:
          at += 8;
          break;
        case 5:
          at += 4;
          break;
        case 2: {
          let length = 0;
          let mul = 1;
          for (;;) {
            if (at >= end || mul > 2 ** 35) return false;
            const b = buf[at++];
            length += (b & 0x7f) * mul;
            if (b < 0x80) break;
            mul *= 128;
          }
          const next = at + length;
          if (next > end) return false;
          if (path[depth].includes(field)) {
            if (depth === path.length - 1) {
              if (++count > stopAbove) return false;
            } else if (!scan(at, next, depth + 1)) {
              return false;
            }
          }
          at = next;
          break;
        }
        default:
          return false;
      }
    }
    return true;
  };
  scan(0, buf.length, 0);
  return count;
}
