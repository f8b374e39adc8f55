import {
  isoWeekOf,
  previousIsoWeek,
  renderHtml,
  renderMarkdown,
  renderPlainText,
  renderSlackMessage,
  type WeeklyReport,
} from '@fleetscope/reports';
import { gzipSync } from 'node:zlib';
import { post } from '../platform/platform-ingest.helpers';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { ACCOUNT, REGION } from './support/report-lines';

/**
 * A function's name is whatever its log group says. One whose name tries Slack's mention and link
 * syntax and Markdown's emphasis and links, on lines of their own, stops sending on Friday: the
 * coverage sentence names it, and every rendering must read the name as text, not as the report's
 * own wording.
 */
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const prior = previousIsoWeek(week);
const NAME =
  'a <!channel> <https://evil.example/pay|Open the full report>\n[x](https://e) **Total: $0.00**';

/** `count` REPORT lines of the log group `/aws/lambda/${name}` on day `dayOffset` of the week. */
function reportLines(name: string, weekFromMs: number, dayOffset: number, count: number) {
  const base = weekFromMs + dayOffset * DAY_MS + 3_600_000;
  const logEvents = Array.from({ length: count }, (_, i) => ({
    id: `${weekFromMs}-${dayOffset}-${i}`,
    timestamp: base + i * 60_000,
    message: `REPORT RequestId: ${weekFromMs}-${dayOffset}-${i}-0000-4000-8000-000000000000\tDuration: 600000.00 ms\tBilled Duration: 600000 ms\tMemory Size: 10240 MB\tMax Memory Used: 512 MB\t`,
  }));
  const message = {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: `/aws/lambda/${name}`,
    logStream: `2026/01/01/[$LATEST]s${dayOffset}`,
    subscriptionFilters: ['fleetscope'],
    logEvents,
  };
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

describe('Weekly report coverage sentence naming a function from telemetry', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    const ingest = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`;
    for (const [from, days] of [
      [prior.fromMs, 7],
      [week.fromMs, 4],
    ]) {
      for (let d = 0; d < days; d++) {
        expect((await post(ingest, reportLines(NAME, from, d, 2))).status).toBe(200);
      }
    }
    await fleetscope.flush();
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    report = built.body;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('keeps the raw name in the JSON: it is data', () => {
    expect(report.coverage.sourceGaps?.[0]?.source).toBe('lambda_log');
    expect(report.coverage.message).toContain(`(${NAME})`);
  });

  it('Slack and webhooks: no mention, no link but the report’s own, no emphasis from the name', () => {
    const slack = renderSlackMessage(report, { url: 'https://fleetscope.example/r' });
    const json = JSON.stringify(slack);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil.example');
    expect(json).not.toContain('**Total');
    const section = (slack.blocks as { text: { text: string } }[])[1].text.text;
    expect(section).toContain(
      'a &lt;!channel&gt; &lt;https://evil.example/pay|Open the full report&gt;',
    );
    // The name's line break does not start a line of its own in the summary section.
    expect(section.split('\n').filter((l) => l.includes('∗∗Total'))).toHaveLength(1);
    expect(section).toMatch(/^.*the function it fed \(a &lt;!channel&gt;.*∗∗Total: \$0\.00∗∗\)/m);
    // Receivers that read `text` as Markdown (Mattermost, Teams workflows) get no link either.
    expect(slack.text).not.toMatch(/\[x\]\(https:\/\/e\)/);
  });

  it('Markdown: the name is escaped and stays inside the coverage note, on its line', () => {
    const md = renderMarkdown(report);
    const note = md.split('\n').find((l) => l.startsWith('> ') && l.includes('channel'));
    expect(note).toBeDefined();
    expect(note).toContain(
      'a \\<\\!channel\\> \\<https://evil.example/pay\\|Open the full report\\> \\[x\\](https://e) \\*\\*Total: $0.00\\*\\*',
    );
    expect(md).not.toMatch(/(?<!\\)\[x(?<!\\)\]\(/);
    expect(md).not.toMatch(/^\[x\]/m);
    // The only unescaped bold total is the report's own.
    expect(md.match(/(?<!\\)\*\*Total:/g)).toHaveLength(1);
  });

  it('plain text (e-mail): the name adds no line', () => {
    const plain = renderPlainText(report);
    expect(plain.split('\n').filter((l) => l.includes('the function it fed'))).toEqual([
      expect.stringMatching(
        /^Partial data for .*the function it fed \(a <!channel> <https:\/\/evil\.example\/pay\|Open the full report> \[x\]\(https:\/\/e\) \*\*Total: \$0\.00\*\*\) has none then/,
      ),
    ]);
    // The name is a record's first line under Top movers and Functions, never a line of its own.
    expect(plain).not.toMatch(/^(\[x\]|\*\*Total: \$0\.00)/m);
  });

  it('HTML: escaped as before', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<!channel>');
    expect(html).toContain('a &lt;!channel&gt;');
  });
});
