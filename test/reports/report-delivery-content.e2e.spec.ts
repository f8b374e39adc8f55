import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parse } from 'csv-parse/sync';
import {
  COST_BASIS,
  escapeHtml,
  isoWeekOf,
  previousIsoWeek,
  type WeeklyReport,
} from '@fleetscope/reports';
import { post } from '../platform/platform-ingest.helpers';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { reportLines } from './support/report-lines';

/**
 * What a delivered report says, read where its reader reads it: the e-mail a real local SMTP
 * server received (subject, plain-text part) and the message a real local webhook received.
 * checkout ran 4 of the 7 days of the newest week, all 7 of the week before and 4 of the week
 * before that, so each of the two weeks delivered has a gap on one side of its change.
 */
const DAY_MS = 86_400_000;
// Two weeks back, as the other delivery specs: the schedule never delivers it on its own.
const newest = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const middle = previousIsoWeek(newest);
const oldest = previousIsoWeek(middle);

interface Mail {
  /** Headers unfolded. */
  headers: string;
  raw: string;
}

/** The decoded body of the MIME part of `contentType` (quoted-printable or base64, as nodemailer picks). */
function mimePart(raw: string, contentType: string): string {
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  if (start < 0) throw new Error(`no ${contentType} part`);
  const headEnd = raw.indexOf('\r\n\r\n', start);
  const head = raw.slice(start, headEnd);
  // The part ends at its boundary, the line before its headers.
  const boundary = raw.slice(raw.lastIndexOf('\r\n--', start) + 2, start - 2);
  const body = raw.slice(headEnd + 4, raw.indexOf(`\r\n${boundary}`, headEnd));
  if (/Content-Transfer-Encoding: base64/i.test(head)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n');
  }
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

function subjectOf(mail: Mail): string {
  return /^Subject: (.*)$/m.exec(mail.headers)![1];
}

describe('Weekly report delivery: what the e-mail and the webhook say', () => {
  let fleetscope: RunningFleetscope;
  let smtp: SMTPServer;
  let hook: Server;
  const mails: Mail[] = [];
  const hookBodies: { text: string; blocks: { text?: { text: string } }[] }[] = [];

  const deliver = async (week: string): Promise<{ report: WeeklyReport; mail: Mail }> => {
    const sent = mails.length;
    const response = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week,
      deliver: true,
      // The same week is sent more than once: every channel each time.
      resend: true,
    });
    expect(response.status).toBe(200);
    expect(mails).toHaveLength(sent + 1);
    return { report: response.body, mail: mails.at(-1)! };
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r?\n[ \t]+/g, ' ');
          mails.push({ headers, raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    hook = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        hookBodies.push(JSON.parse(body) as (typeof hookBodies)[number]);
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '60',
      FLEETSCOPE_REPORT_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      FLEETSCOPE_REPORT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      FLEETSCOPE_REPORT_EMAIL_TO: 'finance@example.com',
      FLEETSCOPE_REPORT_EMAIL_FROM: 'fleetscope@example.com',
      FLEETSCOPE_REPORT_BASE_URL: 'https://fleetscope.example',
    });
    const ingest = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`;
    for (const [week, days] of [
      [oldest, 4],
      [middle, 7],
      [newest, 4],
    ] as const) {
      for (let d = 0; d < days; d++) {
        expect((await post(ingest, reportLines('order_processor', week.fromMs, d, 2))).status).toBe(
          200,
        );
      }
    }
    await fleetscope.flush();
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => hook?.close(() => resolve()));
  });

  it('says in the subject and the webhook summary which week of the change has partial data', async () => {
    const thisWeek = await deliver(newest.label);
    expect(thisWeek.report.coverage).toMatchObject({ status: 'partial', daysWithData: 4 });
    expect(thisWeek.report.coverage.previousWeek.status).toBe('complete');
    expect(subjectOf(thisWeek.mail)).toMatch(
      new RegExp(
        `^Fleetscope weekly cost report ${newest.label}: \\$[\\d,.]+ \\(-\\$[\\d,.]+; partial data this week, 4 of 7 days\\)$`,
      ),
    );
    expect(hookBodies.at(-1)!.text).toMatch(
      new RegExp(
        `^Fleetscope ${newest.label}: [^()]+\\([^()]+; partial data this week, 4 of 7 days\\)\\.`,
      ),
    );

    const weekBefore = await deliver(middle.label);
    expect(weekBefore.report.coverage.status).toBe('complete');
    expect(weekBefore.report.coverage.previousWeek).toMatchObject({
      status: 'partial',
      daysWithData: 4,
    });
    expect(subjectOf(weekBefore.mail)).toMatch(
      /\(\+\$[\d,.]+; partial data the week before, 4 of 7 days\)$/,
    );
    expect(hookBodies.at(-1)!.text).toContain('; partial data the week before, 4 of 7 days)');
  });

  it('sends a plain-text part a reader reads as it is: no Markdown marks, escapes or pipe tables', async () => {
    const { mail } = await deliver(newest.label);
    const text = mimePart(mail.raw, 'text/plain');
    expect(text).toMatch(/^Total: \$[\d,.]+ \(previous week/m);
    // Names and values as they are, not as Markdown escapes them.
    expect(text).toContain('order_processor');
    expect(text).toContain('x86_64');
    expect(text).not.toMatch(/\\[_*|#<>[\]`!~]/);
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
    expect(text).not.toMatch(/^(#|>)/m);
    // The Markdown's 11-column movers table, one mover at a time.
    expect(text).toMatch(/^order_processor\n {2}Previous: \$[\d,.]+\n {2}This week: \$[\d,.]+\n/m);
  });

  it('says in every rendering that the figures are list-price estimates, not the bill', async () => {
    const { mail } = await deliver(newest.label);
    expect(COST_BASIS).toMatch(/list prices.*free tier.*Savings Plans.*credits.*tax/);
    expect(mimePart(mail.raw, 'text/plain')).toContain(COST_BASIS);
    expect(mimePart(mail.raw, 'text/html')).toContain(escapeHtml(COST_BASIS));
    const message = hookBodies.at(-1)!;
    expect(message.text).toContain(COST_BASIS);
    expect(message.blocks[1].text!.text).toContain(COST_BASIS);
    const md = await (
      await fetch(`${fleetscope.apiUrl}/api/reports/${newest.label}?format=md`)
    ).text();
    expect(md).toContain(COST_BASIS);
    // The FOCUS attachment: its costs are the catalogue's list prices, each row says so.
    const rows: Record<string, string>[] = parse(mimePart(mail.raw, 'text/csv'), {
      columns: true,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.x_CostBasis))).toEqual(new Set(['list-price-estimate']));
    for (const r of rows) expect(r.BilledCost).toBe(r.ListCost);
  });
});
