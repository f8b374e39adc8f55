import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertMinuteFleet } from './support/minute-fleet.generator';

/**
 * After provisioned concurrency is set as advised, the memory "measure" advice's worst case kept
 * today's provisioned share at four times the duration: level 1 at concurrency ~1, peak 200 MB of
 * 1,024 MB, read "At 256 MB the function would save between $8.21 (if its duration grows with the
 * smaller CPU share) and …" ($8.21 is ¾ of the $10.95 allocation). Running 4× longer takes the
 * concurrency to ~4, so level 1 covers about a quarter and the rest is paid on demand. Written
 * straight into ClickHouse, analysed through POST /api/analyses/run.
 */
const PC_SET = 'aws_lambda~123456789012~us-east-1~pc-set';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Recommendation {
  kind: string;
  functionId: string;
  title: string;
  savingUsd: { lowUsd: number; highUsd: number };
}

describe('memory "measure" advice with provisioned concurrency', () => {
  let fleetscope: RunningFleetscope;
  let memory: Recommendation | undefined;

  const api = (path: string, init?: RequestInit) => fetch(`${fleetscope.apiUrl}${path}`, init);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const nowMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    // 300 invocations a minute of 200 ms: concurrency 1 every minute for 14 days.
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs: nowMs - 14 * DAY_MS + MINUTE_MS,
      minutes: 14 * 24 * 60 - 1,
      classes: [
        {
          id: PC_SET,
          count: 1,
          activity: { kind: 'every-minute' },
          concurrency: 1,
          meanMs: 200,
          memoryMb: 1024,
          maxMemoryUsedMb: 200,
          coldStartsPerMinute: 0,
        },
      ],
    });
    const put = await api(`/api/functions/${encodeURIComponent(PC_SET)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        memoryMb: 1024,
        provisionedConcurrency: 1,
        runtime: 'nodejs22.x',
        architecture: 'x86_64',
      }),
    });
    expect(put.status).toBe(200);
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);
    const listing = (await api('/api/recommendations?kind=memory').then((r) => r.json())) as {
      recommendations: Recommendation[];
    };
    memory = listing.recommendations.find((r) => r.functionId === PC_SET);
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('prices the slowed case with level 1 covering a quarter of four times the duration: its low end is about nothing, not ¾ of the allocation', () => {
    expect(memory?.title).toMatch(/: measure 256 MB with a tuning job$/);
    expect(memory!.savingUsd.lowUsd).toBeLessThanOrEqual(1.5);
    // Duration unchanged: level 1 keeps its share and its allocation costs a quarter.
    expect(memory!.savingUsd.highUsd).toBeGreaterThan(8);
  });
});
