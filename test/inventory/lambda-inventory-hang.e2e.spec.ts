import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { functionId } from '@fleetscope/model';
import { InventorySyncService } from '@fleetscope/collector';
import { startFakeServer, type FakeServer } from '../openfaas-knative/fake-server';
import { pointAwsSdkAt } from '../support/aws-sdk-env';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { msTaken } from '../support/ms-taken';

/** A Lambda API endpoint that accepts connections and never answers. */
async function startSilentEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Inventory with a Lambda API that never answers', () => {
  let silent: Awaited<ReturnType<typeof startSilentEndpoint>>;
  let fleetscope: RunningFleetscope | undefined;
  let gateway: FakeServer;
  let restoreEnv: (() => void) | undefined;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    silent = await startSilentEndpoint();
    gateway = await startFakeServer((request) =>
      request.path === '/system/functions'
        ? {
            body: JSON.stringify([
              { name: 'echo', namespace: 'openfaas-fn', limits: { memory: '256Mi' } },
            ]),
          }
        : { status: 404, body: 'not found' },
    );
    restoreEnv = pointAwsSdkAt(silent.url);
    // Observes what the services log; the messages still go out.
    warn = jest.spyOn(Logger.prototype, 'warn');
    // The sync at start reads both platforms.
    fleetscope = await startFleetscope({
      FLEETSCOPE_LAMBDA_INVENTORY_REGIONS: 'eu-west-1',
      FLEETSCOPE_OPENFAAS_GATEWAYS: `gw=http://127.0.0.1:${gateway.port}`,
      FLEETSCOPE_SCRAPE_INTERVAL_SECONDS: '600',
    });
  });

  afterAll(async () => {
    // On a build that waits on the Lambda API, closing it is what lets Fleetscope stop.
    await silent.close();
    await fleetscope?.stop();
    await gateway.close();
    restoreEnv?.();
    warn.mockRestore();
  });

  it('stores the OpenFaaS inventory while the Lambda call hangs', async () => {
    const id = functionId({
      platform: 'openfaas',
      account: 'openfaas-fn',
      region: 'gw',
      name: 'echo',
    });
    let memoryMb: number | undefined;
    for (let i = 0; i < 20 && memoryMb === undefined; i++) {
      await sleep(250);
      await fleetscope!.flush();
      const body = (await fetch(`${fleetscope!.apiUrl}/api/functions`).then((r) => r.json())) as {
        functions: { id: string; memoryMb: number | null }[];
      };
      memoryMb = body.functions.find((f) => f.id === id)?.memoryMb ?? undefined;
    }
    expect(memoryMb).toBe(256);
  });

  it('gives up on the hung call, counts it and names the region', async () => {
    // Three attempts of at most 10 s each.
    const timedOut =
      /fleetscope_ingest_rejected_items_total\{signal="inventory_aws_lambda",reason="TimeoutError"\} 1/;
    let metrics = '';
    for (let i = 0; i < 50 && !timedOut.test(metrics); i++) {
      await sleep(1_000);
      metrics = await fetch(`${fleetscope!.ingestUrl}/metrics`).then((r) => r.text());
    }
    expect(metrics).toMatch(timedOut);
    const logged = warn.mock.calls.map((call) => String(call[0]));
    expect(logged).toContainEqual(expect.stringMatching(/aws_lambda eu-west-1: .*TimeoutError/));
    expect(logged).toContainEqual(expect.stringMatching(/ListFunctions in eu-west-1/));
  }, 60_000);

  it('stops without waiting for a hung Lambda call', async () => {
    const running = fleetscope!;
    const sync = running.app.get(InventorySyncService).syncOnce();
    await sleep(1_000);
    fleetscope = undefined;
    const stopped = running.stop();
    const tookMs = await msTaken(stopped, 10_000);
    if (tookMs === Infinity) {
      await silent.close();
      await stopped;
    }
    await sync;
    expect(tookMs).toBeLessThan(5_000);
  });
});
