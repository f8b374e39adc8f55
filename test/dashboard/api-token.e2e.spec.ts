import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const API_TOKEN = 'api-token-e2e';

/**
 * FLEETSCOPE_API_TOKEN guards the API on :8080/api (README, "Configuration"); the health check,
 * the OpenAPI description and the Prometheus counters at /metrics stay open for probes and
 * scrapers, as /health and /metrics on :4318 do under the ingest token.
 */
describe('FLEETSCOPE_API_TOKEN', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_API_TOKEN: API_TOKEN });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const status = async (path: string, headers: Record<string, string> = {}) =>
    (await fetch(`${fleetscope.apiUrl}${path}`, { headers })).status;

  it('refuses the API without the token, or with another, and answers with it', async () => {
    expect(await status('/api/functions')).toBe(401);
    expect(await status('/api/functions', { authorization: `Bearer not-${API_TOKEN}` })).toBe(401);
    expect(await status('/api/functions', { authorization: `Bearer ${API_TOKEN}` })).toBe(200);
  });

  it('asks for the token in the OpenAPI document on every guarded operation, so Swagger UI sends it', async () => {
    // A review: the document defined the bearer scheme and no operation used it; "Authorize"
    // sent nothing and each "Try it out" got 401.
    const document = (await (await fetch(`${fleetscope.apiUrl}/api/docs-json`)).json()) as {
      security?: Record<string, string[]>[];
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
      >;
    };
    expect(document.security).toEqual([{ bearer: [] }]);
    const guarded = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(guarded.length).toBeGreaterThan(15);
    for (const { path, method, op } of guarded) {
      if (path === '/api/health' || path === '/metrics') {
        expect([path, method, op.security]).toEqual([path, method, []]);
        continue;
      }
      expect([path, method, op.security, '401' in op.responses]).toEqual([
        path,
        method,
        undefined,
        true,
      ]);
    }
  });

  it.each(['/api/health', '/api/docs', '/api/docs-json', '/metrics', '/'])(
    'leaves %s open',
    async (path) => {
      expect(await status(path)).toBe(200);
    },
  );
});
