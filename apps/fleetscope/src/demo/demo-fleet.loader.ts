import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { importAzureFunctions, type FleetscopeEndpoints } from '@fleetscope/cli';
import { functionId } from '@fleetscope/model';
import { encodeTraceRequestProtobuf } from '@fleetscope/otlp';
import {
  functionKey,
  readDurationPercentiles,
  readInvocationCounts,
  synthesiseKnativeDemo,
  synthesiseLambdaDemo,
  type LambdaDemoFunction,
} from '@fleetscope/traces';

/** The repository's copies of the public Azure samples (with SOURCES.md and their licences). */
export const DEMO_DATA_DIR = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'azure-functions',
);
/** Every account and function name of the demo fleet starts with this. */
export const DEMO_PREFIX = 'demo-';
/** A handful of invocations per minute keep the load within a minute; idle minutes stay exact. */
const CAP_PER_MINUTE = 2;
const MINUTE_MS = 60_000;
const DEMO_ACCOUNT = '000000000000';
const DEMO_REGION = 'eu-west-1';

/**
 * Lambda functions of the demo, each given the traffic of one function of the Azure 2019 sample
 * (by its row in invocations.csv): a busy HTTP API, a queue consumer that goes idle (cold
 * starts) and an event handler.
 */
const LAMBDA_FUNCTIONS: (LambdaDemoFunction & { row: number; timeoutMs: number })[] = [
  {
    row: 0,
    account: DEMO_ACCOUNT,
    region: DEMO_REGION,
    name: `${DEMO_PREFIX}checkout-api`,
    memoryMb: 1024,
    usedMb: 180,
    runtime: 'nodejs22.x',
    initMs: 140,
    spans: true,
    timeoutMs: 3000,
  },
  {
    row: 4,
    account: DEMO_ACCOUNT,
    region: DEMO_REGION,
    name: `${DEMO_PREFIX}orders-queue`,
    memoryMb: 512,
    usedMb: 150,
    runtime: 'python3.12',
    initMs: 85,
    spans: false,
    timeoutMs: 30_000,
  },
  {
    row: 3,
    account: DEMO_ACCOUNT,
    region: DEMO_REGION,
    name: `${DEMO_PREFIX}image-events`,
    memoryMb: 2048,
    usedMb: 700,
    runtime: 'java21',
    initMs: 240,
    spans: false,
    timeoutMs: 30_000,
  },
];

export interface DemoLoadSummary {
  azureInvocations: number;
  azure2021Invocations: number;
  lambdaInvocations: number;
  recommendations: number;
  weeklyReport: string | null;
  seconds: number;
}

async function post(
  url: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { method: 'POST', headers, body });
    if (response.ok) return;
    if ((response.status === 429 || response.status === 503) && attempt < 30) {
      await new Promise((r) =>
        setTimeout(r, 1000 * Number(response.headers.get('retry-after') ?? 1)),
      );
      continue;
    }
    throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  }
}

function auth(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * The ISO week whose report the demo builds: the one holding most of its day (the 24 hours before
 * now), where the day's midpoint falls. At 00:04 on a Monday the week of now held four minutes of
 * it, and its report priced 9 of the 10 Azure functions at nothing.
 */
export function demoReportWeek(nowMs: number): string {
  return isoWeek(nowMs - 720 * MINUTE_MS);
}

/** ISO-8601 week of a date, e.g. 2026-W49 (weeks start on Monday; week 1 holds 4 January). */
export function isoWeek(ms: number): string {
  const d = new Date(ms);
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Loads the demo fleet into a running Fleetscope through its public surface, as a user would:
 * the Azure 2019 10-function sample (a day ending now, at most two invocations a minute) and the
 * 2021 sample (the last hour) through `fleetscope import azure-functions`; three Lambda functions
 * with the traffic of three of those functions as CloudWatch Logs subscription deliveries (and
 * one also as OTLP spans); their configuration by hand; then the analyses and a weekly report.
 */
export async function loadDemoFleet(
  endpoints: FleetscopeEndpoints,
  nowMs = Date.now(),
  log: (line: string) => void = () => undefined,
): Promise<DemoLoadSummary> {
  const began = Date.now();
  const dayStartMs = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - 1440 * MINUTE_MS;
  const sample2019 = join(DEMO_DATA_DIR, '2019-10fn');
  const common = { seed: 1, prefix: DEMO_PREFIX, batchSpans: 5000, concurrency: 4 };

  const azure = await importAzureFunctions(
    {
      ...common,
      invocations: join(sample2019, 'invocations.csv'),
      durations: join(sample2019, 'durations.csv'),
      memory: join(sample2019, 'memory.csv'),
      dayStartMs,
      capPerMinute: CAP_PER_MINUTE,
    },
    endpoints,
  );
  log(`Azure 2019 sample: ${azure.invocations} invocations of ${azure.functions} functions`);
  const azure2021 = await importAzureFunctions(
    {
      ...common,
      invocations: join(DEMO_DATA_DIR, '2021', 'Azure2021_200.csv'),
      dayStartMs: Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - 60 * MINUTE_MS,
    },
    endpoints,
  );
  log(
    `Azure 2021 sample: ${azure2021.invocations} invocations of ${azure2021.functions} functions`,
  );

  const { rows } = await readInvocationCounts(
    createReadStream(join(sample2019, 'invocations.csv')),
    'invocations.csv',
  );
  const durations = await readDurationPercentiles(
    createReadStream(join(sample2019, 'durations.csv')),
    'durations.csv',
  );
  let lambdaInvocations = 0;
  const sends: Promise<void>[] = [];
  for (const fn of LAMBDA_FUNCTIONS) {
    const row = rows[fn.row];
    const points = durations.get(functionKey(row))?.points ?? [
      { p: 0, value: 100 },
      { p: 1, value: 100 },
    ];
    for (const batch of synthesiseLambdaDemo(row.counts, points, fn, {
      dayStartMs,
      seed: fn.row + 1,
      capPerMinute: CAP_PER_MINUTE,
      reclaimMinutes: 10,
      eventsPerDelivery: 600,
    })) {
      for (const d of batch.deliveries) {
        lambdaInvocations += d.message.logEvents.filter((e) =>
          e.message.startsWith('REPORT'),
        ).length;
        const body = JSON.stringify({
          awslogs: { data: gzipSync(JSON.stringify(d.message)).toString('base64') },
        });
        sends.push(
          post(`${endpoints.ingestUrl}/ingest/lambda/cloudwatch?region=${d.region}`, body, {
            'content-type': 'application/json',
            ...auth(endpoints.ingestToken),
          }),
        );
      }
      if (batch.spans) {
        sends.push(
          post(
            `${endpoints.ingestUrl}/v1/traces`,
            Buffer.from(encodeTraceRequestProtobuf(batch.spans)),
            {
              'content-type': 'application/x-protobuf',
              ...auth(endpoints.ingestToken),
            },
          ),
        );
      }
      if (sends.length >= 8) await Promise.all(sends.splice(0));
    }
    await Promise.all(sends.splice(0));
    const id = functionId({
      platform: 'aws_lambda',
      account: fn.account,
      region: fn.region,
      name: fn.name,
    });
    const put = await fetch(`${endpoints.apiUrl}/api/functions/${encodeURIComponent(id)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...auth(endpoints.apiToken) },
      body: JSON.stringify({
        memoryMb: fn.memoryMb,
        timeoutMs: fn.timeoutMs,
        runtime: fn.runtime,
        architecture: 'x86_64',
      }),
    });
    if (!put.ok)
      throw new Error(`PUT config of ${fn.name} answered ${put.status}: ${await put.text()}`);
  }
  log(
    `Lambda: ${lambdaInvocations} invocations of ${LAMBDA_FUNCTIONS.length} functions (REPORT lines, OTLP spans)`,
  );

  // A Knative service with the traffic of the sample's queue function that goes idle: what the
  // keep-alive analysis advises a retention period for.
  const knRow = rows[4];
  let knativeInvocations = 0;
  for (const request of synthesiseKnativeDemo(
    knRow.counts,
    durations.get(functionKey(knRow))?.points ?? [
      { p: 0, value: 100 },
      { p: 1, value: 100 },
    ],
    {
      namespace: 'demo-shop',
      cluster: 'demo-cluster',
      service: 'demo-reports',
      revision: 'demo-reports-00001',
    },
    { dayStartMs, seed: 5, capPerMinute: CAP_PER_MINUTE, batchSpans: 5000 },
  )) {
    knativeInvocations += request.resourceSpans?.[0]?.scopeSpans?.[0]?.spans?.length ?? 0;
    await post(
      `${endpoints.ingestUrl}/v1/traces`,
      Buffer.from(encodeTraceRequestProtobuf(request)),
      {
        'content-type': 'application/x-protobuf',
        ...auth(endpoints.ingestToken),
      },
    );
  }
  const knId = functionId({
    platform: 'knative',
    account: 'demo-shop',
    region: 'demo-cluster',
    name: 'demo-reports',
  });
  const knPut = await fetch(
    `${endpoints.apiUrl}/api/functions/${encodeURIComponent(knId)}/config`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...auth(endpoints.apiToken) },
      body: JSON.stringify({ podCpu: 0.5, podMemoryMb: 512 }),
    },
  );
  if (!knPut.ok) {
    throw new Error(`PUT config of demo-reports answered ${knPut.status}: ${await knPut.text()}`);
  }
  log(`Knative: ${knativeInvocations} invocations of demo-reports (OTLP spans)`);

  const apiPost = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${endpoints.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(endpoints.apiToken) },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  // POST /api/analyses/run joins a run already going (a tick of the schedule, every 15 min): one
  // that began before the last of the demo's data went in is run again, or the recommendations
  // page missed the functions loaded last (seen under load: the Knative service had no advice).
  const loadedAtMs = Date.now();
  type RunSummary = { recommendations?: number; startedAt: string };
  let run = await apiPost<RunSummary>('/api/analyses/run', {});
  if (Date.parse(run.startedAt) < loadedAtMs) {
    run = await apiPost<RunSummary>('/api/analyses/run', {});
  }
  const week = demoReportWeek(nowMs);
  let weeklyReport: string | null = week;
  try {
    await apiPost('/api/reports/weekly', { week });
  } catch (error) {
    weeklyReport = null;
    log(`weekly report not built: ${(error as Error).message}`);
  }
  return {
    azureInvocations: azure.invocations,
    azure2021Invocations: azure2021.invocations,
    lambdaInvocations,
    recommendations: run.recommendations ?? 0,
    weeklyReport,
    seconds: (Date.now() - began) / 1000,
  };
}
