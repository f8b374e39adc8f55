import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CollectorHttpServer } from '@fleetscope/collector';
import { registeredRoutes } from '@fleetscope/server';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

interface Route {
  method: string;
  url: string;
}

interface OpenApiOperation {
  summary?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: { enum?: string[]; type?: string; items?: unknown };
  }[];
  requestBody?: {
    content?: Record<string, { schema?: { required?: string[]; properties?: object } }>;
  };
  responses?: Record<string, unknown>;
}

const README = join(__dirname, '..', '..', 'README.md');
/** `GET /api/functions/:id/timeseries?from&to` → method and path, as the README writes routes. */
const README_ROUTE = /`(GET|POST|PUT|DELETE|PATCH) (\/[^`?\s]*)[^`]*`/g;

const show = (r: Route) => `${r.method} ${r.url}`;
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/**
 * The README's route list and the OpenAPI document against the routes the apps really register
 * (issue 15, item 13). When a route is added, the failure says what to write and where.
 */
describe('Documented routes', () => {
  let fleetscope: RunningFleetscope;
  let api: Route[];
  let ingest: Route[];
  let openapi: { paths: Record<string, Record<string, OpenApiOperation>> };
  const readme = readFileSync(README, 'utf8');
  const documented = [...readme.matchAll(README_ROUTE)].map((m) => `${m[1]} ${m[2]}`);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    api = registeredRoutes(fleetscope.app).filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    ingest = fleetscope.app.get(CollectorHttpServer).routes;
    openapi = (await fetch(`${fleetscope.apiUrl}/api/docs-json`).then((r) => r.json())) as never;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('finds the routes it checks', () => {
    expect(api.map(show)).toContain('GET /api/functions/:id');
    expect(ingest.map(show)).toContain('POST /ingest/knative/metrics');
  });

  it('lists every registered route in the README, and no route that does not exist', () => {
    const missing = [
      ...api
        .filter((r) => !documented.includes(show(r)))
        .map(
          (r) =>
            `README.md: add \`${show(r)}\` (with its query parameters, e.g. \`${show(r)}?from&to\`) to the list under "## Dashboard and API"`,
        ),
      ...ingest
        .filter((r) => !documented.includes(show(r)))
        .map(
          (r) =>
            `README.md: add \`${show(r)}\` (with its query parameters) to "## Sending data" (ingest on :4318)`,
        ),
    ];
    const registered = new Set([...api, ...ingest].map(show));
    const stale = documented
      .filter((route) => !registered.has(route))
      .map((route) => `README.md: \`${route}\` is not a registered route: fix or remove it`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it('describes every API route in the OpenAPI document with a summary', () => {
    const problems = api.flatMap((r) => {
      const operation = openapi.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
      if (!operation) {
        return [
          `OpenAPI (/api/docs-json): ${show(r)} is missing: do not exclude its handler (@ApiExcludeEndpoint) and register its controller in DashboardModule`,
        ];
      }
      return operation.summary
        ? []
        : [`OpenAPI: ${show(r)} has no summary: give its handler @ApiOperation({ summary: '…' })`];
    });
    expect(problems).toEqual([]);
  });

  it('documents the PUT /config body, the recommendations functionId and every groupBy value', () => {
    const put = openapi.paths['/api/functions/{id}/config']?.put;
    expect(put?.requestBody?.content?.['application/json']?.schema).toBeDefined();
    const recommendations = openapi.paths['/api/recommendations']?.get;
    expect(recommendations?.parameters?.map((p) => p.name)).toContain('functionId');
    const groupBy = openapi.paths['/api/coldstarts']?.get?.parameters?.find(
      (p) => p.name === 'groupBy',
    );
    expect(groupBy?.schema?.enum).toContain('initType');
    for (const value of groupBy?.schema?.enum ?? []) expect(readme).toContain(`\`${value}\``);
  });

  it('defect (@Query parameters without @ApiQuery were documented as required): marks a query parameter required only when the route answers 400 without it', async () => {
    // from/to of /api/functions/{id}, /timeseries and /invocations and GET /api/tuning-jobs's
    // limit were marked required; each route answers 200 without them.
    const sample: Record<string, string> = {
      id: 'aws_lambda~123456789012~eu-west-1~documented',
      week: '2026-W48',
    };
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const required = (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => p.name);
        if (required.length === 0) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(sample[name] ?? 'x'),
        );
        const answer = await fetch(`${fleetscope.apiUrl}${url}`, {
          method: method.toUpperCase(),
        });
        if (answer.status !== 400) {
          wrong.push(
            `${method.toUpperCase()} ${path}: [${required.join(', ')}] marked required, answered ${answer.status} without them: give each @ApiQuery({ required: false })`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    const optional = (path: string, method: string, name: string) =>
      openapi.paths[path]?.[method]?.parameters?.find((p) => p.name === name)?.required;
    for (const path of [
      '/api/functions/{id}',
      '/api/functions/{id}/timeseries',
      '/api/functions/{id}/invocations',
    ]) {
      expect({
        path,
        from: optional(path, 'get', 'from'),
        to: optional(path, 'get', 'to'),
      }).toEqual({ path, from: false, to: false });
    }
    expect(optional('/api/tuning-jobs', 'get', 'limit')).toBe(false);
  });

  it('documents the weekly report body, the keep-alive policy and the 4xx answers of the function routes', () => {
    const weekly =
      openapi.paths['/api/reports/weekly']?.post?.requestBody?.content?.['application/json']
        ?.schema;
    expect(weekly?.required).toEqual(['week']);
    expect(Object.keys(weekly?.properties ?? {}).sort()).toEqual(['deliver', 'resend', 'week']);
    const policy = openapi.paths['/api/keepalive/replay']?.get?.parameters?.find(
      (p) => p.name === 'policy',
    );
    expect(policy?.schema).toEqual({ type: 'array', items: { type: 'string' } });
    expect(Object.keys(openapi.paths['/api/functions/{id}']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '404']),
    );
  });

  it('documents the OpenFaaS ?gateway= and ?function= parameters and which Firehose key counts', () => {
    expect(readme).toMatch(/`POST \/ingest\/openfaas\/gateway-logs\?gateway=/);
    expect(readme).toMatch(/`POST \/ingest\/openfaas\/watchdog-logs\?[^`]*function=/);
    expect(readme).toContain(
      'X-Amz-Firehose-Access-Key must equal `FLEETSCOPE_FIREHOSE_ACCESS_KEY` when it is set (the ingest token is then refused), else the ingest token',
    );
  });
});
