import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import Ajv, { type ErrorObject } from 'ajv';
import { isoWeekOf } from '@fleetscope/reports';
import { registeredRoutes } from '@fleetscope/server';
import { COLD_START_GROUPS } from '@fleetscope/storage';
import { pointAwsSdkAt } from '../support/aws-sdk-env';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeLambda, type FakeLambda } from '../tuning/support/fake-lambda.server';
import { postTuningJob, waitForTuningJob } from '../tuning/support/tuning-jobs.client';

type Schema = Record<string, unknown>;

interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
  components?: { schemas?: Record<string, Schema> };
}

const ROOT = join(__dirname, '..', '..');
const TABLE = 'apps/dashboard/src/openapi/response-types.ts';
const GENERATED = 'apps/dashboard/src/openapi/response-schemas.generated.ts';
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const idOf = (name: string) => `aws_lambda~${ACCOUNT}~${REGION}~${name}`;
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/**
 * Two functions' REPORT lines of the last hour, as CloudWatch Logs subscription deliveries: orders
 * (the function the Lambda stand-in tunes) and image-resize, whose durations come close to its
 * 1 s timeout (a timeout-risk recommendation).
 */
function deliveries(nowMs: number): { awslogs: { data: string } }[] {
  const minute = Math.floor(nowMs / 60_000) * 60_000;
  const fleet = [
    { name: 'orders', memoryMb: 2048, durationMs: (i: number) => 80 + (i % 7) * 9 },
    { name: 'image-resize', memoryMb: 1024, durationMs: (i: number) => 860 + (i % 4) * 20 },
  ];
  return fleet.map((fn) => {
    const logEvents = Array.from({ length: 30 }, (_, i) => {
      const timestamp = minute - (31 - i) * 60_000 + 10_000;
      const duration = fn.durationMs(i);
      const init = i % 10 === 0 ? 'Init Duration: 240.00 ms\t' : '';
      const message =
        `REPORT RequestId: ${fn.name}-${String(i).padStart(4, '0')}-0000-4000-8000-000000000000\t` +
        `Duration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\t` +
        `Memory Size: ${fn.memoryMb} MB\tMax Memory Used: ${100 + (i % 13)} MB\t${init}`;
      return { id: `${timestamp}${i}`, timestamp, message };
    });
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: ACCOUNT,
      logGroup: `/aws/lambda/${fn.name}`,
      logStream: '2026/01/01/[$LATEST]main',
      subscriptionFilters: ['fleetscope'],
      logEvents,
    };
    return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
  });
}

/**
 * OpenAPI 3.0's `nullable` as JSON Schema, for ajv: `type: [t, "null"]` where there is a type, else
 * null or the schema (a nullable reference: `allOf: [{ $ref }]`).
 */
function jsonSchemaOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonSchemaOf);
  if (value === null || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Schema;
  const schema = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, jsonSchemaOf(v)]));
  if (nullable !== true) return schema;
  if (typeof schema.type === 'string') {
    return {
      ...schema,
      type: [schema.type, 'null'],
      ...(Array.isArray(schema.enum) ? { enum: [...new Set([...schema.enum, null])] } : {}),
    };
  }
  return { anyOf: [{ type: 'null' }, schema] };
}

/** The documented success answer of an operation: its status and response. */
function successOf(
  document: OpenApiDocument,
  method: string,
  url: string,
): [string, OpenApiResponse] | undefined {
  const responses = document.paths[openApiPath(url)]?.[method.toLowerCase()]?.responses ?? {};
  return Object.entries(responses).find(([status]) => /^2\d\d$/.test(status));
}

/**
 * The OpenAPI document describes the answers of the API (FinOps teams generate clients from it and
 * pull the data into their tools): every JSON route has a schema, generated from the type its
 * handler returns, and real answers over a real fleet (ingested, analysed, reported, tuned) match
 * it, closed objects included, so a field added without the schema fails here.
 */
describe('OpenAPI response schemas', () => {
  let lambda: FakeLambda;
  let restoreEnv: () => void;
  let fleetscope: RunningFleetscope;
  let document: OpenApiDocument;
  let ajv: Ajv;
  /** Answers gathered before the document's checks: those of the writes that set the fleet up. */
  const setupAnswers: { route: string; status: number; type: string; body: unknown }[] = [];
  let week: string;
  let jobId: string;

  async function call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; type: string; text: string }> {
    const response = await fetch(`${fleetscope.apiUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  /** Why a JSON answer does not match its route's documented schema; [] when it does. */
  function mismatches(route: string, status: number, type: string, body: unknown): string[] {
    const [method = '', url = ''] = route.split(' ');
    const success = successOf(document, method, url);
    const ref = success?.[1].content?.['application/json']?.schema?.$ref;
    if (typeof ref !== 'string') return [`${route}: no documented JSON answer`];
    const problems: string[] = [];
    if (String(status) !== success?.[0]) {
      problems.push(
        `${route}: answered ${status}, documented ${success?.[0]}: give the handler @ApiResponse({ status: ${status}, description: '…' })`,
      );
    }
    if (!type.startsWith('application/json')) problems.push(`${route}: answered ${type}`);
    const validate = ajv.getSchema(`openapi${ref}`);
    if (!validate) return [...problems, `${route}: ${ref} is not among components.schemas`];
    if (!validate(body)) {
      const errors = (validate.errors ?? []).map(
        (e: ErrorObject) =>
          `${e.instancePath || '(answer)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
      problems.push(
        `${route}: the answer does not match ${ref.split('/').pop()} (${errors.slice(0, 5).join('; ')}). Change the type the handler returns (named in ${TABLE}) to what it answers, then run \`npm run openapi:schemas\``,
      );
    }
    return problems;
  }

  beforeAll(async () => {
    lambda = await startFakeLambda([{ name: 'orders', curve: 'cost-optimum-mid', memoryMb: 2048 }]);
    restoreEnv = pointAwsSdkAt(lambda.url, REGION);
    // One hour of data: timeout risk needs 10 invocations here (50 by default).
    fleetscope = await startFleetscope({ FLEETSCOPE_RECOMMENDATION_MIN_INVOCATIONS: '10' });
    for (const body of deliveries(Date.now())) {
      const response = await fetch(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
      expect(response.status).toBe(200);
    }
    const record = async (route: string, method: string, path: string, body?: unknown) => {
      const answer = await call(method, path, body);
      const parsed: unknown = JSON.parse(answer.text);
      setupAnswers.push({ route, status: answer.status, type: answer.type, body: parsed });
      return parsed as Record<string, unknown>;
    };
    for (const [name, config] of [
      ['orders', { runtime: 'nodejs22.x', architecture: 'x86_64', memoryMb: 2048 }],
      ['image-resize', { runtime: 'python3.12', memoryMb: 1024, timeoutMs: 1000 }],
    ] as const) {
      await record(
        'PUT /api/functions/:id/config',
        'PUT',
        `/api/functions/${encodeURIComponent(idOf(name))}/config`,
        config,
      );
    }
    await fleetscope.flush();
    await record('POST /api/analyses/run', 'POST', '/api/analyses/run');
    week = isoWeekOf(Date.now()).label;
    await record('POST /api/reports/weekly', 'POST', '/api/reports/weekly', { week });
    const created = await postTuningJob(fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: 'orders',
      memorySizes: [512, 1024],
      mode: 'grid',
      invocationsPerSize: 5,
    });
    setupAnswers.push({
      route: 'POST /api/tuning-jobs',
      status: created.status,
      type: 'application/json',
      body: created.body,
    });
    jobId = String(created.body.id);
    expect(created.status).toBe(202);
    await waitForTuningJob(fleetscope.apiUrl, jobId);

    document = (await fetch(`${fleetscope.apiUrl}/api/docs-json`).then((r) =>
      r.json(),
    )) as OpenApiDocument;
    // strict: false: OpenAPI's own keywords (example, …) sit in the schemas.
    ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(
      { components: { schemas: jsonSchemaOf(document.components?.schemas ?? {}) } },
      'openapi',
    );
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await lambda?.close();
    restoreEnv?.();
  });

  it('documents a JSON schema for the answer of every API route', () => {
    const routes = registeredRoutes(fleetscope.app).filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes
      .filter((r) => {
        const schema = successOf(document, r.method, r.url)?.[1].content?.['application/json']
          ?.schema;
        return typeof schema?.$ref !== 'string';
      })
      .map(
        (r) =>
          `${r.method} ${r.url}: no schema for its answer. Annotate the handler with a named exported type (Promise<…Response>), add '${r.method} ${openApiPath(r.url)}': …Response to ApiResponses in ${TABLE}, then run \`npm run openapi:schemas\``,
      );
    expect(missing).toEqual([]);
  });

  it('documents the content type of the text answers: metrics and the rendered reports', () => {
    const types = (method: string, url: string) =>
      Object.keys(successOf(document, method, url)?.[1].content ?? {}).sort();
    expect(types('GET', '/metrics')).toEqual(['text/plain; version=0.0.4']);
    expect(types('GET', '/api/reports/:week')).toEqual([
      'application/json',
      'text/csv',
      'text/html',
      'text/markdown',
    ]);
  });

  it('answers what the schemas say, on every JSON route, over a real fleet', async () => {
    const orders = encodeURIComponent(idOf('orders'));
    const resize = encodeURIComponent(idOf('image-resize'));
    /** Each route, the paths to read it by, and the lists that must not be empty there. */
    const reads: [string, string[], string[]][] = [
      ['GET /api/health', ['/api/health'], []],
      ['GET /api/functions', ['/api/functions'], ['functions']],
      ['GET /api/functions/:id', [`/api/functions/${orders}`], []],
      [
        'GET /api/functions/:id/timeseries',
        [`/api/functions/${orders}/timeseries`, `/api/functions/${resize}/timeseries?step=5m`],
        ['points'],
      ],
      [
        'GET /api/functions/:id/invocations',
        [`/api/functions/${resize}/invocations`],
        ['invocations'],
      ],
      [
        'GET /api/recommendations',
        ['/api/recommendations', `/api/recommendations?explain=1&functionId=${orders}`],
        [],
      ],
      [
        'GET /api/coldstarts',
        COLD_START_GROUPS.map((g) => `/api/coldstarts?groupBy=${g}`),
        ['groups'],
      ],
      [
        'GET /api/keepalive/replay',
        ['/api/keepalive/replay', '/api/keepalive/replay?policy=fixed:2h'],
        ['functions'],
      ],
      ['GET /api/reports', ['/api/reports'], ['reports']],
      ['GET /api/reports/:week', [`/api/reports/${week}`, `/api/reports/${week}?format=json`], []],
      ['GET /api/tuning-jobs', ['/api/tuning-jobs'], ['jobs']],
      ['GET /api/tuning-jobs/:id', [`/api/tuning-jobs/${jobId}`], ['results']],
    ];
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const answer of setupAnswers) {
      checked.add(answer.route);
      problems.push(...mismatches(answer.route, answer.status, answer.type, answer.body));
    }
    for (const [route, paths, lists] of reads) {
      checked.add(route);
      for (const path of paths) {
        const answer = await call('GET', path);
        const body: unknown = JSON.parse(answer.text);
        problems.push(...mismatches(route, answer.status, answer.type, body));
        for (const list of lists) {
          const items = (body as Record<string, unknown>)[list];
          if (!Array.isArray(items) || items.length === 0) problems.push(`${path}: no ${list}`);
        }
      }
    }
    // The recommendations: the timeout risk of image-resize, in a plan.
    const recommendations = JSON.parse((await call('GET', '/api/recommendations')).text) as {
      recommendations: unknown[];
      plans: unknown[];
    };
    expect(recommendations.recommendations.length).toBeGreaterThan(0);
    expect(recommendations.plans.length).toBeGreaterThan(0);
    // Last: the cancel of the finished job, which changes nothing else read here.
    const cancelled = await call('DELETE', `/api/tuning-jobs/${jobId}`);
    checked.add('DELETE /api/tuning-jobs/:id');
    problems.push(
      ...mismatches(
        'DELETE /api/tuning-jobs/:id',
        cancelled.status,
        cancelled.type,
        JSON.parse(cancelled.text),
      ),
    );
    expect(problems).toEqual([]);
    // Every JSON route was read: a new one needs a line above.
    const unread = registeredRoutes(fleetscope.app)
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !checked.has(route));
    expect(unread).toEqual([]);
  });

  it('answers the text formats in the content types documented', async () => {
    const documented = (method: string, url: string) =>
      Object.keys(successOf(document, method, url)?.[1].content ?? {});
    const problems: string[] = [];
    for (const [route, path] of [
      ['GET /metrics', '/metrics'],
      ['GET /api/reports/:week', `/api/reports/${week}?format=html`],
      ['GET /api/reports/:week', `/api/reports/${week}?format=md`],
      ['GET /api/reports/:week', `/api/reports/${week}?format=csv`],
    ] as const) {
      const [method = '', url = ''] = route.split(' ');
      const answer = await call(method, path);
      const types = documented(method, url);
      // Parameters other than version (charset) are not part of what a client matches on.
      const type = answer.type.replace(/;\s*charset=[^;]*/i, '');
      if (answer.status !== 200 || !types.includes(type)) {
        problems.push(
          `${path}: answered ${answer.status} ${answer.type}; documented ${types.join(', ')}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves the schemas `npm run openapi:schemas` generates from the types today', async () => {
    // ~5 s: one generator run over the handlers' types, as the script makes it.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/openapi/response-schemas.ts', '--stdout'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const committed = readFileSync(join(ROOT, GENERATED), 'utf8');
    if (stdout !== committed) {
      throw new Error(
        `${GENERATED} is not what the types of ${TABLE} give today: run \`npm run openapi:schemas\` and commit it`,
      );
    }
  });
});
