/**
 * Counts the items of an OTLP protobuf request (spans, log records, metric data points) by walking
 * only the envelope messages and skipping each item by its length. A tiny body of empty items
 * would otherwise become millions of decoded objects, far more memory than its byte size says:
 * callers check the count before decoding. Malformed input stops the count; the decoder reports it.
 */
export type ItemPath = readonly (readonly number[])[];

/** ResourceSpans(1) → ScopeSpans(2) → Span(2). */
export const SPAN_PATH: ItemPath = [[1], [2], [2]];
/** ResourceSpans(1) → ScopeSpans(2) → Span(2) → events(11) | links(13). */
export const SPAN_EVENT_LINK_PATH: ItemPath = [[1], [2], [2], [11, 13]];
/** ResourceLogs(1) → ScopeLogs(2) → LogRecord(2). */
export const LOG_RECORD_PATH: ItemPath = [[1], [2], [2]];
/** ResourceMetrics(1) → ScopeMetrics(2) → Metric(2) → gauge|sum|histogram|exp|summary → point(1). */
export const DATA_POINT_PATH: ItemPath = [[1], [2], [2], [5, 7, 9, 10, 11], [1]];

/**
 * HistogramDataPoint.bucket_counts (packed fixed64) under ResourceMetrics → ScopeMetrics → Metric
 * → histogram(9) → point(1).
 */
export const HISTOGRAM_BUCKET_PATH: ItemPath = [[1], [2], [2], [9], [1], [6]];
/** ExponentialHistogramDataPoint.positive|negative(8, 9) → Buckets.bucket_counts (packed varint). */
export const EXPONENTIAL_BUCKET_PATH: ItemPath = [[1], [2], [2], [10], [1], [8, 9], [2]];

/**
 * How a leaf field of a path counts: a message item counts once; a repeated number counts each
 * value, packed (in one length-delimited field) or not.
 */
export type LeafKind = 'message' | 'varint' | 'fixed64';

export function countProtobufItems(buf: Uint8Array, path: ItemPath, stopAbove: number): number {
  return countLeaves(buf, path, 'message', stopAbove);
}

/**
 * The values of a repeated number field at the end of `path`, packed or not. A histogram bucket
 * count is one byte on the wire and a 64-bit Long object (about 70 bytes) once decoded.
 */
export function countProtobufValues(
  buf: Uint8Array,
  path: ItemPath,
  kind: 'varint' | 'fixed64',
  stopAbove: number,
): number {
  return countLeaves(buf, path, kind, stopAbove);
}

function countLeaves(buf: Uint8Array, path: ItemPath, kind: LeafKind, stopAbove: number): number {
  let count = 0;
  const leaf = path.length - 1;
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
      const atLeaf = depth === leaf && path[depth].includes(field);
      switch (tag & 7) {
        case 0:
          while (at < end && buf[at++] >= 0x80);
          if (atLeaf && kind === 'varint' && ++count > stopAbove) return false;
          break;
        case 1:
          at += 8;
          if (atLeaf && kind === 'fixed64' && ++count > stopAbove) return false;
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
          if (atLeaf) {
            count += packedCount(buf, at, next, kind);
            if (count > stopAbove) return false;
          } else if (depth < leaf && path[depth].includes(field)) {
            if (!scan(at, next, depth + 1)) return false;
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

/** Values in a length-delimited field: one message, or the packed numbers of [start, end). */
function packedCount(buf: Uint8Array, start: number, end: number, kind: LeafKind): number {
  if (kind === 'message') return 1;
  if (kind === 'fixed64') return Math.floor((end - start) / 8);
  let n = 0;
  for (let i = start; i < end; i++) if (buf[i] < 0x80) n++;
  return n;
}
