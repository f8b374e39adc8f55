import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { RecommendationsRepository, type StoredRecommendation } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * Rebuilding a past week's report filled it with today's advice and did not say when it was
 * computed: POST /api/reports/weekly {"week":"2026-W47"} built on Dec 7 listed what the Dec 6 run
 * produced. A week lists the first run finished after its end (the first to see all of it, which
 * its Monday build lists); before any, the latest, saying so. Every format states the run's end
 * and window.
 */
const DAY_MS = 86_400_000;
const CHECKOUT = 'aws_lambda~123456789012~us-east-1~checkout';
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const current = isoWeekOf(Date.now());

interface Report {
  recommendations: { title: string }[];
  recommendationsRun?: {
    runId: string;
    finishedAt: string;
    windowFrom: string;
    windowTo: string;
    firstAfterWeek: boolean;
  };
}

function advice(title: string): StoredRecommendation {
  return {
    kind: 'memory',
    functionId: CHECKOUT,
    severity: 'info',
    title,
    reason: title,
    current: { memoryMb: 1024, monthlyUsd: 40 },
    recommended: { memoryMb: 512 },
    monthlyImpactUsd: 10,
    confidence: 'medium',
    confidenceScore: 0.6,
    evidence: {},
    catalogueVersion: 'test',
    savingUsd: { lowUsd: 5, highUsd: 15 },
    planRole: 'change',
  };
}

const utcMinute = (ms: number) =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

describe('the analysis run a weekly report lists', () => {
  let fleetscope: RunningFleetscope;
  // Finished on the week's Wednesday, on the Monday after it, and an hour ago.
  const inWeekMs = week.fromMs + 2 * DAY_MS + 6 * 3_600_000;
  const mondayMs = week.toMs + 5 * 3_600_000;
  const latestMs = Date.now() - 3_600_000;

  const post = (body: unknown) =>
    fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const runs = new RecommendationsRepository(fleetscope.clickhouse);
    for (const [finishedAtMs, title] of [
      [inWeekMs, 'advice of the run in the week'],
      [mondayMs, 'advice of the Monday after the week'],
      [latestMs, 'advice of the latest run'],
    ] as const)
      await runs.saveRun(
        {
          runId: `run-${finishedAtMs}`,
          startedAtMs: finishedAtMs - 60_000,
          finishedAtMs,
          windowFromMs: finishedAtMs - 60_000 - 14 * DAY_MS,
          windowToMs: finishedAtMs - 60_000,
          status: 'ok',
          message: '',
          recommendations: 1,
          catalogueVersion: 'test',
        },
        [advice(title)],
      );
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('rebuilt after newer runs, a past week lists the first run after it, and says when it ran', async () => {
    const response = await post({ week: week.label });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.recommendations.map((r) => r.title)).toEqual([
      'advice of the Monday after the week',
    ]);
    expect(report.recommendationsRun).toEqual({
      runId: `run-${mondayMs}`,
      finishedAt: new Date(mondayMs).toISOString(),
      windowFrom: new Date(mondayMs - 60_000 - 14 * DAY_MS).toISOString(),
      windowTo: new Date(mondayMs - 60_000).toISOString(),
      firstAfterWeek: true,
    });
    const sentence = `From the analysis run that finished ${utcMinute(mondayMs)}, the first after the week (its window ${utcMinute(mondayMs - 60_000 - 14 * DAY_MS)} to ${utcMinute(mondayMs - 60_000)}).`;
    for (const format of ['md', 'html']) {
      const rendered = await fetch(
        `${fleetscope.apiUrl}/api/reports/${week.label}?format=${format}`,
      ).then((r) => r.text());
      expect(rendered).toContain(sentence);
    }
  });

  it('a week in progress lists the latest run and says none has finished after the week yet', async () => {
    const report = (await (await post({ week: current.label })).json()) as Report;
    expect(report.recommendations.map((r) => r.title)).toEqual(['advice of the latest run']);
    expect(report.recommendationsRun).toMatchObject({
      finishedAt: new Date(latestMs).toISOString(),
      firstAfterWeek: false,
    });
    const md = await fetch(`${fleetscope.apiUrl}/api/reports/${current.label}?format=md`).then(
      (r) => r.text(),
    );
    expect(md).toContain(
      `From the latest analysis run, which finished ${utcMinute(latestMs)}: none has finished after the week's end yet`,
    );
  });
});
