import type { InvocationRecord } from '@fleetscope/model';
import { httpInvocationOutcome } from '@fleetscope/model';
import { readLogLineTime, secondsToMs, toLines } from './log-line-time';
import { OPENFAAS_DEFAULT_NAMESPACE, openFaasFunction } from './openfaas-function.identity';

export interface WatchdogLogContext {
  /** The function the pod serves: `name` or `name.namespace` (watchdog lines do not say). */
  functionName: string;
  /** The function's namespace when `functionName` has none. Default `openfaas-fn`. */
  namespace?: string;
  /** The configured gateway label (the function's region). */
  gateway: string;
  /** The pod the lines came from; it becomes the records' instance. */
  instance?: string;
  /** Time for lines without a timestamp, epoch ms. */
  defaultTimeMs?: number;
}

export interface WatchdogLogParseResult {
  records: InvocationRecord[];
  lines: number;
  /** Lines that looked like request lines but could not be read. */
  errorCount: number;
  errors: { line: number; reason: string }[];
}

const MARKER = ' - ContentLength: ';

export interface WatchdogRequestLine {
  method: string;
  path: string;
  statusCode: number;
  durationMs: number;
  /** The X-Call-Id when the watchdog logs it (`log_callid`), else ''. */
  callId: string;
}

function isMethod(token: string): boolean {
  if (token.length === 0 || token.length > 10) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * Reads the request line of-watchdog logs after each call (openfaas/of-watchdog executor/*_runner.go):
 * `POST / - 200 OK - ContentLength: 2B (0.0123s)` with an optional ` [<X-Call-Id>]`. The status is
 * either Go's `res.Status` ("200 OK") or a bare code. Returns undefined for any other line.
 */
export function readWatchdogRequest(line: string, from = 0): WatchdogRequestLine | undefined {
  const at = line.indexOf(MARKER, from);
  if (at < 0) return undefined;
  const statusSep = line.lastIndexOf(' - ', at - 1);
  if (statusSep < from) return undefined;
  const status = line.slice(statusSep + 3, at);
  const statusCode = Number(status.length > 3 ? status.slice(0, status.indexOf(' ')) : status);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 999) return undefined;

  const head = line.slice(from, statusSep);
  const pathSep = head.lastIndexOf(' ');
  if (pathSep < 0) return undefined;
  const path = head.slice(pathSep + 1);
  const methodSep = head.lastIndexOf(' ', pathSep - 1);
  const method = head.slice(methodSep + 1, pathSep);
  if (!isMethod(method) || path.length === 0) return undefined;

  const open = line.indexOf(' (', at + MARKER.length);
  const close = open < 0 ? -1 : line.indexOf('s)', open);
  if (close < 0) return undefined;
  const seconds = Number(line.slice(open + 2, close));
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;

  let callId = '';
  const idOpen = line.indexOf(' [', close);
  if (idOpen >= 0) {
    const idClose = line.indexOf(']', idOpen);
    const id = idClose > idOpen ? line.slice(idOpen + 2, idClose) : '';
    if (id !== 'none') callId = id;
  }
  return { method, path, statusCode, durationMs: secondsToMs(seconds), callId };
}

/** FNV-1a, twice with different seeds: a short stable id for lines that carry no call id. */
function stableId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Turns of-watchdog request lines from one function's pod into invocation records (source
 * 'openfaas_watchdog': per request, preferred over the gateway's scraped counts). The line is written when the call ends, so the start is its time minus the duration.
 * Without an X-Call-Id the request id is derived from the pod, the line and its repeat count in the
 * batch, so a batch delivered twice yields the same ids. Health-check paths (`/_/…`) are skipped.
 * Cold starts are left unknown (null): the gateway logs tell them (`parseGatewayLogs`).
 */
export function parseWatchdogLogs(
  input: string | readonly string[],
  context: WatchdogLogContext,
): WatchdogLogParseResult {
  const fn = openFaasFunction(
    context.functionName,
    context.gateway,
    context.namespace ?? OPENFAAS_DEFAULT_NAMESPACE,
  );
  const instance = context.instance ?? '';
  const lines = toLines(input);
  const records: InvocationRecord[] = [];
  const errors: { line: number; reason: string }[] = [];
  let errorCount = 0;
  const seen = new Map<string, number>();

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.indexOf(MARKER) < 0) continue;
    const time = readLogLineTime(line);
    const request = readWatchdogRequest(line, time.rest);
    if (request === undefined || time.problem !== undefined) {
      errorCount++;
      if (errors.length < 100)
        errors.push({ line: n + 1, reason: time.problem ?? 'unreadable watchdog request line' });
      continue;
    }
    if (request.path.startsWith('/_/')) continue;
    const endMs = time.timeMs ?? context.defaultTimeMs;
    if (endMs === undefined) {
      errorCount++;
      if (errors.length < 100)
        errors.push({
          line: n + 1,
          reason: 'request line without a timestamp and no default time',
        });
      continue;
    }
    let requestId = request.callId;
    if (requestId === '') {
      const key = `${instance}\u0000${line.slice(time.rest)}\u0000${endMs}`;
      const repeat = (seen.get(key) ?? 0) + 1;
      seen.set(key, repeat);
      requestId = `of-${stableId(key)}-${repeat}`;
    }
    const status = httpInvocationOutcome(request.statusCode); // 504: past exec_timeout
    records.push({
      source: 'openfaas_watchdog',
      functionId: fn.functionId,
      platform: 'openfaas',
      account: fn.account,
      region: fn.region,
      name: fn.name,
      version: '',
      requestId,
      startTimeMs: Math.round(endMs - request.durationMs),
      durationMs: request.durationMs,
      billedDurationMs: null,
      initDurationMs: null,
      restoreDurationMs: null,
      billedRestoreDurationMs: null,
      memorySizeMb: null,
      maxMemoryUsedMb: null,
      coldStart: null,
      initType: '',
      status,
      errorType: status === 'success' ? '' : `http_${request.statusCode}`,
      trigger: 'http',
      instance,
      traceId: '',
      runtime: '',
      architecture: '',
    });
  }
  return { records, lines: lines.length, errorCount, errors };
}
