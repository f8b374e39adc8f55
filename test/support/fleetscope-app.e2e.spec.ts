import { createServer, type Server } from 'node:net';
import { startFleetscope } from './fleetscope-app';

async function holdPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe(startFleetscope.name, () => {
  it.each(['FLEETSCOPE_HTTP_PORT', 'FLEETSCOPE_OTLP_HTTP_PORT', 'FLEETSCOPE_OTLP_GRPC_PORT'])(
    'closes what it opened when %s is taken, so the next start in the same process works',
    async (variable) => {
      const taken = await holdPort();
      try {
        await expect(startFleetscope({ [variable]: String(taken.port) })).rejects.toThrow();
      } finally {
        taken.server.close();
      }
      // chDB allows one data directory per process: this start fails if the first left it open.
      const next = await startFleetscope();
      try {
        expect((await fetch(`${next.apiUrl}/api/health`)).status).toBe(200);
        expect((await fetch(`${next.ingestUrl}/health`)).status).toBe(200);
        expect(Number(next.grpcAddress.split(':')[1])).toBeGreaterThan(0);
      } finally {
        await next.stop();
      }
    },
    60_000,
  );
});
