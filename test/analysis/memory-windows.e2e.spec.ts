import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertMinuteFleet, type MinuteFleetClass } from './support/minute-fleet.generator';

/**
 * Issue 9, defect 3: a memory recommendation's confidence and range come from the residual of its
 * sizes' day-by-day means, not only from how many invocations they had. Two functions with the
 * same sizes, the same totals and the same 14-day means: one whose days repeat, one whose days
 * swing ±20 %. Written straight into ClickHouse, analysed through POST /api/analyses/run.
 */
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
const STEADY = `${ACCOUNT}~steady-days`;
const SWINGING = `${ACCOUNT}~swinging-days`;
const DAY_MS = 86_400_000;

interface Recommendation {
  kind: string;
  functionId: string;
  title: string;
  confidence: string;
  confidenceScore: number;
  savingUsd: { lowUsd: number; highUsd: number };
  evidence: {
    sizes: { memoryMb: number; windows: number; relativeResidualAcrossWindows: number }[];
  };
}

/** The same function at 1,024 MB (400 ms) and 2,048 MB (100 ms) every minute, as an alias split would. */
function twoSizes(id: string, dailyFactors: number[]): MinuteFleetClass[] {
  const common = {
    id,
    count: 1,
    activity: { kind: 'every-minute' as const },
    maxMemoryUsedMb: 300,
    coldStartsPerMinute: 0,
    meanMsDailyFactors: dailyFactors,
  };
  return [
    { ...common, memoryMb: 1024, meanMs: 400, concurrency: 2 },
    { ...common, memoryMb: 2048, meanMs: 100, concurrency: 0.5 },
  ];
}

describe('memory confidence from repeated windows', () => {
  let fleetscope: RunningFleetscope;
  let memory: Map<string, Recommendation>;

  const api = (path: string, init?: RequestInit) => fetch(`${fleetscope.apiUrl}${path}`, init);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // Whole UTC days, so each day's factor is that day's mean.
    const startMs = Math.floor(Date.now() / DAY_MS) * DAY_MS - 14 * DAY_MS;
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs,
      minutes: 14 * 24 * 60,
      classes: [...twoSizes(STEADY, [1]), ...twoSizes(SWINGING, [0.8, 1.2])],
    });
    for (const id of [STEADY, SWINGING]) {
      const put = await api(`/api/functions/${encodeURIComponent(id)}/config`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memoryMb: 1024, runtime: 'nodejs22.x', architecture: 'x86_64' }),
      });
      expect(put.status).toBe(200);
    }
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);
    const listing = (await api('/api/recommendations?kind=memory').then((r) => r.json())) as {
      recommendations: Recommendation[];
    };
    memory = new Map(listing.recommendations.map((r) => [r.functionId, r]));
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('defect 3 (confidence overstates): days that swing give a lower confidence and a wider saving range than days that repeat', () => {
    const steady = memory.get(STEADY);
    const swinging = memory.get(SWINGING);
    expect(steady?.title).toBe('Raise memory from 1024 MB to 2048 MB');
    expect(swinging?.title).toBe('Raise memory from 1024 MB to 2048 MB');
    expect(steady?.confidence).toBe('high');
    expect(swinging?.confidence).not.toBe('high');
    expect(swinging!.confidenceScore).toBeLessThan(steady!.confidenceScore);
    const width = (r: Recommendation) => r.savingUsd.highUsd - r.savingUsd.lowUsd;
    expect(width(swinging!)).toBeGreaterThan(10 * width(steady!));
    // The evidence names each size's windows and their residual.
    const current = swinging!.evidence.sizes.find((s) => s.memoryMb === 1024);
    expect(current?.windows).toBeGreaterThanOrEqual(13);
    expect(current?.relativeResidualAcrossWindows).toBeGreaterThan(0.15);
    expect(steady!.evidence.sizes.every((s) => s.relativeResidualAcrossWindows < 0.01)).toBe(true);
  });
});
