import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertMinuteFleet, type MinuteFleetClass } from './support/minute-fleet.generator';

/**
 * A function deleted or renamed keeps its history: advice priced on traffic that ended is advice
 * to save money on a function that costs nothing now. One stopped three days before the analysis
 * gets no saving recommendation, and its whyNot names its last invocation; one invoked once a day
 * still gets its advice. Provisioned concurrency configured on a stopped function bills on whether
 * invoked or not: removing it is advised, its whole allocation the saving. Written straight into
 * ClickHouse, analysed through POST /api/analyses/run.
 */
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
const STOPPED = `${ACCOUNT}~stopped`;
const DAILY = `${ACCOUNT}~daily-batch`;
const STOPPED_PC = `${ACCOUNT}~stopped-with-pc`;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Listing {
  recommendations: {
    kind: string;
    functionId: string;
    title: string;
    reason: string;
    recommended: Record<string, unknown>;
    savingUsd: { lowUsd: number; highUsd: number };
    basis: { measured: string };
  }[];
  whyNot: { functionId: string; kind: string; code: string; detail: string }[];
}

const oversized = (id: string, concurrency: number): MinuteFleetClass => ({
  id,
  count: 1,
  activity: { kind: 'every-minute' },
  concurrency,
  meanMs: 5_000,
  memoryMb: 3008,
  maxMemoryUsedMb: 200,
  coldStartsPerMinute: 0,
});

describe('advice on a function whose traffic ended', () => {
  let fleetscope: RunningFleetscope;
  let listing: Listing;
  let stoppedAtMs: number;

  const api = (path: string, init?: RequestInit) => fetch(`${fleetscope.apiUrl}${path}`, init);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const nowMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    // 14 days of 6 calls a minute, then 3 days of none.
    const startMs = nowMs - 17 * DAY_MS;
    stoppedAtMs = startMs + 14 * DAY_MS;
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs,
      minutes: 14 * 24 * 60,
      classes: [
        oversized(STOPPED, 0.5),
        {
          id: STOPPED_PC,
          count: 1,
          activity: { kind: 'every-minute' },
          concurrency: 1,
          meanMs: 1_000,
          memoryMb: 1024,
          maxMemoryUsedMb: 900,
          coldStartsPerMinute: 0,
        },
      ],
    });
    // A daily batch of ten minutes, an hour into the window and every 24 hours after.
    for (let day = 0; day < 14; day++)
      await insertMinuteFleet(fleetscope.clickhouse.client, {
        startMs: nowMs - 14 * DAY_MS + 60 * MINUTE_MS + day * DAY_MS,
        minutes: 10,
        classes: [oversized(DAILY, 50)],
      });
    const configs: [string, Record<string, unknown>][] = [
      [STOPPED, { memoryMb: 3008 }],
      [DAILY, { memoryMb: 3008 }],
      [STOPPED_PC, { memoryMb: 1024, provisionedConcurrency: 3 }],
    ];
    for (const [id, config] of configs) {
      const put = await api(`/api/functions/${encodeURIComponent(id)}/config`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...config, runtime: 'nodejs22.x', architecture: 'x86_64' }),
      });
      expect(put.status).toBe(200);
    }
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);
    listing = (await api('/api/recommendations?explain=1').then((r) => r.json())) as Listing;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('advises no saving on a function with no invocations for the last 3 days, and says since when', () => {
    expect(listing.recommendations.filter((r) => r.functionId === STOPPED)).toEqual([]);
    const memory = listing.whyNot.find((w) => w.functionId === STOPPED && w.kind === 'memory');
    // Inside the window the last hour with invocations is what the hourly aggregate says.
    const lastHour = new Date(Math.floor((stoppedAtMs - MINUTE_MS) / 3_600_000) * 3_600_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    expect(memory?.code).toBe('insufficient-evidence');
    expect(memory?.detail).toContain(`No invocations since ${lastHour} UTC`);
    expect(memory?.detail).toContain('3.0 days before the window');
  });

  it('advises removing the provisioned concurrency a stopped function still pays for, its whole allocation the saving', () => {
    // Found by a review: with the traffic's end in the shared gate this read "no saving is
    // advised" while 3 instances at 1,024 MB billed $32.85 a month.
    const mine = listing.recommendations.filter((r) => r.functionId === STOPPED_PC);
    expect(mine.map((r) => r.kind)).toEqual(['provisioned-concurrency']);
    const [pc] = mine;
    expect(pc.title).toMatch(/^Set provisionedConcurrency to 0: no invocations since \S+$/);
    expect(pc.recommended).toEqual({ provisionedConcurrency: 0 });
    // 3 × 1 GB × 3,600 s × $0.0000041667 (us-east-1, x86_64) × 730 h.
    expect(pc.savingUsd.lowUsd).toBeCloseTo(3 * 3600 * 0.0000041667 * 730, 2);
    expect(pc.savingUsd.highUsd).toBe(pc.savingUsd.lowUsd);
    expect(pc.reason).toMatch(
      /^No invocations since .*, 3\.0 days before the window's end .*: the function looks stopped, deleted or renamed, yet its 3 provisioned-concurrency instances are billed every hour whether invoked or not, \$32\.85 a month, all of it saved at level 0/,
    );
  });

  it('still advises a function invoked once a day', () => {
    const memory = listing.recommendations.find(
      (r) => r.functionId === DAILY && r.kind === 'memory',
    );
    expect(memory?.title).toMatch(
      /^Over-provisioned by 2808 MB .*: measure 256 MB with a tuning job$/,
    );
    // Its last batch ran 23 hours before the window's end: the basis says so.
    expect(memory?.basis.measured).toMatch(
      /; last invocation \S+ \S+ UTC \(the start of the last minute or hour with any\)$/,
    );
  });
});
