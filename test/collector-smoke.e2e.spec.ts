import { startFleetscope, type RunningFleetscope } from './support/fleetscope-app';

describe('Fleetscope all-in-one', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('answers health on the API and the collector', async () => {
    const health = await fetch(`${fleetscope.apiUrl}/api/health`).then((r) => r.json());
    expect(health).toEqual({
      status: 'ok',
      clickhouse: { mode: 'embedded', ok: true },
      version: expect.any(String),
      // Port 0 in the tests: the system picks the ports, there is no number to name.
      collector: { otlpHttpPort: null, otlpGrpcPort: null },
    });
    const collector = await fetch(`${fleetscope.ingestUrl}/health`);
    expect(collector.status).toBe(200);
  });
});
