import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { type Browser, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { markDemoStore } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { deliver, reportLines } from '../reports/support/report-lines';
import { launchChromium } from '../support/chromium-page';

/**
 * Demo data says it is demo data wherever it leaves Fleetscope (issue 12), not only on the pages:
 * a Fleetscope started as `npm start` starts it (no demo process, no demo setting) on a data
 * directory the demo marked, holding a week of REPORT lines. The API's JSON, the weekly report in
 * every format and file name, its e-mail and webhook message, the CLI and the pages label it; the
 * same data in an unmarked directory carries no label.
 */
const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'bin', 'fleetscope.js');
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
/** Every JSON answer of the API a user can save or export. */
const JSON_ANSWERS = [
  '/api/health',
  '/api/functions',
  '/api/coldstarts',
  '/api/recommendations',
  '/api/reports',
  `/api/reports/${week.label}`,
  '/api/keepalive/replay',
  '/api/tuning-jobs',
];

jest.setTimeout(120_000);

async function startOn(dataDir: string | undefined, env: Record<string, string> = {}) {
  const fleetscope = await startFleetscope(
    dataDir ? { FLEETSCOPE_DATA_DIR: dataDir, ...env } : env,
  );
  await deliver(fleetscope.ingestUrl, [reportLines('demo-checkout', week.fromMs, 1, 10)]);
  await fleetscope.flush();
  const built = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Delivered where a channel is configured (with none, "deliver": true answers 409).
    body: JSON.stringify({
      week: week.label,
      deliver: Boolean(env.FLEETSCOPE_REPORT_WEBHOOK_URL || env.FLEETSCOPE_REPORT_SMTP_URL),
    }),
  });
  expect(built.status).toBe(200);
  return { fleetscope, built: (await built.json()) as WeeklyReport };
}

const cli = (fleetscope: RunningFleetscope, args: string[]) =>
  run(process.execPath, [BIN, ...args, '--url', fleetscope.apiUrl], {
    env: { ...process.env, FLEETSCOPE_API_TOKEN: '' },
  });

describe('Demo data in a store the demo marked', () => {
  let dataDir: string;
  let fleetscope: RunningFleetscope;
  let built: WeeklyReport;
  let smtp: SMTPServer;
  let hook: Server;
  const mails: string[] = [];
  const hookBodies: { text: string; blocks: { text?: { text: string } }[] }[] = [];
  const get = (path: string) => fetch(`${fleetscope.apiUrl}${path}`);

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        hookBodies.push(JSON.parse(body) as (typeof hookBodies)[number]);
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-demo-label-'));
    markDemoStore(dataDir);
    ({ fleetscope, built } = await startOn(dataDir, {
      FLEETSCOPE_REPORT_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      FLEETSCOPE_REPORT_EMAIL_TO: 'finance@example.com',
      FLEETSCOPE_REPORT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`,
      FLEETSCOPE_REPORT_RETRY_BASE_MS: '20',
    }));
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => hook?.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says demo: true in every JSON answer of the API', async () => {
    for (const path of JSON_ANSWERS) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 200]);
      const body = (await response.json()) as { demo?: unknown };
      expect([path, body.demo]).toEqual([path, true]);
    }
    expect(built.demo).toBe(true);
  });

  it('labels the weekly report in HTML, Markdown and FOCUS CSV, and in its file names', async () => {
    const html = await (await get(`/api/reports/${week.label}?format=html`)).text();
    expect(html).toMatch(/<title>[^<]*demo data[^<]*<\/title>/);
    expect(html).toMatch(/<div data-demo="true"[^>]*>Demo data: /);

    const md = await (await get(`/api/reports/${week.label}?format=md`)).text();
    expect(md.split('\n')[0]).toBe(`# Fleetscope weekly cost report ${week.label} (demo data)`);
    expect(md).toMatch(/^> \*\*Demo data:\*\* /m);

    const csv = await get(`/api/reports/${week.label}?format=csv&download=1`);
    expect(csv.headers.get('content-disposition')).toContain(
      `filename="fleetscope-demo-${week.label}.csv"`,
    );
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.x_Demo)).toEqual(rows.map(() => 'true'));
  });

  it('labels the e-mail (subject, body, attachment) and the webhook message of a delivered week', () => {
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/^Subject: \[Demo\] Fleetscope weekly cost report /m);
    expect(mails[0]).toContain(`fleetscope-demo-${week.label}-focus.csv`);
    // The text part (plain text, quoted-printable) opens with the labelled title.
    expect(mails[0]).toContain(
      `\r\n\r\nFleetscope weekly cost report ${week.label} (demo data)\r\n`,
    );
    expect(hookBodies).toHaveLength(1);
    expect(hookBodies[0].text).toMatch(/^\[Demo\] /);
    expect(hookBodies[0].blocks[0].text?.text).toBe(`Weekly cost report ${week.label} (demo data)`);
  });

  it('labels what the CLI prints of it: replay and report', async () => {
    const replay = await cli(fleetscope, [
      'replay',
      '--from',
      new Date(week.fromMs).toISOString(),
      '--to',
      new Date(week.toMs).toISOString(),
    ]);
    expect(replay.stdout.split('\n')[0]).toMatch(/^keep-alive replay .*\(demo data\)$/);
    const report = await cli(fleetscope, ['report', '--week', week.label, '--format', 'md']);
    expect(report.stderr.split('\n')[0]).toMatch(new RegExp(`^${week.label} \\(demo data\\): \\$`));
    expect(report.stdout.split('\n')[0]).toContain('(demo data)');
  });

  describe('in the pages', () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      browser = await launchChromium();
      const context = await browser.newContext({ acceptDownloads: true });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('shows the report labelled in the reports page, and downloads it under a demo name', async () => {
      await page.goto(`${fleetscope.apiUrl}/reports.html`);
      await page.locator('#demo-banner').waitFor();
      const frame = page.frameLocator('#report-frame');
      await expect(frame.locator('[data-demo]').innerText()).resolves.toMatch(/^Demo data: /);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`#weeks tbody tr[data-week="${week.label}"] [data-format="json"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`fleetscope-demo-${week.label}.json`);
    });

    it('puts the banner on the tuning page', async () => {
      await page.goto(`${fleetscope.apiUrl}/tuning.html?id=none`);
      await expect(page.locator('#demo-banner').innerText()).resolves.toMatch(/^Demo data/);
    });
  });
});

describe('The same data in a store the demo did not mark', () => {
  let fleetscope: RunningFleetscope;
  let built: WeeklyReport;

  beforeAll(async () => {
    ({ fleetscope, built } = await startOn(undefined));
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('carries no demo label', async () => {
    for (const path of JSON_ANSWERS) {
      const body = (await (await fetch(`${fleetscope.apiUrl}${path}`)).json()) as object;
      expect([path, 'demo' in body]).toEqual([path, false]);
    }
    expect('demo' in built).toBe(false);
    const md = await (
      await fetch(`${fleetscope.apiUrl}/api/reports/${week.label}?format=md`)
    ).text();
    expect(md).not.toMatch(/demo data/i);
    const html = await (
      await fetch(`${fleetscope.apiUrl}/api/reports/${week.label}?format=html`)
    ).text();
    expect(html).not.toMatch(/demo data/i);
    const csv = await fetch(`${fleetscope.apiUrl}/api/reports/${week.label}?format=csv&download=1`);
    expect(csv.headers.get('content-disposition')).toContain(`"fleetscope-${week.label}.csv"`);
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(rows.map((r) => r.x_Demo)).toEqual(rows.map(() => 'false'));
    const replay = await cli(fleetscope, ['replay']);
    expect(replay.stdout).not.toMatch(/demo data/);
  });
});
