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

  it.each(['/api/health', '/api/docs', '/api/docs-json', '/metrics', '/'])(
    'leaves %s open',
    async (path) => {
      expect(await status(path)).toBe(200);
    },
  );
});
