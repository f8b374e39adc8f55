import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * A webhook URL with credentials (http://user:password@host/…) against a real local HTTP server
 * that requires them as Basic auth; the password and the hook's path, a credential of its own on
 * Slack, must appear neither in GET /api/reports nor in the logs, delivered or failed.
 */
const WEEK = '2026-W40';
const PASSWORD = 'S3cretHookPw';
const SECRET_PATH = 'T000/B000/XyZsecretPath';

describe('Weekly report delivery to a webhook URL with credentials', () => {
  let fleetscope: RunningFleetscope;
  let server: Server;
  let hookUrl = '';
  const received: { authorization: string | undefined; path: string | undefined }[] = [];
  /** What the hook answers; a failure echoes the URL it was called on, as some proxies do. */
  let status = 200;
  let logged = '';

  const deliver = async () => {
    const capture = (chunk: unknown) => {
      logged += String(chunk);
      return true;
    };
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      return await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // The same week is sent more than once: every channel each time.
        body: JSON.stringify({ week: WEEK, deliver: true, resend: true }),
      });
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  };
  const history = async () => {
    const text = await (await fetch(`${fleetscope.apiUrl}/api/reports`)).text();
    const list = JSON.parse(text) as {
      reports: { week: string; deliveries: { status: string; error: string | null }[] }[];
    };
    return { text, deliveries: list.reports.find((r) => r.week === WEEK)!.deliveries };
  };

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      request.on('end', () => {
        received.push({ authorization: request.headers.authorization, path: request.url });
        const expected = `Basic ${Buffer.from(`hookuser:${PASSWORD}`).toString('base64')}`;
        const answer = request.headers.authorization === expected ? status : 401;
        response
          .writeHead(answer, { 'content-type': 'text/plain' })
          .end(answer === 200 ? 'ok' : `refused ${hookUrl}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    hookUrl = `http://hookuser:${PASSWORD}@127.0.0.1:${port}/hook/${SECRET_PATH}`;
    fleetscope = await startFleetscope({
      FLEETSCOPE_REPORT_WEBHOOK_URL: hookUrl,
      FLEETSCOPE_REPORT_BASE_URL: 'https://fleetscope.example',
      FLEETSCOPE_REPORT_DELIVERY_ATTEMPTS: '2',
      FLEETSCOPE_REPORT_RETRY_BASE_MS: '10',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('sends the URL credentials as Basic auth and the report arrives', async () => {
    expect((await deliver()).status).toBe(200);
    expect(received).toEqual([
      {
        authorization: `Basic ${Buffer.from(`hookuser:${PASSWORD}`).toString('base64')}`,
        path: `/hook/${SECRET_PATH}`,
      },
    ]);
    const { text, deliveries } = await history();
    expect(deliveries).toEqual([expect.objectContaining({ status: 'delivered', error: null })]);
    expect(text).not.toContain(PASSWORD);
  });

  it('keeps the password and the hook path out of the history and the logs when delivery fails', async () => {
    status = 500;
    const answer = await deliver();
    expect(answer.status).toBe(502);
    const answered = await answer.text();
    expect(answered).toContain('webhook answered 500: refused http://127.0.0.1:');
    const { text, deliveries } = await history();
    expect(deliveries.at(-1)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('webhook answered 500: refused http://127.0.0.1:'),
    });
    for (const secret of [PASSWORD, SECRET_PATH]) {
      expect(answered).not.toContain(secret);
      expect(text).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(logged).toMatch(/webhook attempt 2 failed/);
  });
});
