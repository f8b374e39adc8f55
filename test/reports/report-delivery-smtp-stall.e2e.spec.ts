import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * A mail server that greets and then never answers (found by a review): with nodemailer's own
 * timeouts (10 minutes of silence) one attempt held the delivery, and the request that asked for
 * it, for 10 minutes; five attempts close to an hour. Delivery now gives an attempt up after
 * SMTP_SOCKET_TIMEOUT_MS of silence.
 */
const WEEK = '2026-W40';

describe('Weekly report delivery to a mail server that stalls', () => {
  let fleetscope: RunningFleetscope;
  let stall: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    stall = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      // The greeting, then nothing: EHLO is never answered.
      socket.write('220 stall.example ESMTP\r\n');
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    fleetscope = await startFleetscope({
      FLEETSCOPE_REPORT_SMTP_URL: `smtp://127.0.0.1:${(stall.address() as AddressInfo).port}`,
      FLEETSCOPE_REPORT_EMAIL_TO: 'finance@example.com',
      FLEETSCOPE_REPORT_EMAIL_FROM: 'fleetscope@example.com',
      FLEETSCOPE_REPORT_DELIVERY_ATTEMPTS: '1',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => stall?.close(() => resolve()));
  });

  it('gives an attempt up after a bounded silence and stores the delivery as failed', async () => {
    const started = Date.now();
    const response = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: WEEK, deliver: true }),
    });
    expect(response.status).toBe(502);
    // Well under nodemailer's 10 minutes: the attempt ends once the socket has been silent for
    // SMTP_SOCKET_TIMEOUT_MS (20 s).
    expect(Date.now() - started).toBeLessThan(60_000);
    const list = (await (await fetch(`${fleetscope.apiUrl}/api/reports`)).json()) as {
      reports: { week: string; deliveries: { channel: string; status: string; error: string }[] }[];
    };
    const deliveries = list.reports.find((r) => r.week === WEEK)!.deliveries;
    expect(deliveries).toEqual([
      expect.objectContaining({ channel: 'email', status: 'failed', error: expect.any(String) }),
    ]);
  }, 90_000);
});
