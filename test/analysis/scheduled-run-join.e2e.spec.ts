import { AnalysisScheduler } from '@fleetscope/analyzer';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

describe('POST /api/analyses/run during a scheduled run', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_ANALYSIS_CRON: '0 0 3 * * *' });
    await fleetscope.app.get(AnalysisScheduler).caughtUp;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const runs = async (): Promise<string[]> => {
    const result = await fleetscope.clickhouse.client.query({
      query: 'SELECT DISTINCT toString(run_id) AS runId FROM analysis_runs',
      format: 'JSONEachRow',
    });
    return (await result.json<{ runId: string }>()).map((r) => r.runId);
  };

  it('joins the scheduled run instead of starting a second one', async () => {
    const before = await runs();
    const tick = fleetscope.app.get(AnalysisScheduler).tick();
    const answer = await fetch(`${fleetscope.apiUrl}/api/analyses/run`, { method: 'POST' });
    expect(answer.status).toBe(200);
    const { runId } = (await answer.json()) as { runId: string };
    await tick;
    const started = (await runs()).filter((id) => !before.includes(id));
    expect(started).toEqual([runId]);
  });
});
