import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RunningFleetscope } from '../support/fleetscope-app';

/** The fields of a GET /api/functions row these tests read (shape fixed in docs/architecture.md "Public surface"). */
export interface FunctionSummary {
  id: string;
  platform: string;
  account: string;
  name: string;
  version: string;
  region: string;
  runtime: string;
  architecture: string;
  memoryMb: number | null;
  timeoutMs: number | null;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  coldStartRate: number;
  durationMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  initDurationMs: { p50: number | null; p95: number | null; p99: number | null };
  maxMemoryUsedMb: number | null;
  billedGbSeconds: number;
  costUsd: number | null;
}

// Each third-party payload is kept once, beside the parser whose unit specs read it; every
// folder's SOURCES.md says where its files come from.
const FIXTURE_DIRS = ['cloudwatch', 'firehose', 'lambda/telemetry'].map((dir) =>
  join(__dirname, '..', '..', 'libs', 'ingest', 'src', dir, '__fixtures__'),
);

/** A Lambda fixture of libs/ingest (see the SOURCES.md beside it) as text. */
export function fixtureText(name: string): string {
  const dir = FIXTURE_DIRS.find((d) => existsSync(join(d, name)));
  if (!dir) throw new Error(`no fixture ${name} in ${FIXTURE_DIRS.join(', ')}`);
  return readFileSync(join(dir, name), 'utf8');
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** POSTs a body (objects as JSON) and reads the answer whatever its status. */
export async function post<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Answer<T>> {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

/** A CloudWatch Logs subscription payload as Lambda's destination receives it: gzip + base64. */
export function awslogs(message: Record<string, unknown>): { awslogs: { data: string } } {
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

export interface LogEvent {
  id?: string;
  timestamp: number;
  message: string;
}

/** A CloudWatch Logs DATA_MESSAGE of a Lambda function's log group. */
export function dataMessage(
  account: string,
  name: string,
  logStream: string,
  logEvents: LogEvent[],
): Record<string, unknown> {
  return {
    messageType: 'DATA_MESSAGE',
    owner: account,
    logGroup: `/aws/lambda/${name}`,
    logStream,
    subscriptionFilters: ['fleetscope'],
    logEvents: logEvents.map((e, i) => ({ id: e.id ?? `${e.timestamp}${i}`, ...e })),
  };
}

/** Rows of a query against the app's ClickHouse, parameters bound. */
export async function rows<T>(
  fleetscope: RunningFleetscope,
  query: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const result = await fleetscope.clickhouse.client.query({
    query,
    query_params: params,
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  return result.json<T>();
}

/** GET /api/functions over [from, to) (epoch ms), after everything queued is stored. */
export async function listFunctions(
  fleetscope: RunningFleetscope,
  fromMs: number,
  toMs: number,
): Promise<FunctionSummary[]> {
  await fleetscope.flush();
  const response = await fetch(`${fleetscope.apiUrl}/api/functions?from=${fromMs}&to=${toMs}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { functions: FunctionSummary[] };
  return body.functions;
}

/** One counter value of GET :4318/metrics (0 when the series is absent). */
export async function metricValue(
  fleetscope: RunningFleetscope,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const text = await fetch(`${fleetscope.ingestUrl}/metrics`).then((r) => r.text());
  const series = `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Start of the minute `minutesAgo` minutes before now, plus `offsetMs`: records in one minute. */
export function minuteAgo(minutesAgo: number, offsetMs = 0): number {
  return Math.floor(Date.now() / 60_000) * 60_000 - minutesAgo * 60_000 + offsetMs;
}

/** A REPORT line as Lambda prints it (tab separated, trailing tab). */
export function reportLine(
  requestId: string,
  r: { durationMs: number; billedMs: number; memoryMb: number; maxUsedMb: number; initMs?: number },
): string {
  const init = r.initMs === undefined ? '' : `Init Duration: ${r.initMs.toFixed(2)} ms\t`;
  return (
    `REPORT RequestId: ${requestId}\tDuration: ${r.durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${r.billedMs} ms\tMemory Size: ${r.memoryMb} MB\t` +
    `Max Memory Used: ${r.maxUsedMb} MB\t${init}`
  );
}
