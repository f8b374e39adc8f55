import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeServer, type FakeServer } from './fake-server';
import { msTaken } from '../support/ms-taken';

/** A gateway that answers 200 at once, then its body a byte every 300 ms, forever. */
async function startTricklingGateway(): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<ServerResponse>();
  const server: Server = createServer((_req, res) => {
    open.add(res);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.write('#');
    const drip = setInterval(() => res.write(' '), 300);
    res.on('close', () => {
      clearInterval(drip);
      open.delete(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PlatformScrapeService with a slowly answering target', () => {
  let fleetscope: RunningFleetscope | undefined;
  let good: FakeServer;
  let slow: Awaited<ReturnType<typeof startTricklingGateway>>;
  let scraped = 0;

  beforeAll(async () => {
    good = await startFakeServer((request) => {
      if (request.path !== '/metrics') return { status: 404, body: 'not found' };
      scraped++;
      return {
        type: 'text/plain; version=0.0.4',
        body: [
          '# TYPE gateway_function_invocation_total counter',
          `gateway_function_invocation_total{code="200",function_name="echo.openfaas-fn"} ${scraped * 10}`,
          '',
        ].join('\n'),
      };
    });
    slow = await startTricklingGateway();
    fleetscope = await startFleetscope({
      FLEETSCOPE_OPENFAAS_GATEWAYS: `slow=http://127.0.0.1:${slow.port},good=http://127.0.0.1:${good.port}`,
      FLEETSCOPE_SCRAPE_INTERVAL_SECONDS: '1',
    });
  });

  afterAll(async () => {
    // On a build that waits on the trickle, this is what lets it stop.
    await slow.close();
    await fleetscope?.stop();
    await good.close();
  });

  it('goes on scraping the other target each interval, and counts the slow one as timed out', async () => {
    await sleep(6_000);
    // Alone, the good gateway would be scraped about 7 times in 6 s (at start, then each second).
    expect(scraped).toBeGreaterThanOrEqual(4);
    const metrics = await fetch(`${fleetscope!.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /fleetscope_ingest_rejected_items_total\{signal="openfaas_scrape",reason="timeout"\} [1-9]/,
    );
  });

  it('stops without waiting for the trickle to end', async () => {
    const running = fleetscope!;
    fleetscope = undefined;
    const stopped = running.stop();
    const tookMs = await msTaken(stopped, 10_000);
    if (tookMs === Infinity) {
      await slow.close();
      await stopped;
    }
    expect(tookMs).toBeLessThan(5_000);
  });
});
