import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { freePort } from '../storage/support/clickhouse-over-http';

/**
 * "deliver": true again after one channel was delivered and another failed (a real webhook
 * answering 200, SMTP on a port nothing listens on): the retry sent every channel again, so the
 * webhook posted the same Slack message a second time, against "a delivery stored as delivered
 * is never sent again".
 */
const WEEK = '2026-W41';

describe('Delivering a weekly report again', () => {
  let fleetscope: RunningFleetscope;
  let hook: Server;
  const posts: string[] = [];
  const deliver = (extra: Record<string, unknown> = {}) =>
    fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: WEEK, deliver: true, ...extra }),
    });
  const history = async () => {
    const list = (await (await fetch(`${fleetscope.apiUrl}/api/reports`)).json()) as {
      reports: { week: string; deliveries: { channel: string; status: string }[] }[];
    };
    return list.reports
      .find((r) => r.week === WEEK)!
      .deliveries.map((d) => `${d.channel} ${d.status}`);
  };

  beforeAll(async () => {
    hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        posts.push(body);
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    fleetscope = await startFleetscope({
      FLEETSCOPE_REPORT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      FLEETSCOPE_REPORT_SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      FLEETSCOPE_REPORT_EMAIL_TO: 'finance@example.com',
      FLEETSCOPE_REPORT_EMAIL_FROM: 'fleetscope@example.com',
      FLEETSCOPE_REPORT_BASE_URL: 'https://fleetscope.example',
      FLEETSCOPE_REPORT_DELIVERY_ATTEMPTS: '1',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => hook?.close(() => resolve()));
  });

  it('sends only the channels not delivered yet, and names the ones it skipped', async () => {
    const first = await deliver();
    // The webhook delivered, the e-mail failed: not a success to a script that asked for both.
    expect(first.status).toBe(502);
    expect(((await first.json()) as { message: string }).message).toMatch(
      new RegExp(
        `^${WEEK}: the report was built and stored, but its delivery failed \\(email failed after 1 attempt: `,
      ),
    );
    expect(first.headers.get('fleetscope-delivered-before')).toBeNull();
    expect(posts).toHaveLength(1);
    expect(await history()).toEqual(['webhook delivered', 'email failed']);

    const again = await deliver();
    expect(again.status).toBe(502);
    expect(again.headers.get('fleetscope-delivered-before')).toBe('webhook');
    // No second Slack message; the e-mail was tried again.
    expect(posts).toHaveLength(1);
    expect(await history()).toEqual(['webhook delivered', 'email failed', 'email failed']);
  });

  it('sends every channel again when asked to with "resend": true', async () => {
    const response = await deliver({ resend: true });
    expect(response.status).toBe(502);
    expect(response.headers.get('fleetscope-delivered-before')).toBeNull();
    expect(posts).toHaveLength(2);
  });

  it('refuses a resend that is not a boolean, naming it', async () => {
    const response = await deliver({ resend: 'yes' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      'resend: expected true or false, got "yes"',
    );
  });
});
