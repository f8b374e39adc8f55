import { gzipSync } from 'node:zlib';
import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * What a weekly report's cost assumes where the data cannot say reaches the report: priceLambdaDay
 * put it in each day's `assumed`, which the builder never read, so a function known only from
 * REPORT lines (which name no architecture) read "architecture": "x86_64" as fact, and one in a
 * region the catalogue has no sourced price for was priced at us-east-1's with nothing said.
 */
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const ACCOUNT = '123456789012';
const ARCHITECTURE_UNKNOWN =
  'Architecture unknown: priced as x86_64; on arm64 the figures are up to 20 % lower (requests cost the same).';
/** us-east-1 has sourced prices; ap-southeast-3 is priced at the us-east-1 figure (default-prices). */
const SOURCED = { region: 'us-east-1', name: 'orders-from-logs' };
const UNSOURCED = { region: 'ap-southeast-3', name: 'jakarta-from-logs' };
const idOf = (f: { region: string; name: string }) => `aws_lambda~${ACCOUNT}~${f.region}~${f.name}`;

/** Three REPORT lines on the week's Wednesday, as a CloudWatch Logs subscription delivers them. */
function reportLines(name: string) {
  const base = week.fromMs + 2 * DAY_MS + 10 * 3_600_000;
  const logEvents = [0, 1, 2].map((i) => ({
    id: `${name}-${i}`,
    timestamp: base + i * 60_000,
    message: `REPORT RequestId: ${name}-${i}-0000-4000-8000-000000000000\tDuration: 200.00 ms\tBilled Duration: 200 ms\tMemory Size: 1024 MB\tMax Memory Used: 90 MB\t`,
  }));
  const message = {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: `/aws/lambda/${name}`,
    logStream: `2026/01/01/[$LATEST]${name}`,
    subscriptionFilters: ['fleetscope'],
    logEvents,
  };
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

describe('Weekly report: what a function’s cost assumes', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  let markdown: string;
  let html: string;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    for (const f of [SOURCED, UNSOURCED]) {
      const response = await fetch(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${f.region}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(reportLines(f.name)),
        },
      );
      expect(response.status).toBe(200);
    }
    await fleetscope.flush();
    const built = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(built.status).toBe(200);
    report = (await built.json()) as WeeklyReport;
    const rendered = (format: string) =>
      fetch(`${fleetscope.apiUrl}/api/reports/${week.label}?format=${format}`).then((r) => {
        expect(r.status).toBe(200);
        return r.text();
      });
    [markdown, html] = await Promise.all([rendered('md'), rendered('html')]);
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  const rowOf = (f: { region: string; name: string }) =>
    report.functions.find((r) => r.functionId === idOf(f))!;

  it('defect: a function known only from REPORT lines read "architecture": "x86_64" as fact; its row says the architecture is assumed and why', () => {
    const row = rowOf(SOURCED);
    expect(row.invocations).toBe(3);
    expect(row.architecture).toBe('x86_64');
    expect(row.architectureAssumed).toBe(true);
    expect(row.assumed).toEqual([ARCHITECTURE_UNKNOWN]);
  });

  it('defect: a region priced at another region’s figures said nothing; its function carries the regional note', () => {
    const row = rowOf(UNSOURCED);
    expect(row.architectureAssumed).toBe(true);
    expect(row.assumed).toContain(ARCHITECTURE_UNKNOWN);
    const regional = row.assumed!.filter((a) => a.startsWith('No sourced aws.lambda.'));
    expect(regional.length).toBeGreaterThan(0);
    for (const note of regional) {
      expect(note).toMatch(/price for ap-southeast-3: priced at the us-east-1 figure/);
    }
    // Each note once, however many days and meters gave it.
    expect(new Set(row.assumed).size).toBe(row.assumed!.length);
  });

  it('defect: neither reached the coverage assumptions; every rendering lists them with how many functions they concern', () => {
    const regional = rowOf(UNSOURCED).assumed!.find((a) => a.startsWith('No sourced'))!;
    expect(report.coverage.assumptions).toContain(`2 functions: ${ARCHITECTURE_UNKNOWN}`);
    expect(report.coverage.assumptions).toContain(`1 function: ${regional}`);
    // Markdown reads them as text, escaped (a region comes from telemetry): x86\_64.
    const escaped = (text: string) => text.replace(/_/g, '\\_');
    expect(markdown).toContain(`- 2 functions: ${escaped(ARCHITECTURE_UNKNOWN)}`);
    expect(markdown).toContain(`- 1 function: ${escaped(regional)}`);
    expect(html).toContain(`2 functions: ${ARCHITECTURE_UNKNOWN}`);
  });
});
