/**
 * The Lambda REPORT line, e.g. (awsdocs nodejs-logging.md; fields are tab-separated, but copies
 * pasted through log UIs use spaces, and Python prints `XRAY TraceId` on a continuation line):
 *
 *   REPORT RequestId: c793…	Duration: 128.83 ms	Billed Duration: 200 ms	Memory Size: 128 MB
 *   Max Memory Used: 74 MB	Init Duration: 166.62 ms	XRAY TraceId: 1-5d9d…	SegmentId: …	Sampled: true
 *
 * Newer lines add `Restore Duration`, `Billed Restore Duration` (SnapStart), `Status` and
 * `Error Type`. This is the hottest parser of the Lambda path, so it walks the string once with
 * startsWith/charCodeAt and never builds a regex or an intermediate array.
 */
export interface ReportLine {
  requestId: string;
  durationMs: number | null;
  billedDurationMs: number | null;
  memorySizeMb: number | null;
  maxMemoryUsedMb: number | null;
  initDurationMs: number | null;
  restoreDurationMs: number | null;
  billedRestoreDurationMs: number | null;
  /** `success`, `error`, `timeout`, … as printed; '' when the line has no Status field. */
  status: string;
  errorType: string;
  /** X-Ray trace id (`1-5d9d007f-…`), '' when absent. */
  traceId: string;
}

const REPORT_PREFIX = 'REPORT RequestId: ';

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const MINUS = 45;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

function skipSpaces(s: string, i: number): number {
  const n = s.length;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function tokenEnd(s: string, i: number): number {
  const n = s.length;
  while (i < n && !isSpace(s.charCodeAt(i))) i++;
  return i;
}

// Reused by parseNumberAt to hand back two values without allocating.
let numberEnd = 0;

/**
 * Parses a decimal such as `128.83` at `i`; sets numberEnd. NaN when no digit is there.
 * (digits / 10^k) is correctly rounded, so the result equals parseFloat's.
 */
function parseNumberAt(s: string, i: number): number {
  const n = s.length;
  let negative = false;
  if (i < n && s.charCodeAt(i) === MINUS) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 1;
  let seenDot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (seenDot) scale *= 10;
    } else if (c === DOT && !seenDot) {
      seenDot = true;
    } else {
      break;
    }
  }
  numberEnd = i;
  if (digits === 0 || digits > 15) {
    // No number, or too many digits for exact integer arithmetic: let the engine decide.
    return digits === 0 ? NaN : Number.parseFloat(s.slice(i - digits - (seenDot ? 1 : 0), i));
  }
  const value = mantissa / scale;
  return negative ? -value : value;
}

/** Skips a number's unit (`ms`, `MB`) if one follows. */
function skipUnit(s: string, i: number): number {
  const j = skipSpaces(s, i);
  const c = s.charCodeAt(j);
  // Units are short lower/upper-case words; a field label starts with an upper-case letter and
  // contains ': ', so only swallow `ms`/`MB`/`KB`/`GB`/`s`.
  if (
    (c === 109 /* m */ && s.charCodeAt(j + 1) === 115) /* ms */ ||
    ((c === 77 /* M */ || c === 75 /* K */ || c === 71) /* G */ &&
      s.charCodeAt(j + 1) === 66) /* B */
  ) {
    return j + 2;
  }
  return i;
}

type NumericField =
  | 'durationMs'
  | 'billedDurationMs'
  | 'memorySizeMb'
  | 'maxMemoryUsedMb'
  | 'initDurationMs'
  | 'restoreDurationMs'
  | 'billedRestoreDurationMs';

// Reused by matchLabel: index just past the matched label.
let labelEnd = 0;
type Field = NumericField | 'status' | 'errorType' | 'traceId';

/** Returns the field a label at `i` names and sets labelEnd, or undefined for unknown labels. */
function matchLabel(s: string, i: number): Field | undefined {
  const c = s.charCodeAt(i);
  let label: string;
  let field: Field;
  switch (c) {
    case 68: // D
      label = 'Duration: ';
      field = 'durationMs';
      break;
    case 66: // B
      if (s.startsWith('Billed Duration: ', i)) {
        label = 'Billed Duration: ';
        field = 'billedDurationMs';
      } else {
        label = 'Billed Restore Duration: ';
        field = 'billedRestoreDurationMs';
      }
      break;
    case 77: // M
      if (s.charCodeAt(i + 1) === 101 /* e */) {
        label = 'Memory Size: ';
        field = 'memorySizeMb';
      } else {
        label = 'Max Memory Used: ';
        field = 'maxMemoryUsedMb';
      }
      break;
    case 73: // I
      label = 'Init Duration: ';
      field = 'initDurationMs';
      break;
    case 82: // R
      label = 'Restore Duration: ';
      field = 'restoreDurationMs';
      break;
    case 83: // S
      if (s.startsWith('Status: ', i)) {
        label = 'Status: ';
        field = 'status';
      } else {
        return undefined;
      }
      break;
    case 69: // E
      label = 'Error Type: ';
      field = 'errorType';
      break;
    case 88: // X
      label = 'XRAY TraceId: ';
      field = 'traceId';
      break;
    default:
      return undefined;
  }
  if (!s.startsWith(label, i)) return undefined;
  labelEnd = i + label.length;
  return field;
}

/**
 * Parses a REPORT line starting at `from` (so a caller can skip a timestamp prefix without
 * slicing). Returns undefined when the text at `from` is not a REPORT line. Fields it does not
 * know (SegmentId, Sampled, future ones) are skipped; a number field without a number is null, one
 * with more than a decimal and its unit NaN.
 */
export function parseReportLine(line: string, from = 0): ReportLine | undefined {
  if (!line.startsWith(REPORT_PREFIX, from)) return undefined;
  let i = from + REPORT_PREFIX.length;
  const idEnd = tokenEnd(line, i);
  if (idEnd === i) return undefined;
  const out: ReportLine = {
    requestId: line.slice(i, idEnd),
    durationMs: null,
    billedDurationMs: null,
    memorySizeMb: null,
    maxMemoryUsedMb: null,
    initDurationMs: null,
    restoreDurationMs: null,
    billedRestoreDurationMs: null,
    status: '',
    errorType: '',
    traceId: '',
  };
  const n = line.length;
  i = skipSpaces(line, idEnd);
  while (i < n) {
    const field = matchLabel(line, i);
    if (field === undefined) {
      // Unknown label (SegmentId, Sampled, …): skip `Label words: value`.
      const colon = line.indexOf(': ', i);
      if (colon < 0) break;
      i = skipSpaces(line, skipUnit(line, tokenEnd(line, colon + 2)));
      continue;
    }
    const v = labelEnd;
    if (field === 'status' || field === 'errorType' || field === 'traceId') {
      const end = tokenEnd(line, v);
      out[field] = line.slice(v, end);
      i = skipSpaces(line, end);
      continue;
    }
    const value = parseNumberAt(line, v);
    if (Number.isNaN(value)) {
      i = skipSpaces(line, tokenEnd(line, v));
      continue;
    }
    const end = skipUnit(line, numberEnd);
    if (end < n && !isSpace(line.charCodeAt(end))) {
      // More than a decimal and its unit (`1e308 ms`, `12abc`): NaN, which the assembler refuses
      // (a number read up to the `e` would be a value the line never said).
      out[field] = NaN;
      i = skipSpaces(line, skipUnit(line, tokenEnd(line, end)));
      continue;
    }
    out[field] = value;
    i = skipSpaces(line, end);
  }
  return out;
}
