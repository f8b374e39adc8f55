import { rmSync } from 'node:fs';
import { AnalysisScheduler } from '@fleetscope/analyzer';
import { insertFleetInventory, insertMinuteFleet } from './support/minute-fleet.generator';
import { weekFleet } from '../bench/support/week-fleet';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const DAY_MS = 86_400_000;

/**
 * The shutdown stops a running analysis (AnalysisRunner.beforeApplicationShutdown): it waited for
 * the run to end, and `docker stop` killed the process mid-run after its 10 s grace period.
 */
describe('shutdown during an analysis run', () => {
  let fleetscope: RunningFleetscope;
  /** The app running now, stopped (its data removed) at the end whatever failed. */
  let running: RunningFleetscope | undefined;

  afterAll(async () => {
    if (running) await running.stop();
    else if (fleetscope) rmSync(fleetscope.config.dataDir, { recursive: true, force: true });
  });

  const runs = async (): Promise<{ runId: string; status: string; message: string }[]> => {
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT run_id AS runId, status, message FROM analysis_runs ORDER BY finished_at`,
      format: 'JSONEachRow',
    });
    return result.json();
  };

  it('ends within a fraction of the run, storing the run as stopped, and the last complete run is still shown', async () => {
    const env = {
      FLEETSCOPE_ANALYSIS_CRON: '0 0 3 * * *',
      FLEETSCOPE_ANALYSIS_WINDOW_DAYS: '7',
      FLEETSCOPE_RECOMMENDATION_MIN_DAYS: '7',
      // Generating the week in bulk INSERT … SELECTs needs more than the default bound.
      FLEETSCOPE_EMBEDDED_MEMORY_MB: '3072',
    };
    fleetscope = running = await startFleetscope(env);
    await fleetscope.app.get(AnalysisScheduler).caughtUp;
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const fleet = weekFleet(toMs - 7 * DAY_MS, 0.05);
    await insertMinuteFleet(fleetscope.clickhouse.client, fleet);
    await insertFleetInventory(fleetscope.clickhouse.client, fleet);

    // A complete run, timed: what the shutdown waited for.
    const started = Date.now();
    const complete = await fetch(`${fleetscope.apiUrl}/api/analyses/run`, { method: 'POST' });
    const runMs = Date.now() - started;
    expect(complete.status).toBe(200);
    const { runId: completeRunId, recommendations } = (await complete.json()) as {
      runId: string;
      recommendations: number;
    };
    expect(recommendations).toBeGreaterThan(0);

    // A second run, stopped by the shutdown a quarter into it.
    const answer = fetch(`${fleetscope.apiUrl}/api/analyses/run`, { method: 'POST' }).then(
      (r) => r.status,
      () => 'no answer',
    );
    await new Promise((resolve) => setTimeout(resolve, runMs / 4));
    const stoppedRows = await runs();
    const closing = Date.now();
    running = undefined;
    await fleetscope.app.close();
    const shutdownMs = Date.now() - closing;
    expect(shutdownMs).toBeLessThan(runMs / 3);
    expect([await answer].filter((s) => s === 200)).toEqual([]);

    // The same data directory, started again: the stopped run says so, the complete one is shown.
    const restarted = await startFleetscope({
      ...env,
      FLEETSCOPE_DATA_DIR: fleetscope.config.dataDir,
      CLICKHOUSE_DATABASE: fleetscope.config.clickhouseDatabase,
    });
    fleetscope = running = restarted;
    const stopped = (await runs()).filter(
      (r) => !stoppedRows.some((s) => s.runId === r.runId && s.status !== 'started'),
    );
    expect(stopped.map((r) => r.status)).toContain('failed');
    expect(stopped.find((r) => r.status === 'failed')?.message).toMatch(
      /was stopped by the shutdown/,
    );
    const listing = await getJson<{ run: { runId: string } | null }>(
      restarted,
      '/api/recommendations',
    );
    expect(listing.run?.runId).toBe(completeRunId);
  }, 240_000);
});
