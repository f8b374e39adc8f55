import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const SPANS = JSON.stringify({ resourceSpans: [] });

describe('the collector without an ingest token', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({});
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const send = (headers: Record<string, string>) =>
    fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: SPANS,
    });

  it("defect (any web page could send it data): refuses a browser's request from another site, naming why", async () => {
    for (const origin of ['https://evil.example', 'http://evil.example:4318', 'null']) {
      const answer = await send({ origin });
      expect({ origin, status: answer.status }).toEqual({ origin, status: 403 });
      expect(((await answer.json()) as { message: string }).message).toContain(
        'is another site: without FLEETSCOPE_INGEST_TOKEN',
      );
    }
    const metrics = await (await fetch(`${fleetscope.ingestUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /fleetscope_ingest_rejected_items_total\{[^}]*reason="forbidden_origin"[^}]*\} 3/,
    );
  });

  it('takes senders that are not browsers, and pages of this machine', async () => {
    expect((await send({})).status).toBe(200);
    expect((await send({ origin: 'http://localhost:8080' })).status).toBe(200);
  });
});
