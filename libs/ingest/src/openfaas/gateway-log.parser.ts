import { addToHistogram, classifyInit, MAX_STORED_DURATION_MS } from '@fleetscope/model';
import type { FunctionMinuteRow } from '@fleetscope/model';
import type { IntervalTotals } from '../prometheus/interval-rows';
import { emptyIntervalTotals } from '../prometheus/interval-rows';
import { readLogLineTime, secondsToMs, toLines } from './log-line-time';
import {
  OPENFAAS_DEFAULT_NAMESPACE,
  openFaasFunction,
  openFaasFunctionNameProblem,
} from './openfaas-function.identity';

/**
 * A request that found its function at zero replicas and waited for one (the gateway's scale from
 * zero, openfaas/faas gateway/scaling/function_scaler.go).
 */
export interface OpenFaasColdStart {
  functionId: string;
  name: string;
  namespace: string;
  gateway: string;
  /** When the wait ended (the log line's time), epoch ms. */
  timeMs: number;
  /** How long the request waited for a ready replica, ms. */
  waitMs: number;
  /** 'timed-out': no replica became ready in time (`[Scale] … 0=>N timed-out after …`). */
  outcome: 'ready' | 'timed-out';
  /** A `[Scale …] … 0 => N requested` for the function came earlier in the same batch. */
  scaleRequested: boolean;
}

export interface OpenFaasScaleRequest {
  functionId: string;
  timeMs: number;
  replicas: number;
}

export interface GatewayLogParseOptions {
  /** The configured gateway label (the functions' region). */
  gateway: string;
  /**
   * The gateway logs the bare function name (`function=nodeinfo`); functions are put in this
   * namespace unless the name carries one. Default `openfaas-fn`.
   */
  defaultNamespace?: string;
  /** Time for lines without a timestamp (e.g. the time the batch was received), epoch ms. */
  defaultTimeMs?: number;
}

export interface GatewayLogParseResult {
  coldStarts: OpenFaasColdStart[];
  scaleRequests: OpenFaasScaleRequest[];
  lines: number;
  /** Lines that carried a scaling marker but could not be read or named no possible function. */
  errorCount: number;
  errors: { line: number; reason: string }[];
}

const SCALE = '[Scale';
const READY = '[Ready] function=';
const FUNCTION = ' function=';

function tokenAfter(line: string, from: number): { token: string; end: number } {
  let end = line.indexOf(' ', from);
  if (end < 0) end = line.length;
  return { token: line.slice(from, end), end };
}

/** Reads a Go duration printed as seconds: `2.3412s` or, with %f, `30.000000`. */
function seconds(text: string): number | undefined {
  const trimmed = text.endsWith('s') ? text.slice(0, -1) : text;
  if (trimmed.length === 0) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Why a wait cannot be one: it is stored as the cold start's init duration, so a wait longer than
 * any init duration stored (`1e308s`) is a mangled line, not a cold start.
 */
function waitProblem(waitMs: number, written: string): string | undefined {
  if (waitMs <= MAX_STORED_DURATION_MS) return undefined;
  return `wait "${written.slice(0, 40)}" is longer than an init duration can be (at most ${Math.floor(MAX_STORED_DURATION_MS / 1000)} s)`;
}

/**
 * Finds scale-from-zero cold starts in OpenFaaS gateway logs. Recognised lines (openfaas/faas):
 * `[Scale 1/20] function=<fn> 0 => 1 requested`, `[Ready] function=<fn> waited for - 2.3412s`,
 * `[Scale] function=<fn> 0=>N timed-out after 30.000000 seconds`. Every `[Ready]` line is one
 * request that waited, so concurrent requests during one scale-up each count as a cold start, as
 * a Lambda invocation that waited for init would. A line naming a function OpenFaaS cannot have
 * (openFaasFunctionNameProblem) is refused. Other lines are skipped; never throws.
 */
export function parseGatewayLogs(
  input: string | readonly string[],
  options: GatewayLogParseOptions,
): GatewayLogParseResult {
  const namespace = options.defaultNamespace ?? OPENFAAS_DEFAULT_NAMESPACE;
  const lines = toLines(input);
  const coldStarts: OpenFaasColdStart[] = [];
  const scaleRequests: OpenFaasScaleRequest[] = [];
  const errors: { line: number; reason: string }[] = [];
  let errorCount = 0;
  const requested = new Set<string>();
  const fail = (line: number, reason: string): void => {
    errorCount++;
    if (errors.length < 100) errors.push({ line, reason });
  };

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const ready = line.indexOf(READY);
    const scale = ready < 0 ? line.indexOf(SCALE) : -1;
    if (ready < 0 && scale < 0) continue;

    const time = readLogLineTime(line);
    if (time.problem !== undefined) {
      fail(n + 1, time.problem);
      continue;
    }
    const timeMs = time.timeMs ?? options.defaultTimeMs;
    if (timeMs === undefined) {
      fail(n + 1, 'scaling line without a timestamp and no default time');
      continue;
    }

    if (ready >= 0) {
      const { token, end } = tokenAfter(line, ready + READY.length);
      const marker = ' waited for - ';
      const at = line.indexOf(marker, end);
      const waited = at === end ? tokenAfter(line, at + marker.length).token : '';
      const wait = seconds(waited);
      if (token.length === 0 || wait === undefined) {
        fail(n + 1, 'unreadable [Ready] line');
        continue;
      }
      const waitMs = secondsToMs(wait);
      const badWait = waitProblem(waitMs, waited);
      if (badWait !== undefined) {
        fail(n + 1, badWait);
        continue;
      }
      const badName = openFaasFunctionNameProblem(token);
      if (badName !== undefined) {
        fail(n + 1, badName);
        continue;
      }
      const fn = openFaasFunction(token, options.gateway, namespace);
      coldStarts.push({
        functionId: fn.functionId,
        name: fn.name,
        namespace: fn.namespace,
        gateway: options.gateway,
        timeMs,
        waitMs,
        outcome: 'ready',
        scaleRequested: requested.has(fn.functionId),
      });
      continue;
    }

    const fnAt = line.indexOf(FUNCTION, scale);
    const close = line.indexOf(']', scale);
    if (fnAt < 0 || close < 0 || close > fnAt) continue; // some other "[Scale…" text
    const { token, end } = tokenAfter(line, fnAt + FUNCTION.length);
    if (token.length === 0) {
      fail(n + 1, 'unreadable [Scale] line');
      continue;
    }
    const badName = openFaasFunctionNameProblem(token);
    if (badName !== undefined) {
      fail(n + 1, badName);
      continue;
    }
    const fn = openFaasFunction(token, options.gateway, namespace);
    const rest = line.slice(end + 1);
    if (rest.startsWith('0 => ') && rest.endsWith(' requested')) {
      const replicas = Number(rest.slice(5, -' requested'.length));
      if (!Number.isFinite(replicas)) {
        fail(n + 1, 'unreadable replica count in [Scale] line');
        continue;
      }
      requested.add(fn.functionId);
      scaleRequests.push({ functionId: fn.functionId, timeMs, replicas });
    } else if (rest.startsWith('0=>N timed-out after ')) {
      const waited = tokenAfter(rest, '0=>N timed-out after '.length).token;
      const wait = seconds(waited);
      if (wait === undefined) {
        fail(n + 1, 'unreadable timeout in [Scale] line');
        continue;
      }
      const waitMs = secondsToMs(wait);
      const badWait = waitProblem(waitMs, waited);
      if (badWait !== undefined) {
        fail(n + 1, badWait);
        continue;
      }
      coldStarts.push({
        functionId: fn.functionId,
        name: fn.name,
        namespace: fn.namespace,
        gateway: options.gateway,
        timeMs,
        waitMs,
        outcome: 'timed-out',
        scaleRequested: requested.has(fn.functionId),
      });
    }
  }
  return { coldStarts, scaleRequests, lines: lines.length, errorCount, errors };
}

/**
 * Cold starts as per-minute rows (source 'openfaas_gateway', no invocations: the invocations themselves
 * come from the gateway metrics or the watchdog logs, so counting them here would count them twice).
 * Each lands in the minute the waiting request arrived; its wait is the init duration, because the
 * wait for a ready replica is what the caller pays for the cold start.
 */
export function coldStartRows(coldStarts: readonly OpenFaasColdStart[]): FunctionMinuteRow[] {
  const rows = new Map<string, FunctionMinuteRow>();
  for (const c of coldStarts) {
    if (!classifyInit({ platform: 'openfaas', gatewayScaleFromZero: c.outcome }).coldStart)
      continue;
    const minuteMs = Math.floor((c.timeMs - c.waitMs) / 60_000) * 60_000;
    const key = `${c.functionId}\u0000${minuteMs}`;
    let row = rows.get(key);
    if (row === undefined) {
      const totals: IntervalTotals = emptyIntervalTotals('openfaas_gateway', c.functionId, '');
      row = { ...totals, minuteMs };
      rows.set(key, row);
    }
    row.coldStarts++;
    row.initDurationSumMs += c.waitMs;
    addToHistogram(row.initBuckets, c.waitMs);
  }
  return [...rows.values()];
}
