import {
  RecommendationsRepository,
  openAndMigrate,
  type AnalysisRun,
  type StoredRecommendation,
} from '@fleetscope/storage';
import { openTestClickHouse, testConfig } from '../support/test-clickhouse';

const DAY_MS = 86_400_000;
const NOW_MS = Date.now();

function run(runId: string, daysAgo: number, status: AnalysisRun['status'] = 'ok'): AnalysisRun {
  const finishedAtMs = NOW_MS - daysAgo * DAY_MS;
  return {
    runId,
    startedAtMs: finishedAtMs - 20_000,
    finishedAtMs,
    windowFromMs: finishedAtMs - 14 * DAY_MS,
    windowToMs: finishedAtMs,
    status,
    message: '',
    recommendations: 1,
    catalogueVersion: 'test',
  };
}

function recommendation(functionId: string): StoredRecommendation {
  return {
    kind: 'memory',
    functionId,
    severity: 'info',
    title: 'Lower the memory',
    reason: 'test',
    current: {},
    recommended: {},
    monthlyImpactUsd: 1,
    confidence: 'high',
    confidenceScore: 0.9,
    evidence: {},
    catalogueVersion: 'test',
  };
}

async function save(results: RecommendationsRepository, stored: AnalysisRun): Promise<void> {
  await results.saveRunStart({ ...stored, finishedAtMs: stored.startedAtMs });
  await results.saveRun(
    stored,
    [recommendation(`fn-${stored.runId}`)],
    [{ functionId: `fn-${stored.runId}`, kind: 'cold-start', code: 'no-data', detail: 'test' }],
  );
}

/** Every run id still in each analysis table, sorted. */
async function kept(client: ClickHouseClientLike) {
  const ids = async (table: string) =>
    (
      await (
        await client.query({
          query: `SELECT DISTINCT run_id AS id FROM ${table} ORDER BY id`,
          format: 'JSONEachRow',
        })
      ).json<{ id: string }>()
    ).map((r) => r.id);
  return {
    runs: await ids('analysis_runs'),
    recommendations: await ids('recommendations'),
    explanations: await ids('recommendation_explanations'),
  };
}

type ClickHouseClientLike = Awaited<ReturnType<typeof openTestClickHouse>>['handle']['client'];

/**
 * Analysis results follow FLEETSCOPE_AGGREGATE_RETENTION_DAYS (retention.ts, pruneAnalysisRuns):
 * each run stores the whole fleet's results again, and they were kept forever.
 */
describe('analysis results retention', () => {
  it('deletes at start the runs past the aggregate retention with their rows, and keeps the recent ones', async () => {
    const config = testConfig({ FLEETSCOPE_AGGREGATE_RETENTION_DAYS: '30' });
    const first = await openTestClickHouse(config);
    try {
      const results = new RecommendationsRepository(first.handle);
      await save(results, run('old', 45));
      await save(results, run('older', 60, 'failed'));
      await save(results, run('recent', 20));
      await save(results, run('latest', 1));
    } finally {
      await first.handle.close();
    }
    // The next start prunes, as it applies the TTLs.
    const handle = await openAndMigrate(config);
    try {
      const all = ['latest', 'recent'];
      expect(await kept(handle.client)).toEqual({
        runs: all,
        recommendations: all,
        explanations: all,
      });
    } finally {
      await handle.close();
      await first.cleanup();
    }
  }, 120_000);

  it('keeps the latest complete run whatever its age, so its recommendations are still shown', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const results = new RecommendationsRepository(handle);
      await save(results, run('ancient', 500));
      await save(results, run('last-complete', 200));
      await save(results, run('failed-after', 150, 'failed'));
      expect(await results.pruneRuns({ aggregateRetentionDays: 30 }, NOW_MS)).toBe(true);
      expect(await kept(handle.client)).toEqual({
        runs: ['last-complete'],
        recommendations: ['last-complete'],
        explanations: ['last-complete'],
      });
      expect((await results.latestRun())?.runId).toBe('last-complete');
      expect((await results.list('last-complete')).map((r) => r.functionId)).toEqual([
        'fn-last-complete',
      ]);
      // Nothing past the horizon but the latest: nothing to delete.
      expect(await results.pruneRuns({ aggregateRetentionDays: 30 }, NOW_MS)).toBe(false);
    } finally {
      await cleanup();
    }
  }, 60_000);

  it('deletes nothing while the oldest run is less than a day past the horizon, or with retention 0', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const results = new RecommendationsRepository(handle);
      await save(results, run('just-past', 30.5));
      await save(results, run('latest', 0));
      expect(await results.pruneRuns({ aggregateRetentionDays: 30 }, NOW_MS)).toBe(false);
      expect(await results.pruneRuns({ aggregateRetentionDays: 0 }, NOW_MS + 900 * DAY_MS)).toBe(
        false,
      );
      expect((await kept(handle.client)).runs).toEqual(['just-past', 'latest']);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
