import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { gzipSync } from 'node:zlib';
import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * Delivery of a built report to a real local HTTP webhook (answering what each test tells it) and
 * a real local SMTP server (the smtp-server package), through POST /api/reports/weekly with
 * "deliver": true — the same delivery the schedule runs.
 */
const WEEK = '2026-W40';

interface Hook {
  server: Server;
  url: string;
  bodies: Record<string, unknown>[];
  /** Status codes to answer, in order; the last one repeats. */
  answers: number[];
}

async function startHook(): Promise<Hook> {
  const hook: Hook = {
    server: undefined as unknown as Server,
    url: '',
    bodies: [],
    answers: [200],
  };
  hook.server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      hook.bodies.push(JSON.parse(body) as Record<string, unknown>);
      const status = hook.answers.length > 1 ? hook.answers.shift()! : hook.answers[0];
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`;
  return hook;
}

describe('Weekly report delivery', () => {
  let fleetscope: RunningFleetscope;
  let hook: Hook;
  let smtp: SMTPServer;
  const mails: { to: string[]; raw: string }[] = [];
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;
  const deliver = () =>
    fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The same week is sent more than once: every channel each time.
      body: JSON.stringify({ week: WEEK, deliver: true, resend: true }),
    });
  const history = async () => {
    const list = (await (await fetch(url('/api/reports'))).json()) as {
      reports: {
        week: string;
        deliveries: { channel: string; status: string; attempts: number; error: string | null }[];
      }[];
    };
    return list.reports.find((r) => r.week === WEEK)!.deliveries;
  };

  beforeAll(async () => {
    hook = await startHook();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    fleetscope = await startFleetscope({
      FLEETSCOPE_REPORT_WEBHOOK_URL: hook.url,
      FLEETSCOPE_REPORT_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      FLEETSCOPE_REPORT_EMAIL_TO: 'finance@example.com',
      FLEETSCOPE_REPORT_EMAIL_FROM: 'fleetscope@example.com',
      FLEETSCOPE_REPORT_BASE_URL: 'https://fleetscope.example',
      FLEETSCOPE_REPORT_DELIVERY_ATTEMPTS: '3',
      FLEETSCOPE_REPORT_RETRY_BASE_MS: '20',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => hook?.server.close(() => resolve()));
  });

  it('retries a webhook that answers 500 until it answers 200, and e-mails the report over SMTP', async () => {
    hook.answers = [500, 200];
    const response = await deliver();
    expect(response.status).toBe(200);
    const report = (await response.json()) as WeeklyReport;

    // Slack-compatible: a text with the summary and the link, blocks with the top movers.
    expect(hook.bodies).toHaveLength(2);
    const message = hook.bodies[1] as { text: string; blocks: { type: string }[] };
    expect(message.text).toContain(`Fleetscope ${WEEK}: $0.00`);
    // The dashboard's page of the week (it asks for the API token); the API route answers 401
    // wherever FLEETSCOPE_API_TOKEN is set, as docker-compose.yml requires.
    expect(message.text).toContain(`https://fleetscope.example/reports.html?week=${WEEK}`);
    expect(JSON.stringify(message)).not.toContain('/api/reports/');
    expect(JSON.stringify(message.blocks.at(-1))).toContain(
      `<https://fleetscope.example/reports.html?week=${WEEK}|Open the full report>`,
    );
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section']);

    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['finance@example.com']);
    expect(mails[0].raw).toMatch(/Subject: Fleetscope weekly cost report 2026-W40/);
    expect(mails[0].raw).toContain('Content-Type: text/html');
    expect(mails[0].raw).toContain(`fleetscope-${WEEK}-focus.csv`);
    expect(report.coverage.status).toBe('none');

    expect(await history()).toEqual([
      expect.objectContaining({
        channel: 'webhook',
        status: 'delivered',
        attempts: 2,
        error: null,
      }),
      expect.objectContaining({ channel: 'email', status: 'delivered', attempts: 1, error: null }),
    ]);
  });

  it('shows a webhook that keeps failing in the history and in /metrics', async () => {
    hook.answers = [500];
    hook.bodies.length = 0;
    // The report is built and stored and the e-mail sent; the answer says the webhook failed.
    const response = await deliver();
    expect(response.status).toBe(502);
    expect(((await response.json()) as { message: string }).message).toBe(
      `${WEEK}: the report was built and stored, but its delivery failed (webhook failed after 3 attempts: webhook answered 500: boom). GET /api/reports holds every outcome; "deliver": true again sends only the channels not delivered.`,
    );
    expect(hook.bodies).toHaveLength(3);
    const deliveries = await history();
    expect(deliveries.filter((d) => d.channel === 'webhook').at(-1)).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: expect.stringContaining('webhook answered 500'),
    });

    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toContain(
      'fleetscope_report_deliveries_total{channel="webhook",status="failed"} 1',
    );
    expect(metrics).toContain(
      'fleetscope_report_deliveries_total{channel="webhook",status="delivered"} 1',
    );
    // One failure in the first delivery, three in the second.
    expect(metrics).toContain(
      'fleetscope_report_delivery_attempts_total{channel="webhook",outcome="error"} 4',
    );
    expect(metrics).toContain('fleetscope_report_weeks_with_failed_delivery{channel="webhook"} 1');
    expect(metrics).toContain('fleetscope_report_weeks_with_failed_delivery{channel="email"} 0');
  });

  it('refuses to deliver a week that has not ended, naming when it ends, and sends nothing', async () => {
    const current = isoWeekOf(Date.now());
    hook.bodies.length = 0;
    const mailed = mails.length;
    const response = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: current.label, deliver: true }),
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toBe(
      `week: ${current.label} is in progress until ${new Date(current.toMs).toISOString().slice(0, 16).replace('T', ' ')} UTC: it can be built to look at (without "deliver"), and is delivered once it has ended`,
    );
    expect(hook.bodies).toHaveLength(0);
    expect(mails).toHaveLength(mailed);
  });

  it('writes the e-mail subject in the money format of the report it sends: a sub-cent week is not $0.00', async () => {
    // One invocation, 1 s at 128 MB: 0.125 GB-s and a request, $0.0000023 in all.
    const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * 86_400_000));
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: '123456789012',
      logGroup: '/aws/lambda/tiny',
      logStream: '2026/01/01/[$LATEST]tiny',
      subscriptionFilters: ['fleetscope'],
      logEvents: [
        {
          id: 'tiny-1',
          timestamp: week.fromMs + 86_400_000,
          message:
            'REPORT RequestId: 6f1c1d2e-0000-4000-8000-000000000001\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t',
        },
      ],
    };
    const ingest = await fetch(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') },
        }),
      },
    );
    expect(ingest.status).toBe(200);
    await fleetscope.flush();
    hook.answers = [200];
    const response = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label, deliver: true }),
    });
    const report = (await response.json()) as WeeklyReport;
    expect(report.totalCostUsd).toBeGreaterThan(0);
    expect(report.totalCostUsd).toBeLessThan(0.005);
    const subject = /^Subject: (.*)$/m.exec(mails.at(-1)!.raw.replace(/\r?\n[ \t]+/g, ' '))![1];
    expect(subject).toBe(
      `Fleetscope weekly cost report ${week.label}: $0.0000023 (+$0.0000023; partial data this week, 1 of 7 days; no data the week before)`,
    );
  });
});

/**
 * The image and docker-compose.yml listen on FLEETSCOPE_HOST=0.0.0.0: an address to bind, not one
 * a reader can open. Without FLEETSCOPE_REPORT_BASE_URL a delivered report carries no link then.
 */
describe('Weekly report delivery from a process listening on a wildcard address', () => {
  const API_TOKEN = 'api-token-e2e';
  let fleetscope: RunningFleetscope;
  let hook: Hook;
  let logged = '';

  beforeAll(async () => {
    hook = await startHook();
    const capture = (chunk: unknown) => {
      logged += String(chunk);
      return true;
    };
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      fleetscope = await startFleetscope({
        FLEETSCOPE_HOST: '0.0.0.0',
        FLEETSCOPE_INGEST_TOKEN: 'ingest-token-e2e',
        FLEETSCOPE_API_TOKEN: API_TOKEN,
        FLEETSCOPE_REPORT_WEBHOOK_URL: hook.url,
      });
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => hook?.server.close(() => resolve()));
  });

  it('sends the report without a link, saying which variable gives one', async () => {
    const response = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
      // The same week is sent more than once: every channel each time.
      body: JSON.stringify({ week: WEEK, deliver: true, resend: true }),
    });
    expect(response.status).toBe(200);
    expect(hook.bodies).toHaveLength(1);
    const sent = JSON.stringify(hook.bodies[0]);
    expect(sent).not.toContain('0.0.0.0');
    expect(sent).not.toMatch(/https?:\/\//);
    const message = hook.bodies[0] as { text: string; blocks: { text?: { text: string } }[] };
    expect(message.text).toContain('FLEETSCOPE_REPORT_BASE_URL');
    expect(message.blocks.at(-1)?.text?.text).toContain('FLEETSCOPE_REPORT_BASE_URL');
  });

  it('warns once at start-up that delivered reports will carry no link', () => {
    const warnings = logged.split('\n').filter((l) => l.includes('FLEETSCOPE_REPORT_BASE_URL'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/WARN/);
    expect(warnings[0]).toContain('0.0.0.0');
  });
});
