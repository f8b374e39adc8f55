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
 * isUnhandledErrorText, isErrorDocument); Node's has its own form, `Invoke Error` at ERROR level.
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
/** `2009/11/10 23:00:00 ` (Go's log.LstdFlags, microseconds optional) before a `{`. */
const GO_LOG_PREFIX = /\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?=\{)/y;
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * A runtime's own report of an invocation's unhandled error, printed without a request id, at `i`:
 * - Python (awslambdaric bootstrap.py log_error): `[ERROR] <Type>: <message>`, then
 *   `Traceback (most recent call last):` and its lines. A user's `logging.error` prints
 *   `[ERROR]\t<timestamp>\t<request id>\t…` instead.
 * - Java (aws-lambda-java-runtime-interface-client UserFault.reportableError):
 *   `<message>: <class>`, then the stack trace, which starts with that class and has `\tat ` frames.
 * - Go (aws-lambda-go reportFailure, through the standard logger): `<date> <time> ` and the error
 *   document (isErrorDocument).
 */
function isUnhandledErrorText(s: string, i: number): boolean {
  if (s.startsWith('[ERROR]', i)) {
    return s.charCodeAt(i + 7) !== 9 /* \t */ && s.includes(PYTHON_TRACEBACK, i);
  }
  GO_LOG_PREFIX.lastIndex = i;
  if (isDigit(s.charCodeAt(i)) && GO_LOG_PREFIX.test(s)) {
    const doc = parseObject(trimEnd(s.slice(GO_LOG_PREFIX.lastIndex)));
    return doc !== undefined && isErrorDocument(doc);
  }
  const frames = s.indexOf('\n\tat ', i);
  if (frames < 0) return false;
  const firstEnd = s.indexOf('\n', i);
  const sep = s.lastIndexOf(': ', firstEnd);
  if (sep < i) return false;
  let clsEnd = firstEnd;
  if (s.charCodeAt(clsEnd - 1) === 13 /* \r */) clsEnd--;
  const cls = s.slice(sep + 2, clsEnd);
  if (!JAVA_CLASS.test(cls) || !s.startsWith(cls, firstEnd + 1)) return false;
  const after = s.charCodeAt(firstEnd + 1 + cls.length);
  return after === 58 /* : */ || after === 10 || after === 13;
}

/**
 * The error document a runtime prints for an unhandled error: `{"errorMessage","errorType",…}` bare
 * (Go, Ruby, Java's and Python's older runtimes) or with `timestamp`, `log_level` and `requestId`
 * (Python in the JSON log format). Application logs in the JSON format carry `level` and `message`
 * (Python's logger.exception adds errorType to them; Node's console.error(err) nests it in message,
 * as does Node's own `Invoke Error` there, which only the REPORT's status tells apart): not these.
 */
function isErrorDocument(obj: Record<string, unknown>): boolean {
  return (
    typeof obj.errorType === 'string' &&
    obj.errorType !== '' &&
    typeof obj.errorMessage === 'string' &&
    !('message' in obj) &&
    !('level' in obj)
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
    event: appEvent(requestId, level, line, timeMs, isErrorDocument(obj)),
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
