import type { Int64, LongBits, OtlpAnyValue, OtlpBytes, OtlpKeyValue } from './otlp-request.types';

/*
 * Value conversions shared by the normalisers. 64-bit integers never pass through a JS number when
 * they may exceed 2^53 (nanosecond timestamps do): Long bits are turned into decimal digits with
 * integer arithmetic on 24-bit limbs, and decimal strings are kept as they are.
 */

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));
/** Byte → char codes of its two lower-case hex digits. */
const HEX_HI = new Uint8Array(256);
const HEX_LO = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  HEX_HI[i] = HEX[i].charCodeAt(0);
  HEX_LO[i] = HEX[i].charCodeAt(1);
}

function isLongBits(v: unknown): v is LongBits {
  return typeof v === 'object' && v !== null && typeof (v as LongBits).low === 'number';
}

function pad9(n: number): string {
  const s = String(n);
  return s.length >= 9 ? s : '000000000'.slice(s.length) + s;
}

/** Unsigned 64-bit (two 32-bit halves) to decimal, exactly. */
export function uint64ToDecimal(low: number, high: number): string {
  const lo = low >>> 0;
  const hi = high >>> 0;
  if (hi < 0x200000) return String(hi * 4294967296 + lo); // < 2^53: exact as a double
  // Long division by 10^9 over 16-bit limbs (every partial value stays below 2^53), so the result
  // is seconds and nanoseconds for timestamps: two number→string conversions and one concatenation.
  let cur = hi;
  const q2 = Math.floor(cur / 1e9);
  let r = cur - q2 * 1e9;
  cur = r * 65536 + (lo >>> 16);
  const q1 = Math.floor(cur / 1e9);
  r = cur - q1 * 1e9;
  cur = r * 65536 + (lo & 0xffff);
  const q0 = Math.floor(cur / 1e9);
  r = cur - q0 * 1e9;
  return String(q2 * 4294967296 + q1 * 65536 + q0) + pad9(r);
}

/** Signed 64-bit (two's complement halves, as protobufjs Long keeps them) to decimal, exactly. */
export function int64BitsToDecimal(low: number, high: number): string {
  if (high >= 0) {
    if (high === 0) return String(low >>> 0);
    return uint64ToDecimal(low, high);
  }
  if (high === -1 && low < 0) return String(low); // small negative
  // two's complement negation
  const nLow = (~low + 1) >>> 0;
  const nHigh = (~high + (nLow === 0 ? 1 : 0)) >>> 0;
  return '-' + uint64ToDecimal(nLow, nHigh);
}

function longToDecimal(v: LongBits): string {
  const { low, high } = v;
  if (v.unsigned) return high === 0 ? String(low >>> 0) : uint64ToDecimal(low, high);
  return int64BitsToDecimal(low | 0, high | 0);
}

function isDigits(s: string, allowMinus: boolean): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  let i = 0;
  if (allowMinus && s.charCodeAt(0) === 45) {
    if (n === 1) return false;
    i = 1;
  }
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * An unsigned nanosecond timestamp (fixed64) as a decimal string without leading zeros; '0' when
 * absent; undefined when it is not a valid non-negative integer.
 */
export function nanosToString(v: Int64 | null | undefined): string | undefined {
  if (v === undefined || v === null) return '0';
  if (typeof v === 'string') {
    if (!isDigits(v, false)) return v === '' ? '0' : undefined;
    if (v.charCodeAt(0) !== 48 || v.length === 1) return v;
    const trimmed = v.replace(/^0+/, '');
    return trimmed === '' ? '0' : trimmed;
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return undefined;
    return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  }
  if (isLongBits(v)) return uint64ToDecimal(v.low, v.high);
  return undefined;
}

/** A signed 64-bit integer as decimal, exactly; undefined when invalid. */
export function int64ToString(v: Int64 | null | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return isDigits(v, true) ? v : undefined;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return undefined;
    return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  }
  if (isLongBits(v)) return longToDecimal(v);
  return undefined;
}

/** A 64-bit integer as a JS number (counts, metric values): precision loss above 2^53 is accepted. */
export function int64ToNumber(v: Int64 | null | undefined): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isFinite(n) ? n : 0;
  }
  if (isLongBits(v)) {
    return v.unsigned
      ? (v.high >>> 0) * 4294967296 + (v.low >>> 0)
      : v.high * 4294967296 + (v.low >>> 0);
  }
  return 0;
}

/** A double that OTLP/JSON may also spell as a string ("NaN", "Infinity", "1.5"). */
export function toDouble(v: number | string | null | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v !== '') {
    const n = Number(v);
    return Number.isNaN(n) && v !== 'NaN' ? undefined : n;
  }
  return undefined;
}

/** Integer milliseconds from a decimal nanosecond string, exactly (no float division). */
export function nanosStringToMs(nanos: string): number {
  const digits = nanos.length - 6;
  if (digits <= 0) return 0;
  // Digit by digit rather than Number(slice): no substring per row; at most 14 digits, so exact.
  let ms = 0;
  for (let i = 0; i < digits; i++) {
    const d = nanos.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(nanos.slice(0, -6));
    ms = ms * 10 + d;
  }
  return ms;
}

/**
 * end − start in nanoseconds as a number (durations are far below 2^53); negative → 0. Uses the
 * Long bits when both are Longs (the protobuf path), else the decimal strings.
 */
export function nanosDiff(
  end: string,
  start: string,
  endRaw?: Int64 | null,
  startRaw?: Int64 | null,
): number {
  let d: number;
  if (isLongBits(endRaw) && isLongBits(startRaw)) {
    d =
      ((endRaw.high >>> 0) - (startRaw.high >>> 0)) * 4294967296 +
      ((endRaw.low >>> 0) - (startRaw.low >>> 0));
  } else if (end.length <= 15 && start.length <= 15) {
    d = Number(end) - Number(start);
  } else {
    const eh = end.length > 9 ? Number(end.slice(0, -9)) : 0;
    const el = Number(end.length > 9 ? end.slice(-9) : end);
    const sh = start.length > 9 ? Number(start.slice(0, -9)) : 0;
    const sl = Number(start.length > 9 ? start.slice(-9) : start);
    d = (eh - sh) * 1e9 + (el - sl);
  }
  return d > 0 ? d : 0;
}

export type IdResult = { hex: string } | { invalid: string };

/**
 * Lower-case hex of the 8 or 16 bytes of a span or trace id at b[p]. One flat string made from the
 * byte→hex table in a single String.fromCharCode call: measured faster than Buffer#hexSlice (a
 * native call per id) and than concatenating pairs (a chain of cons strings to flatten later).
 */
export function idBytesToHex(b: Uint8Array, p: number, bytes: 8 | 16): string {
  const h = HEX_HI;
  const l = HEX_LO;
  // prettier-ignore
  const b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
  // prettier-ignore
  const b4 = b[p + 4], b5 = b[p + 5], b6 = b[p + 6], b7 = b[p + 7];
  if (bytes === 8) {
    // prettier-ignore
    return String.fromCharCode(
      h[b0], l[b0], h[b1], l[b1], h[b2], l[b2], h[b3], l[b3],
      h[b4], l[b4], h[b5], l[b5], h[b6], l[b6], h[b7], l[b7],
    );
  }
  // prettier-ignore
  const b8 = b[p + 8], b9 = b[p + 9], b10 = b[p + 10], b11 = b[p + 11];
  // prettier-ignore
  const b12 = b[p + 12], b13 = b[p + 13], b14 = b[p + 14], b15 = b[p + 15];
  // prettier-ignore
  return String.fromCharCode(
    h[b0], l[b0], h[b1], l[b1], h[b2], l[b2], h[b3], l[b3],
    h[b4], l[b4], h[b5], l[b5], h[b6], l[b6], h[b7], l[b7],
    h[b8], l[b8], h[b9], l[b9], h[b10], l[b10], h[b11], l[b11],
    h[b12], l[b12], h[b13], l[b13], h[b14], l[b14], h[b15], l[b15],
  );
}

function bytesToHex(b: Uint8Array): string {
  if (b.length === 16 || b.length === 8) return idBytesToHex(b, 0, b.length);
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]];
  return s;
}

function allZero(hex: string): boolean {
  for (let i = 0; i < hex.length; i++) if (hex.charCodeAt(i) !== 48) return false;
  return true;
}

function normaliseHex(s: string): string | undefined {
  let lower = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) continue;
    if (c >= 65 && c <= 70) {
      lower = false;
      continue;
    }
    return undefined;
  }
  return lower ? s : s.toLowerCase();
}

/**
 * A trace id (16 bytes) or span id (8 bytes) as lower-case hex. OTLP/JSON spells ids as hex in
 * either case (specification.md "JSON Protobuf Encoding"); protobuf carries the bytes. All-zero and
 * wrong-length ids are invalid (trace.proto). `optional` accepts an absent/empty id as ''.
 */
export function idToHex(
  v: OtlpBytes | null | undefined,
  bytes: 8 | 16,
  optional: boolean,
): IdResult {
  if (v === undefined || v === null || v.length === 0) {
    return optional ? { hex: '' } : { invalid: 'missing' };
  }
  let hex: string | undefined;
  if (typeof v === 'string') {
    if (v.length !== bytes * 2)
      return { invalid: `length ${v.length}, expected ${bytes * 2} hex chars` };
    hex = normaliseHex(v);
    if (hex === undefined) return { invalid: 'not hex' };
  } else if (v instanceof Uint8Array) {
    if (v.length !== bytes) return { invalid: `length ${v.length} bytes, expected ${bytes}` };
    hex = bytesToHex(v);
  } else {
    return { invalid: 'not a string' };
  }
  if (allZero(hex)) return optional ? { hex: '' } : { invalid: 'all zeroes' };
  return { hex };
}

/**
 * The hex of a valid id, or undefined when idToHex would call it invalid (ask idToHex for the
 * reason then). The hot path: no result object per id.
 */
export function idHex(
  v: OtlpBytes | null | undefined,
  bytes: 8 | 16,
  optional: boolean,
): string | undefined {
  if (v === undefined || v === null || v.length === 0) return optional ? '' : undefined;
  let hex: string | undefined;
  if (typeof v === 'string') {
    if (v.length !== bytes * 2) return undefined;
    hex = normaliseHex(v);
    if (hex === undefined) return undefined;
  } else if (v instanceof Uint8Array) {
    if (v.length !== bytes) return undefined;
    hex = bytesToHex(v);
  } else {
    return undefined;
  }
  if (allZero(hex)) return optional ? '' : undefined;
  return hex;
}

/** Lenient id for places where an invalid id only means "not linked" (logs, links, exemplars). */
export function idToHexOrEmpty(v: OtlpBytes | null | undefined, bytes: 8 | 16): string {
  const r = idToHex(v, bytes, true);
  return 'hex' in r ? r.hex : '';
}

function bytesToBase64(v: OtlpBytes): string {
  if (typeof v === 'string') return v; // OTLP/JSON: already base64
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

/** AnyValue → plain JSON value for arrays and kvlists (int64 beyond 2^53 stays a string). */
function anyToPlain(v: OtlpAnyValue | null | undefined, depth: number): unknown {
  if (v === null || typeof v !== 'object' || depth > 16) return null;
  if (v.stringValue != null) return String(v.stringValue);
  if (v.boolValue != null) return v.boolValue === true;
  if (v.intValue != null) {
    const s = int64ToString(v.intValue);
    if (s === undefined) return null;
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : s;
  }
  if (v.doubleValue != null) {
    const d = toDouble(v.doubleValue);
    return d === undefined || !Number.isFinite(d) ? String(v.doubleValue) : d;
  }
  if (v.arrayValue != null) {
    const values = v.arrayValue.values;
    return Array.isArray(values) ? values.map((x) => anyToPlain(x, depth + 1)) : [];
  }
  if (v.kvlistValue != null) {
    const out: Record<string, unknown> = {};
    const values = v.kvlistValue.values;
    if (Array.isArray(values)) {
      for (const kv of values) {
        if (kv && typeof kv.key === 'string') out[kv.key] = anyToPlain(kv.value, depth + 1);
      }
    }
    return out;
  }
  if (v.bytesValue != null) return bytesToBase64(v.bytesValue);
  return null;
}

/**
 * AnyValue → the string stored in attribute maps: scalars as text, bool as 'true'/'false',
 * int64 exact, arrays and kvlists as JSON, bytes as base64, an empty value as ''.
 */
export function anyValueToString(v: OtlpAnyValue | null | undefined): string {
  if (v === null || typeof v !== 'object') return '';
  if (v.stringValue != null)
    return typeof v.stringValue === 'string' ? v.stringValue : String(v.stringValue);
  if (v.boolValue != null) return v.boolValue === true ? 'true' : 'false';
  if (v.intValue != null) return int64ToString(v.intValue) ?? '';
  if (v.doubleValue != null) {
    const d = toDouble(v.doubleValue);
    return d === undefined ? '' : String(d);
  }
  if (v.arrayValue != null || v.kvlistValue != null) return JSON.stringify(anyToPlain(v, 0));
  if (v.bytesValue != null) return bytesToBase64(v.bytesValue);
  return '';
}

/**
 * Whether an entry of a repeated message field (resourceSpans, scopeMetrics, logRecords…) is a
 * message at all: in OTLP/JSON it can be null, a number, a string or an array, each a malformed
 * item to count, not one to skip.
 */
export function isMessage(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Flattens a KeyValue list into a fresh string map. A plain object literal (fast properties: the
 * same keys recur span after span); '__proto__' is defined as an own property, never a prototype.
 */
export function flattenAttributes(list: OtlpKeyValue[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const kv = list[i];
    if (kv === null || typeof kv !== 'object') continue;
    const key = kv.key;
    if (typeof key !== 'string' || key === '') continue;
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: anyValueToString(kv.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = anyValueToString(kv.value);
    }
  }
  return out;
}

/** An enum that OTLP/JSON must send as an integer; tolerate the enum name as a string too. */
export function enumValue(v: number | string | null | undefined, names: readonly string[]): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const i = names.indexOf(v);
    if (i >= 0) return i;
    const n = Number(v);
    return Number.isInteger(n) ? n : 0;
  }
  return 0;
}
