import type {
  OtlpKeyValue,
  OtlpResourceSpans,
  OtlpScopeSpans,
  OtlpSpan,
  OtlpSpanEvent,
  OtlpSpanLink,
  OtlpTraceRequest,
} from '../common/otlp-request.types';
import {
  anyValueToString,
  idBytesToHex,
  int64BitsToDecimal,
  uint64ToDecimal,
} from '../common/otlp-values';
import { opentelemetry } from '../generated/otlp';

/*
 * A hand-written reader of the protobuf wire format (protobuf encoding.md) for the hot path of
 * trace ingest: ExportTraceServiceRequest → ResourceSpans → ScopeSpans → Span → KeyValue/AnyValue.
 * It reads straight into what normaliseTraces keeps: ids as lower-case hex, 64-bit nanoseconds as
 * exact decimal strings, span attributes already flattened to a string map. No Long, no Buffer
 * slice per id, no KeyValue/AnyValue objects that would only be copied. The rarely used parts
 * (resource, scope, events, links, array/kvlist values) go to the generated protobufjs decoders.
 *
 * Differences from protobufjs, both per the protobuf spec: a known field sent with another wire
 * type is skipped as unknown (protobufjs would misread it), and when an AnyValue carries several
 * members of its oneof the last one wins.
 */

const pb = opentelemetry.proto;

/** Malformed input; decodeTracesProtobuf turns it into a DecodeError. */
export class WireFormatError extends Error {}

/** Node's Buffer string slicers: what Buffer#toString calls, without its argument handling. */
interface SlicingBuffer extends Buffer {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
  base64Slice(start: number, end: number): string;
}

const STATUS_UNSET: Readonly<{ code: number; message: string }> = Object.freeze({
  code: 0,
  message: '',
});

/**
 * A span as the reader leaves it: an OtlpSpan (attributes are decoded from the span's bytes on
 * first access) that also carries its attributes flattened and its duration, which
 * normaliseTraces uses as they are.
 */
export class WireSpan implements OtlpSpan {
  /** Ids as strings are valid (right length, not all zeroes, lower-case hex); bytes are not. */
  traceId: string | Uint8Array | undefined = undefined;
  spanId: string | Uint8Array | undefined = undefined;
  parentSpanId: string | Uint8Array | undefined = undefined;
  traceState = '';
  name = '';
  kind = 0;
  startTimeUnixNano = '0';
  events: OtlpSpanEvent[] | undefined = undefined;
  links: OtlpSpanLink[] | undefined = undefined;
  status: Readonly<{ code: number; message: string }> | undefined = undefined;
  flags = 0;
  /** end − start in nanoseconds; 0 when end is 0 or not after start (as nanosDiff). */
  durationNanos = 0;
  /** An end time is set and lies before the start: the span is invalid. */
  endBeforeStart = false;
  /** The start in whole milliseconds (as nanosStringToMs). */
  startMs = 0;
  /** end_time_unix_nano's halves: its decimal is only made if asked for. */
  endLow = 0;
  endHigh = 0;
  private decodedAttributes: OtlpKeyValue[] | undefined = undefined;

  constructor(
    /** The attributes as flattenAttributes would give them. */
    readonly flatAttributes: Record<string, string>,
    private readonly source: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** JSON of the OtlpSpan, not of the reader's bookkeeping (the request body it points into). */
  toJSON(): OtlpSpan {
    return {
      traceId: this.traceId,
      spanId: this.spanId,
      parentSpanId: this.parentSpanId,
      traceState: this.traceState,
      name: this.name,
      kind: this.kind,
      startTimeUnixNano: this.startTimeUnixNano,
      endTimeUnixNano: this.endTimeUnixNano,
      attributes: this.attributes,
      events: this.events,
      links: this.links,
      status: this.status,
      flags: this.flags,
    };
  }

  get endTimeUnixNano(): string {
    return uint64ToDecimal(this.endLow, this.endHigh);
  }

  get attributes(): OtlpKeyValue[] {
    if (this.decodedAttributes === undefined) {
      try {
        const span = pb.trace.v1.Span.decode(this.source.subarray(this.start, this.end));
        this.decodedAttributes = span.attributes;
      } catch {
        // Bytes this reader accepted but protobufjs does not (a field with an unexpected wire
        // type): fall back to the flattened strings.
        this.decodedAttributes = Object.entries(this.flatAttributes).map(([key, v]) => ({
          key,
          value: { stringValue: v },
        }));
      }
    }
    return this.decodedAttributes;
  }
}

// Reader state: one request is read at a time, synchronously, so module variables serve as the
// cursor (no reader object to dereference on every byte).
const EMPTY = Buffer.alloc(0) as SlicingBuffer;
let buf = EMPTY;
/** The same bytes, for comparing four at a time. */
const EMPTY_VIEW = new DataView(EMPTY.buffer, EMPTY.byteOffset, 0);
let view = EMPTY_VIEW;
let pos = 0;
/** The last 64-bit varint read, as two's complement halves. */
let lo = 0;
let hi = 0;

function truncated(): WireFormatError {
  return new WireFormatError(`truncated message at byte ${pos}`);
}

/** A varint's low 32 bits, unsigned (64-bit varints are consumed whole, as protobufjs uint32). */
function readVarint32(end: number): number {
  if (pos >= end) throw truncated();
  let b = buf[pos++];
  if (b < 0x80) return b;
  let v = b & 0x7f;
  for (let shift = 7; shift < 28; shift += 7) {
    if (pos >= end) throw truncated();
    b = buf[pos++];
    v |= (b & 0x7f) << shift;
    if (b < 0x80) return v >>> 0;
  }
  if (pos >= end) throw truncated();
  b = buf[pos++];
  v |= b << 28;
  if (b < 0x80) return v >>> 0;
  for (let i = 0; i < 5; i++) {
    if (pos >= end) throw truncated();
    if (buf[pos++] < 0x80) return v >>> 0;
  }
  throw new WireFormatError(`varint longer than 10 bytes at byte ${pos}`);
}

/** A 64-bit varint into lo/hi. */
function readVarint64(end: number): void {
  let l = 0;
  let h = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) throw truncated();
    b = buf[pos++];
    l |= (b & 0x7f) << shift;
    if (b < 0x80) {
      lo = l;
      hi = 0;
      return;
    }
  }
  if (pos >= end) throw truncated();
  b = buf[pos++];
  l |= (b & 0x7f) << 28;
  h = (b & 0x7f) >> 4;
  if (b >= 0x80) {
    for (let shift = 3; ; shift += 7) {
      if (shift > 31) throw new WireFormatError(`varint longer than 10 bytes at byte ${pos}`);
      if (pos >= end) throw truncated();
      b = buf[pos++];
      h |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
  }
  lo = l;
  hi = h;
}

/** Length of a length-delimited field, checked against the enclosing message. */
function readLength(end: number): number {
  const n = readVarint32(end);
  if (n > end - pos) throw truncated();
  return n;
}

/** Reads a sub-message's length; returns where it ends. */
function readMessageEnd(end: number): number {
  const n = readLength(end);
  return pos + n;
}

function uint32At(p: number): number {
  return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
}

function skipField(tag: number, end: number, depth = 0): void {
  switch (tag & 7) {
    case 0:
      readVarint64(end);
      return;
    case 1:
      if (end - pos < 8) throw truncated();
      pos += 8;
      return;
    case 2: {
      const n = readLength(end); // before `pos +=`, which would read pos first
      pos += n;
      return;
    }
    case 3: {
      // A group (proto2): skip to its matching end-group tag.
      if (depth > 64) throw new WireFormatError('groups nested too deeply');
      for (;;) {
        const inner = readVarint32(end);
        if ((inner & 7) === 4) {
          if (inner >>> 3 !== tag >>> 3) throw new WireFormatError('mismatched end-group tag');
          return;
        }
        if (inner >>> 3 === 0) throw new WireFormatError(`invalid field number 0 at byte ${pos}`);
        skipField(inner, end, depth + 1);
      }
    }
    case 5:
      if (end - pos < 4) throw truncated();
      pos += 4;
      return;
    default:
      throw new WireFormatError(`invalid wire type ${tag & 7} at byte ${pos}`);
  }
}

/** Reads the next tag; field number 0 is invalid (encoding.md). */
function readTag(end: number): number {
  const tag = readVarint32(end);
  if (tag < 8) throw new WireFormatError(`invalid field number 0 at byte ${pos}`);
  return tag;
}

/*
 * Attribute keys, span names and scope fields recur span after span ('faas.trigger', 'checkout'):
 * a direct-mapped cache of ASCII strings by their bytes hands back the same string instead of
 * decoding a new one. Collisions simply replace the entry, so memory stays bounded whatever the
 * input. Keys are kept internalized, as property names are. (Attribute values are not looked up:
 * readKeyValue catches a repeated attribute whole, and the rest are mostly unique ids.)
 */
const CACHE_SIZE = 4096;
const MAX_CACHED_LENGTH = 64;
const keyCache: string[] = new Array<string>(CACHE_SIZE).fill('');
const valueCache: string[] = new Array<string>(CACHE_SIZE).fill('');

/** The internalized copy of s: property names always are (defineProperty, for '__proto__'). */
function internalized(s: string): string {
  return Object.keys(Object.defineProperty({}, s, { value: true, enumerable: true }))[0];
}

function stringAt(start: number, n: number, cache: string[], isKey: boolean): string {
  if (n === 0) return '';
  const stop = start + n;
  if (n > MAX_CACHED_LENGTH) return buf.utf8Slice(start, stop);
  // The slot comes from the length and five sampled bytes; the full comparison decides a hit.
  // Cached strings are all ASCII, so a hit also proves the bytes are.
  const last = stop - 1;
  let h = Math.imul(n ^ buf[start], 0x01000193);
  h = Math.imul(h ^ buf[last], 0x01000193);
  h = Math.imul(h ^ buf[start + (n >> 1)], 0x01000193);
  h = Math.imul(h ^ buf[last - (n >> 2)], 0x01000193);
  h = Math.imul(h ^ buf[start + (n >> 2)], 0x01000193);
  const slot = (h ^ (h >>> 15)) & (CACHE_SIZE - 1);
  const hit = cache[slot];
  if (hit.length === n) {
    let i = 0;
    while (i < n && hit.charCodeAt(i) === buf[start + i]) i++;
    if (i === n) return hit;
  }
  for (let i = start; i < stop; i++) {
    if (buf[i] > 0x7f) return buf.utf8Slice(start, stop); // non-ASCII: not cached
  }
  let s = buf.latin1Slice(start, stop); // ASCII, so latin1 = UTF-8
  if (isKey) s = internalized(s);
  cache[slot] = s;
  return s;
}

/** A string that rarely repeats: decoded, not looked up. */
function readPlainString(end: number): string {
  const n = readLength(end);
  const start = pos;
  pos += n;
  return n === 0 ? '' : buf.utf8Slice(start, pos);
}

function readString(end: number, cache: string[], isKey: boolean): string {
  const n = readLength(end);
  const s = stringAt(pos, n, cache, isKey);
  pos += n;
  return s;
}

/**
 * An id: hex when it has the id's length and is not all zeroes, so a string id is always a valid
 * one; else the raw bytes, for the normaliser to say what is wrong.
 */
function readId(end: number, bytes: 8 | 16): string | Uint8Array | undefined {
  const n = readLength(end);
  const start = pos;
  pos += n;
  if (n === bytes) {
    let any = 0;
    for (let i = start; i < pos; i++) any |= buf[i];
    if (any !== 0) return idBytesToHex(buf, start, bytes);
  }
  return n === 0 ? undefined : buf.subarray(start, pos);
}

/** A sub-message's bytes for a generated decoder. */
function readMessageBytes(end: number): Buffer {
  const n = readLength(end);
  const start = pos;
  pos += n;
  return buf.subarray(start, pos);
}

/** AnyValue → the attribute-map string, as anyValueToString gives it. */
function readAnyValue(end: number): string {
  const stop = readMessageEnd(end);
  let out = '';
  while (pos < stop) {
    const tag = readTag(stop);
    switch (tag) {
      case 0x0a: // string_value
        out = readPlainString(stop); // repeats are caught whole by readKeyValue
        break;
      case 0x10: // bool_value
        out = readVarint32(stop) !== 0 ? 'true' : 'false';
        break;
      case 0x18: // int_value
        readVarint64(stop);
        out = int64BitsToDecimal(lo | 0, hi | 0);
        break;
      case 0x21: // double_value
        if (stop - pos < 8) throw truncated();
        out = String(buf.readDoubleLE(pos));
        pos += 8;
        break;
      case 0x2a: // array_value
        out = anyValueToString({
          arrayValue: pb.common.v1.ArrayValue.decode(readMessageBytes(stop)),
        });
        break;
      case 0x32: // kvlist_value
        out = anyValueToString({
          kvlistValue: pb.common.v1.KeyValueList.decode(readMessageBytes(stop)),
        });
        break;
      case 0x3a: {
        // bytes_value
        const n = readLength(stop);
        out = buf.base64Slice(pos, pos + n);
        pos += n;
        break;
      }
      default:
        skipField(tag, stop);
    }
  }
  return out;
}

/*
 * Spans of one batch mostly repeat their attributes, in the same order ('faas.trigger' = 'http' in
 * every span): the n-th KeyValue of the previous span is remembered by its place in the request
 * body, and a KeyValue with the same bytes takes its key and value without being parsed again.
 */
const REMEMBERED = 32;
const rememberedStart = new Int32Array(REMEMBERED);
const rememberedLength = new Int32Array(REMEMBERED).fill(-1);
const rememberedKey: string[] = new Array<string>(REMEMBERED).fill('');
const rememberedValue: string[] = new Array<string>(REMEMBERED).fill('');

function forgetKeyValues(): void {
  rememberedLength.fill(-1);
}

/** Whether buf[a, a+n) equals buf[b, b+n): four bytes at a time, then the rest. */
function sameBytes(a: number, b: number, n: number): boolean {
  let i = 0;
  for (const whole = n - 3; i < whole; i += 4) {
    if (view.getInt32(a + i) !== view.getInt32(b + i)) return false;
  }
  for (; i < n; i++) if (buf[a + i] !== buf[b + i]) return false;
  return true;
}

/**
 * The index-th KeyValue of a span into its map, with flattenAttributes's rules (no empty key, the
 * last of a repeated key wins, '__proto__' as an own property).
 */
function readKeyValue(end: number, into: Record<string, string>, index: number): void {
  const n = readLength(end);
  const start = pos;
  const stop = start + n;
  let key = '';
  let value = '';
  if (
    index < REMEMBERED &&
    rememberedLength[index] === n &&
    sameBytes(rememberedStart[index], start, n)
  ) {
    key = rememberedKey[index];
    value = rememberedValue[index];
    pos = stop;
  } else {
    while (pos < stop) {
      const tag = readTag(stop);
      if (tag === 0x0a) key = readString(stop, keyCache, true);
      else if (tag === 0x12) value = readAnyValue(stop);
      else skipField(tag, stop);
    }
    if (index < REMEMBERED) {
      rememberedStart[index] = start;
      rememberedLength[index] = n;
      rememberedKey[index] = key;
      rememberedValue[index] = value;
    }
  }
  if (key === '') return;
  if (key === '__proto__') {
    Object.defineProperty(into, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    into[key] = value;
  }
}

function readStatus(end: number): Readonly<{ code: number; message: string }> {
  const stop = readMessageEnd(end);
  let code = 0;
  let message = '';
  while (pos < stop) {
    const tag = readTag(stop);
    if (tag === 0x12) message = readString(stop, valueCache, false);
    else if (tag === 0x18) code = readVarint32(stop) | 0;
    else skipField(tag, stop);
  }
  return code === 0 && message === '' ? STATUS_UNSET : { code, message };
}

function readSpan(end: number): WireSpan {
  const stop = readMessageEnd(end);
  const span = new WireSpan({}, buf, pos, stop);
  const attributes = span.flatAttributes;
  let attributeCount = 0;
  let startLo = 0;
  let startHi = 0;
  let endLo = 0;
  let endHi = 0;
  while (pos < stop) {
    const tag = readTag(stop);
    switch (tag) {
      case 0x0a:
        span.traceId = readId(stop, 16);
        break;
      case 0x12:
        span.spanId = readId(stop, 8);
        break;
      case 0x1a:
        span.traceState = readPlainString(stop);
        break;
      case 0x22:
        span.parentSpanId = readId(stop, 8);
        break;
      case 0x2a:
        span.name = readString(stop, valueCache, false);
        break;
      case 0x30:
        span.kind = readVarint32(stop) | 0;
        break;
      case 0x39: // start_time_unix_nano, fixed64
        if (stop - pos < 8) throw truncated();
        startLo = uint32At(pos);
        startHi = uint32At(pos + 4);
        pos += 8;
        break;
      case 0x41: // end_time_unix_nano, fixed64
        if (stop - pos < 8) throw truncated();
        endLo = uint32At(pos);
        endHi = uint32At(pos + 4);
        pos += 8;
        break;
      case 0x4a:
        readKeyValue(stop, attributes, attributeCount++);
        break;
      case 0x5a:
        (span.events ??= []).push(pb.trace.v1.Span.Event.decode(readMessageBytes(stop)));
        break;
      case 0x6a:
        (span.links ??= []).push(pb.trace.v1.Span.Link.decode(readMessageBytes(stop)));
        break;
      case 0x7a:
        span.status = readStatus(stop);
        break;
      case 0x85: // flags, fixed32 (field 16: its tag is the varint 0x85 0x01)
        if (stop - pos < 4) throw truncated();
        span.flags = uint32At(pos);
        pos += 4;
        break;
      default:
        skipField(tag, stop);
    }
  }
  span.startTimeUnixNano = uint64ToDecimal(startLo, startHi);
  // floor(start / 10^6), exactly: hi·2^32 = hi·4294·10^6 + hi·967296, and hi·967296 + lo < 2^53.
  span.startMs = startHi * 4294 + Math.floor((startHi * 967296 + startLo) / 1e6);
  span.endLow = endLo;
  span.endHigh = endHi;
  if (endLo !== 0 || endHi !== 0) {
    const d = (endHi - startHi) * 4294967296 + (endLo - startLo);
    span.durationNanos = d > 0 ? d : 0;
    span.endBeforeStart = d < 0;
  }
  return span;
}

function readScopeSpans(end: number): OtlpScopeSpans {
  const stop = readMessageEnd(end);
  const out: OtlpScopeSpans & { schemaUrl: string } = { scope: null, spans: [], schemaUrl: '' };
  const spans: WireSpan[] = [];
  while (pos < stop) {
    const tag = readTag(stop);
    if (tag === 0x12) spans.push(readSpan(stop));
    else if (tag === 0x0a)
      out.scope = pb.common.v1.InstrumentationScope.decode(readMessageBytes(stop));
    else if (tag === 0x1a) out.schemaUrl = readString(stop, valueCache, false);
    else skipField(tag, stop);
  }
  out.spans = spans;
  return out;
}

function readResourceSpans(end: number): OtlpResourceSpans {
  const stop = readMessageEnd(end);
  const out: OtlpResourceSpans & { schemaUrl: string } = {
    resource: null,
    scopeSpans: [],
    schemaUrl: '',
  };
  const scopeSpans: OtlpScopeSpans[] = [];
  while (pos < stop) {
    const tag = readTag(stop);
    if (tag === 0x12) scopeSpans.push(readScopeSpans(stop));
    else if (tag === 0x0a) out.resource = pb.resource.v1.Resource.decode(readMessageBytes(stop));
    else if (tag === 0x1a) out.schemaUrl = readString(stop, valueCache, false);
    else skipField(tag, stop);
  }
  out.scopeSpans = scopeSpans;
  return out;
}

/**
 * ExportTraceServiceRequest bytes → the request, with WireSpan spans. Throws WireFormatError (or
 * a generated decoder's error) on malformed input; the caller turns that into a DecodeError.
 */
export function readTraceRequest(bytes: Buffer): OtlpTraceRequest {
  buf = bytes as SlicingBuffer;
  view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  pos = 0;
  forgetKeyValues(); // they point into the previous body
  const end = bytes.length;
  const resourceSpans: OtlpResourceSpans[] = [];
  try {
    while (pos < end) {
      const tag = readTag(end);
      if (tag === 0x0a) resourceSpans.push(readResourceSpans(end));
      else skipField(tag, end);
    }
  } finally {
    buf = EMPTY; // do not keep the request body alive between calls
    view = EMPTY_VIEW;
  }
  return { resourceSpans };
}
