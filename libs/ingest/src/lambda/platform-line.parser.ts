import type { PlatformEvent } from './platform-event';
import { parseReportLine } from './report-line.parser';
import { parseTelemetryEventObject } from './telemetry-event.parser';

/**
 * Classifies one message of a Lambda log stream (a CloudWatch log event's `message`, a Firehose
 * extracted line, a raw line). Text formats are those of awsdocs `*-logging.md` and
 * docs/decisions.md "Lambda platform records"; JSON-format system lines (`LoggingConfig.LogFormat=JSON`) are
 * the Telemetry API objects and go through parseTelemetryEventObject.
 *
 * Cheap checks first: the first character decides which few prefixes can match, so an
 * application line costs a handful of charCodeAt calls unless it is JSON.
 */
export interface ClassifiedLine {
  event: PlatformEvent;
  /** Timestamp printed at the start of the line (epoch ms), or null. */
  lineTimeMs: number | null;
}

const LEVELS: ReadonlySet<string> = new Set([
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'WARNING',
  'ERROR',
  'FATAL',
  'CRITICAL',
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function tokenEnd(s: string, i: number): number {
  while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `2024-01-01T00:00:00.000Z` (or with an offset) at `i`: returns its end index, or -1. */
function isoTimestampEnd(s: string, i: number): number {
  if (
    !isDigit(s.charCodeAt(i)) ||
    s.charCodeAt(i + 4) !== 45 /* - */ ||
    s.charCodeAt(i + 7) !== 45 ||
    s.charCodeAt(i + 10) !== 84 /* T */
  ) {
    return -1;
  }
  return tokenEnd(s, i);
}

/** A Lambda request id: a UUID (36 chars) or the 32-hex form older samples show. */
function isRequestIdToken(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len !== 36 && len !== 32) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const hex = isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!hex && !(c === 45 && len === 36)) return false;
  }
  return true;
}

/** Value after `label` up to the next whitespace, '' when the label is absent. */
function fieldToken(s: string, label: string, from = 0): string {
  const at = s.indexOf(label, from);
  if (at < 0) return '';
  const v = at + label.length;
  return s.slice(v, tokenEnd(s, v));
}

function fieldNumber(s: string, label: string): number | null {
  const token = fieldToken(s, label);
  if (token === '') return null;
  const n = Number.parseFloat(token);
  return Number.isFinite(n) ? n : null;
}

function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

const OOM_MARKERS = ['signal: killed', 'Runtime.OutOfMemory'];

/**
 * Runtime exits are rare lines, so a regex is fine here. `signal: killed` is how an OOM kill
 * shows (the printed type is still Runtime.ExitError, and is kept as the error type).
 */
function runtimeExitEvent(s: string, requestId: string): PlatformEvent {
  const oom = OOM_MARKERS.some((m) => s.includes(m));
  const printed = /Runtime\.[A-Za-z]+/.exec(s)?.[0];
  const errorType = printed ?? (oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError');
  return { kind: 'runtimeExit', requestId, oom, errorType };
}

function isRuntimeExitText(s: string, i: number): boolean {
  return (
    s.startsWith('Runtime exited', i) ||
    s.startsWith('Error: Runtime exited', i) ||
    s.startsWith('Error Runtime exited', i) ||
    s.startsWith('Process exited before completing request', i) ||
    s.startsWith('Runtime.OutOfMemory', i)
  );
}

/** `Task timed out after 3.01 seconds` at `i`: the seconds, or NaN. */
function timeoutSecondsAt(s: string, i: number): number {
  const prefix = 'Task timed out after ';
  if (!s.startsWith(prefix, i)) return NaN;
  return Number.parseFloat(s.slice(i + prefix.length, tokenEnd(s, i + prefix.length)));
}

/**
 * `unhandled`: the line is a runtime's report of the invocation's unhandled error (see
 * isUnhandledErrorText, isRuntimeErrorDocument); Node's has its own form, `Invoke Error` at ERROR
 * level.
 */
function appEvent(
  requestId: string,
  level: string,
  message: string,
  timeMs: number | null,
  unhandled = false,
): PlatformEvent {
  const invokeError = unhandled || (level === 'ERROR' && message.startsWith('Invoke Error'));
  return {
    kind: 'app',
    requestId,
    level: level || (unhandled ? 'ERROR' : ''),
    message,
    timeMs,
    invokeError,
  };
}

const PYTHON_TRACEBACK = 'Traceback (most recent call last):';
/** A Python exception type (`KeyError`, `Runtime.ImportModuleError`) or a Java class name. */
const QUALIFIED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
/** A date or a time of day at the start of a line, as loggers print them (`2024-01-01`, `07:48:49`). */
const LEADING_CLOCK =
  /\[?(?:\d{2,4}[-/.]\d\d?[-/.]\d{2,4}|\d\d?:\d\d:\d\d|[A-Z][a-z]{2} \d\d?,? \d{4})/y;
const GO_ERROR_DOCUMENT = '{"errorMessage":';

/** End of the line starting at `i`: the index of its `\n` or `\r`, or the string's length. */
function lineEndAt(s: string, i: number): number {
  while (i < s.length && !isLineBreak(s.charCodeAt(i))) i++;
  return i;
}

/**
 * A runtime's own report of an invocation's unhandled error, printed without a request id, at `i`.
 * Only the runtimes' exact shapes count: a function that catches an error and logs it prints much
 * the same, and an error counted that did not happen is worse than one missed. The first line
 * decides before anything further is read, so an ordinary multi-line message costs a few checks.
 */
function isUnhandledErrorText(s: string, i: number): boolean {
  if (s.startsWith('[ERROR] ', i)) return isPythonUnhandledText(s, i);
  if (isDigit(s.charCodeAt(i))) {
    const doc = goLogPrefixEnd(s, i);
    if (doc > 0) return s.startsWith(GO_ERROR_DOCUMENT, doc) && isGoErrorDocument(s, doc);
  }
  return isJavaUnhandledText(s, i);
}

/** A letter, digit, `_`, `$` or `.`: what a type or class name is made of. */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 36 || c === 46
  );
}

/**
 * awslambdaric bootstrap.py log_error (text format): `[ERROR] <Type>` and `: <message>` when it has
 * one, then `Traceback (most recent call last):` and the frames, each indented with U+00A0, the
 * lines joined by \n (telemetry sink) or \r (stdout). Not counted: a message of several lines, and
 * what a function prints under a `[%(levelname)s] %(message)s` formatter (the traceback Python's
 * logging prints is indented with spaces and ends with the exception).
 */
function isPythonUnhandledText(s: string, i: number): boolean {
  const typeStart = i + '[ERROR] '.length;
  let typeEnd = typeStart;
  while (isNameChar(s.charCodeAt(typeEnd))) typeEnd++;
  if (!QUALIFIED_NAME.test(s.slice(typeStart, typeEnd))) return false;
  let headerEnd = typeEnd;
  if (s.startsWith(': ', typeEnd)) headerEnd = lineEndAt(s, typeEnd + 2);
  if (!isLineBreak(s.charCodeAt(headerEnd))) return false;
  const tbEnd = headerEnd + 1 + PYTHON_TRACEBACK.length;
  if (!s.startsWith(PYTHON_TRACEBACK, headerEnd + 1)) return false;
  if (tbEnd === s.length) return true;
  if (!isLineBreak(s.charCodeAt(tbEnd))) return false;
  const frame = s.charCodeAt(tbEnd + 1);
  return Number.isNaN(frame) || isLineBreak(frame) || frame === 0xa0;
}

/**
 * End of Go's standard log prefix (log.LstdFlags: `2009/11/10 23:00:00 `, microseconds optional)
 * at `i`, or -1.
 */
function goLogPrefixEnd(s: string, i: number): number {
  if (
    s.charCodeAt(i + 4) !== 47 /* / */ ||
    s.charCodeAt(i + 7) !== 47 ||
    s.charCodeAt(i + 10) !== 32 ||
    s.charCodeAt(i + 13) !== 58 /* : */ ||
    s.charCodeAt(i + 16) !== 58
  ) {
    return -1;
  }
  let p = i + 19;
  if (s.charCodeAt(p) === 46 /* . */) {
    p++;
    while (isDigit(s.charCodeAt(p))) p++;
  }
  return s.charCodeAt(p) === 32 ? p + 1 : -1;
}

/**
 * aws-lambda-go reportFailure: json.Marshal of messages.InvokeResponse_Error, so `errorMessage` and
 * `errorType` in that order, then `stackTrace` of {path, line, label} frames for a panic only.
 */
function isGoErrorDocument(s: string, at: number): boolean {
  const doc = parseObject(trimEnd(s.slice(at)));
  if (!doc || !isErrorTypeAndMessage(doc)) return false;
  if (hasKeys(doc, ERROR_KEYS)) return true;
  return (
    hasKeys(doc, ERROR_KEYS_AND_TRACE) &&
    Array.isArray(doc.stackTrace) &&
    doc.stackTrace.every(
      (f: unknown) => typeof f === 'object' && f !== null && hasKeys(f, GO_FRAME_KEYS),
    )
  );
}

/**
 * aws-lambda-java-runtime-interface-client UserFault.reportableError: `<message>: <class>`, then
 * the stack trace, whose first line is `<class>: <message>` (`<class>` alone when the exception has
 * no message; the runtime then prints the class as the message), then its frames. Nothing precedes
 * it on the line, no time of any kind. A function's logger puts its own text before `: <class>`,
 * which the trace's first line does not repeat; a message of several lines is not counted.
 */
function isJavaUnhandledText(s: string, i: number): boolean {
  const headerEnd = s.indexOf('\n', i);
  const next = headerEnd + 1;
  if (headerEnd < 0 || next >= s.length || !isNameChar(s.charCodeAt(next))) return false;
  let clsEnd = headerEnd;
  if (s.charCodeAt(clsEnd - 1) === 13 /* \r */) clsEnd--;
  let clsStart = clsEnd;
  while (clsStart > i && isNameChar(s.charCodeAt(clsStart - 1))) clsStart--;
  const sep = clsStart - 2;
  if (sep < i || !s.startsWith(': ', sep)) return false;
  const cls = s.slice(clsStart, clsEnd);
  if (!QUALIFIED_NAME.test(cls) || !s.startsWith(cls, next)) return false;
  let traceHeadEnd = s.indexOf('\n', next);
  if (traceHeadEnd < 0) traceHeadEnd = s.length;
  const framesAt = traceHeadEnd + 1;
  if (s.charCodeAt(traceHeadEnd - 1) === 13) traceHeadEnd--;
  const traceHead = s.slice(next, traceHeadEnd);
  const message = s.slice(i, sep);
  if (traceHead !== `${cls}: ${message}` && !(traceHead === cls && message === cls)) return false;
  const frames = s.charCodeAt(framesAt);
  const framesFollow =
    Number.isNaN(frames) ||
    isLineBreak(frames) ||
    s.startsWith('\tat ', framesAt) ||
    s.startsWith('Caused by: ', framesAt);
  if (!framesFollow) return false;
  LEADING_CLOCK.lastIndex = i;
  return !LEADING_CLOCK.test(s);
}

const ERROR_KEYS = ['errorMessage', 'errorType'];
const ERROR_KEYS_AND_TRACE = [...ERROR_KEYS, 'stackTrace'];
const GO_FRAME_KEYS = ['path', 'line', 'label'];
/** awslambdaric log_error in the JSON log format: `{timestamp, log_level, **make_error(…)}`. */
const PYTHON_JSON_ERROR_KEYS = [
  'timestamp',
  'log_level',
  'errorMessage',
  'errorType',
  'requestId',
  'stackTrace',
];
/** The aws_lambda_ric LambdaError's errorType: `<classification><<class>>`. */
const RUBY_ERROR_TYPE = /^(?:Function|Init|Runtime)<[^<>]+>$/;
const RUBY_ERROR_DOCUMENT = '{\n  "errorMessage": ';

/** `obj`'s keys are exactly `keys`, in that order. */
function hasKeys(obj: object, keys: readonly string[]): boolean {
  const own = Object.keys(obj);
  return own.length === keys.length && own.every((k, n) => k === keys[n]);
}

function isErrorTypeAndMessage(obj: Record<string, unknown>): boolean {
  return (
    typeof obj.errorType === 'string' &&
    obj.errorType !== '' &&
    typeof obj.errorMessage === 'string'
  );
}

/**
 * A whole line that is the error document a runtime prints for an unhandled error, exactly as it
 * prints it: awslambdaric in the JSON log format (log_error: its keys in their order, log_level
 * ERROR), or aws_lambda_ric (LambdaLogger.log_error: JSON.pretty_unparse of errorMessage,
 * errorType `Function<…>`, `Init<…>` or `Runtime<…>`, stackTrace of strings). Any other
 * `{errorType, errorMessage, …}` is a payload a function printed (a callee's error, a service's
 * body; the retired java8 runtime's bare document and aws-lambda-go's without its log prefix look
 * just like them) and JSON application logs carry `level` and `message`: not these.
 */
function isRuntimeErrorDocument(obj: Record<string, unknown>, text: string): boolean {
  if (!isErrorTypeAndMessage(obj) || !Array.isArray(obj.stackTrace)) return false;
  if (hasKeys(obj, PYTHON_JSON_ERROR_KEYS)) return obj.log_level === 'ERROR';
  return (
    text.startsWith(RUBY_ERROR_DOCUMENT) &&
    hasKeys(obj, ERROR_KEYS_AND_TRACE) &&
    RUBY_ERROR_TYPE.test(obj.errorType as string) &&
    obj.stackTrace.every((l) => typeof l === 'string')
  );
}

function parseObject(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

/** A JSON-format line's event with the time it carries (`time` or `timestamp`), or null. */
function classifyJson(line: string): ClassifiedLine | undefined {
  const obj = parseObject(line);
  if (!obj) return undefined;
  if (typeof obj.type === 'string' && 'record' in obj && typeof obj.time === 'string') {
    const ev = parseTelemetryEventObject(obj);
    if (typeof ev !== 'string') return { event: ev.event, lineTimeMs: ev.timeMs };
    return undefined;
  }
  // Application log in JSON format: {"timestamp","level","requestId","message"} (awsdocs
  // monitoring-cloudwatchlogs-logformat). Body stays the original JSON text.
  const printed = obj.level ?? obj.log_level;
  const level = typeof printed === 'string' ? printed.toUpperCase() : '';
  const requestId =
    typeof obj.requestId === 'string'
      ? obj.requestId
      : typeof obj.AWSRequestId === 'string'
        ? obj.AWSRequestId
        : '';
  const ts = typeof obj.timestamp === 'string' ? Date.parse(obj.timestamp) : NaN;
  const timeMs = Number.isNaN(ts) ? null : ts;
  return {
    event: appEvent(requestId, level, line, timeMs, isRuntimeErrorDocument(obj, line)),
    lineTimeMs: timeMs,
  };
}

/**
 * Classifies one Lambda log message. Never throws; anything unrecognised is an application line.
 * `message` may end with a newline (CloudWatch keeps it); it is trimmed in the returned body.
 */
export function classifyLambdaLine(message: string): ClassifiedLine {
  const line = message;
  let i = skipSpaces(line, 0);
  let lineTimeMs: number | null = null;
  const c0 = line.charCodeAt(i);

  if (c0 === 123 /* { */) {
    // A platform record's `time` is when it happened: a raw line or a Firehose-extracted one has
    // no other time but the delivery's, which can be minutes later.
    const json = classifyJson(trimEnd(line));
    if (json) return json;
    return {
      event: appEvent('', '', trimEnd(line.slice(i)), null, isUnhandledErrorText(line, i)),
      lineTimeMs,
    };
  }

  // Python runtime: `[INFO]\t2024-…Z\t<requestId>\t<message>`.
  if (c0 === 91 /* [ */) {
    const close = line.indexOf(']', i);
    const level = close > i && close - i <= 10 ? line.slice(i + 1, close).toUpperCase() : '';
    if (LEVELS.has(level)) {
      let p = skipSpaces(line, close + 1);
      const tsEnd = isoTimestampEnd(line, p);
      if (tsEnd > 0) {
        const ts = Date.parse(line.slice(p, tsEnd));
        lineTimeMs = Number.isNaN(ts) ? null : ts;
        p = skipSpaces(line, tsEnd);
      }
      const idEnd = tokenEnd(line, p);
      let requestId = '';
      if (isRequestIdToken(line, p, idEnd)) {
        requestId = line.slice(p, idEnd);
        p = skipSpaces(line, idEnd);
      }
      const unhandled = requestId === '' && tsEnd < 0 && isUnhandledErrorText(line, i);
      return {
        event: appEvent(requestId, level, trimEnd(line.slice(p)), lineTimeMs, unhandled),
        lineTimeMs,
      };
    }
    return { event: appEvent('', '', trimEnd(line.slice(i)), null), lineTimeMs };
  }

  // Leading timestamp: raw exports print one before platform lines, Node before every line.
  const tsEnd = isoTimestampEnd(line, i);
  if (tsEnd > 0) {
    const ts = Date.parse(line.slice(i, tsEnd));
    lineTimeMs = Number.isNaN(ts) ? null : ts;
    i = skipSpaces(line, tsEnd);
  }

  const platform = classifyPlatform(line, i);
  if (platform) return { event: platform, lineTimeMs };

  if (lineTimeMs !== null) {
    // Node runtime: `<ts>\t<requestId>\t<LEVEL>\t<message>`; classic timeout:
    // `<ts> <requestId> Task timed out after 3.01 seconds`.
    const idEnd = tokenEnd(line, i);
    if (isRequestIdToken(line, i, idEnd)) {
      const requestId = line.slice(i, idEnd);
      let p = skipSpaces(line, idEnd);
      const seconds = timeoutSecondsAt(line, p);
      if (!Number.isNaN(seconds)) {
        return { event: { kind: 'timeout', requestId, seconds }, lineTimeMs };
      }
      if (isRuntimeExitText(line, p))
        return { event: runtimeExitEvent(line, requestId), lineTimeMs };
      const levelEnd = tokenEnd(line, p);
      let level = '';
      const maybeLevel = line.slice(p, levelEnd);
      if (LEVELS.has(maybeLevel)) {
        level = maybeLevel;
        p = skipSpaces(line, levelEnd);
      }
      return { event: appEvent(requestId, level, trimEnd(line.slice(p)), lineTimeMs), lineTimeMs };
    }
  }
  const unhandled = lineTimeMs === null && isUnhandledErrorText(line, i);
  return { event: appEvent('', '', trimEnd(line.slice(i)), lineTimeMs, unhandled), lineTimeMs };
}

/** Platform lines proper, by their first letter. */
function classifyPlatform(line: string, i: number): PlatformEvent | undefined {
  switch (line.charCodeAt(i)) {
    case 82: {
      // R
      if (line.startsWith('REPORT RequestId: ', i)) {
        const report = parseReportLine(line, i);
        return report ? { kind: 'report', report } : undefined;
      }
      if (line.startsWith('RequestId: ', i)) {
        // `RequestId: <id> Error: Runtime exited with error: signal: killed\nRuntime.ExitError`
        // and the newer platform.fault text `RequestId: <id> Status: error\tErrorType: …`.
        const idStart = i + 'RequestId: '.length;
        const idEnd = tokenEnd(line, idStart);
        const requestId = line.slice(idStart, idEnd);
        const p = skipSpaces(line, idEnd);
        if (isRuntimeExitText(line, p) || line.startsWith('Status: ', p)) {
          return runtimeExitEvent(line, requestId);
        }
        const seconds = timeoutSecondsAt(line, p);
        if (!Number.isNaN(seconds)) return { kind: 'timeout', requestId, seconds };
        return undefined;
      }
      if (line.startsWith('RESTORE_START', i)) {
        return {
          kind: 'restoreStart',
          runtimeVersion: fieldToken(line, 'Runtime Version: ', i),
          runtimeVersionArn: fieldToken(line, 'Runtime Version ARN: ', i),
        };
      }
      if (line.startsWith('RESTORE_REPORT', i)) {
        return {
          kind: 'restoreReport',
          durationMs: fieldNumber(line, 'Restore Duration: '),
          status: fieldToken(line, 'Status: '),
          errorType: fieldToken(line, 'Error Type: '),
        };
      }
      if (line.startsWith('Runtime exited', i) || line.startsWith('Runtime.OutOfMemory', i)) {
        return runtimeExitEvent(line, '');
      }
      return undefined;
    }
    case 83: // S
      if (line.startsWith('START RequestId: ', i)) {
        const idStart = i + 'START RequestId: '.length;
        const idEnd = tokenEnd(line, idStart);
        return {
          kind: 'start',
          requestId: line.slice(idStart, idEnd),
          version: fieldToken(line, 'Version: ', idEnd),
          traceId: '',
        };
      }
      return undefined;
    case 69: // E
      if (line.startsWith('END RequestId: ', i)) {
        const idStart = i + 'END RequestId: '.length;
        return { kind: 'end', requestId: line.slice(idStart, tokenEnd(line, idStart)) };
      }
      if (line.startsWith('EXTENSION', i))
        return { kind: 'housekeeping', what: 'extension', severity: 'info' };
      if (
        line.startsWith('Error: Runtime exited', i) ||
        line.startsWith('Error Runtime exited', i)
      ) {
        return runtimeExitEvent(line, '');
      }
      return undefined;
    case 73: // I
      if (line.startsWith('INIT_START', i)) {
        return {
          kind: 'initStart',
          // Text INIT_START does not say how the sandbox was initialised.
          initType: '',
          runtimeVersion: fieldToken(line, 'Runtime Version: ', i),
          runtimeVersionArn: fieldToken(line, 'Runtime Version ARN: ', i),
          functionName: '',
          functionVersion: '',
          instanceId: '',
        };
      }
      if (line.startsWith('INIT_REPORT', i)) {
        return {
          kind: 'initReport',
          initType: '',
          durationMs: fieldNumber(line, 'Init Duration: '),
          phase: fieldToken(line, 'Phase: '),
          status: fieldToken(line, 'Status: '),
          errorType: fieldToken(line, 'Error Type: '),
        };
      }
      return undefined;
    case 84: // T
      if (line.startsWith('TELEMETRY', i))
        return { kind: 'housekeeping', what: 'telemetry', severity: 'info' };
      if (line.startsWith('Task timed out after ', i)) {
        return { kind: 'timeout', requestId: '', seconds: timeoutSecondsAt(line, i) };
      }
      return undefined;
    case 76: // L
      if (line.startsWith('LOGS\t', i) || line.startsWith('LOGS ', i)) {
        return { kind: 'housekeeping', what: 'logs', severity: 'info' };
      }
      return undefined;
    case 88: // X
      if (line.startsWith('XRAY TraceId: ', i)) {
        return { kind: 'xray', traceId: fieldToken(line, 'XRAY TraceId: ', i) };
      }
      return undefined;
    case 80: // P
      if (line.startsWith('Process exited before completing request', i))
        return runtimeExitEvent(line, '');
      return undefined;
    default:
      return undefined;
  }
}
