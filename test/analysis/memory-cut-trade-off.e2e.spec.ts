import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertMinuteFleet, type MinuteFleetClass } from './support/minute-fleet.generator';

/**
 * A team that lowered memory to save money was told, with growing confidence, to raise it back:
 * cut from 3,008 MB (4.0 s) to 1,024 MB (6.9 s, CPU-bound), every later run read "Raise memory
 * from 1024 MB to 3008 MB: 42 % lower duration for $7.04–7.14 more a month". Speed that costs more
 * is advised only when waiting is valued (FLEETSCOPE_RECOMMENDATION_LATENCY_USD_PER_SECOND) and
 * the time saved pays for it, as for provisioned concurrency. Written straight into ClickHouse,
 * analysed through POST /api/analyses/run.
 */
const CUT = 'aws_lambda~123456789012~us-east-1~mem-cut';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Listing {
  recommendations: { kind: string; functionId: string; title: string; reason: string }[];
  whyNot: { functionId: string; kind: string; code: string; detail: string }[];
}

const size = (memoryMb: number, meanMs: number): MinuteFleetClass => ({
  id: CUT,
  count: 1,
  activity: { kind: 'every-minute' },
  // One invocation a minute.
  concurrency: 0.01,
  meanMs,
  memoryMb,
  maxMemoryUsedMb: 300,
  coldStartsPerMinute: 0,
});

async function analysed(env: Record<string, string>): Promise<Listing> {
  const fleetscope: RunningFleetscope = await startFleetscope(env);
  try {
    const api = (path: string, init?: RequestInit) => fetch(`${fleetscope.apiUrl}${path}`, init);
    const nowMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const cutAtMs = nowMs - 7 * DAY_MS;
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs: nowMs - 14 * DAY_MS + MINUTE_MS,
      minutes: 7 * 24 * 60 - 1,
      classes: [size(3008, 4000)],
    });
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs: cutAtMs,
      minutes: 7 * 24 * 60,
      classes: [size(1024, 6900)],
    });
    const put = await api(`/api/functions/${encodeURIComponent(CUT)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memoryMb: 1024, runtime: 'nodejs22.x', architecture: 'x86_64' }),
    });
    expect(put.status).toBe(200);
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);
    return (await api('/api/recommendations?kind=memory&explain=1').then((r) =>
      r.json(),
    )) as Listing;
  } finally {
    await fleetscope.stop();
  }
}

describe('memory lowered to save money', () => {
  it('is not told to raise it back when waiting is valued at $0: already right, with what the speed would cost', async () => {
    const listing = await analysed({});
    expect(listing.recommendations).toEqual([]);
    expect(listing.whyNot).toEqual([
      expect.objectContaining({ functionId: CUT, kind: 'memory', code: 'already-right' }),
    ]);
    expect(listing.whyNot[0].detail).toMatch(
      /^3008 MB would run 42 % faster \(4000\.0 ms against 6900\.0 ms\) for \$\d+\.\d\d more a month; waiting is valued at 0 \$\/s/,
    );
  });

  it('is told to raise it when the waiting it removes, at the value set, pays for it', async () => {
    const listing = await analysed({ FLEETSCOPE_RECOMMENDATION_LATENCY_USD_PER_SECOND: '0.001' });
    expect(listing.recommendations.map((r) => r.title)).toEqual([
      expect.stringMatching(
        /^Raise memory from 1024 MB to 3008 MB: 42 % lower duration for \$\d+\.\d\d(–\d+\.\d\d)? more a month$/,
      ),
    ]);
    expect(listing.recommendations[0].reason).toContain('at the 0.001 $/s set for waiting');
  });
});
