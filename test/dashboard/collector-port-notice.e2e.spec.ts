import { createServer } from 'node:net';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { withPage } from '../support/chromium-page';

/** A port free a moment ago, for a collector that is not on the default 4318 and 4317. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

jest.setTimeout(60_000);

describe('The empty fleet page of a collector on its own ports', () => {
  let fleetscope: RunningFleetscope;
  let httpPort: number;
  let grpcPort: number;

  beforeAll(async () => {
    httpPort = await freePort();
    grpcPort = await freePort();
    fleetscope = await startFleetscope({
      FLEETSCOPE_OTLP_HTTP_PORT: String(httpPort),
      FLEETSCOPE_OTLP_GRPC_PORT: String(grpcPort),
    });
  });

  afterAll(() => fleetscope?.stop());

  it("GET /api/health names the collector's OTLP ports, as configured", async () => {
    const body = (await (await fetch(`${fleetscope.apiUrl}/api/health`)).json()) as {
      status: string;
      collector: { otlpHttpPort: number | null; otlpGrpcPort: number | null };
    };
    expect(body.status).toBe('ok');
    expect(body.collector).toEqual({ otlpHttpPort: httpPort, otlpGrpcPort: grpcPort });
  });

  it('defect: the notice sent telemetry to port 4318 whatever the collector listened on; it names the configured ports', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=24h`);
      const notice = page.locator('#notice', { hasText: 'No invocations' });
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).not.toMatch(/4318/);
      expect(text).toContain(`port ${httpPort}`);
      expect(text).toContain(`port ${grpcPort}`);
      expect(text).toMatch(/or pick a longer range/);
    });
  });

  it('defect: at 7 days, the longest range, the notice still said "or pick a longer range"; it does not', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=7d`);
      const notice = page.locator('#notice', { hasText: 'No invocations' });
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toMatch(/No invocations in the last 7 days/);
      expect(text).not.toMatch(/longer range/);
      expect(text).toContain(`port ${httpPort}`);

      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=7d`);
      const coldStarts = page.locator('#notice', { hasText: 'No invocations' });
      await coldStarts.waitFor();
      expect(await coldStarts.innerText()).not.toMatch(/longer range/);
    });
  });
});
