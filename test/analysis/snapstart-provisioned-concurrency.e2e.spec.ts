import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertMinuteFleet, type MinuteFleetClass } from './support/minute-fleet.generator';

/**
 * Lambda allows no provisioned concurrency on a SnapStart version ("SnapStart does not support
 * provisioned concurrency", docs.aws.amazon.com/lambda/latest/dg/snapstart.html, "Supported
 * features and limitations"). A steady concurrency of 20 that would make provisioned concurrency
 * worth buying on demand must get none when its cold starts are restores.
 */
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
const ids = {
  onDemand: `${ACCOUNT}~on-demand-20`,
  snapStart: `${ACCOUNT}~snapstart-20`,
  mixed: `${ACCOUNT}~mixed-versions`,
};
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface Listing {
  recommendations: { kind: string; functionId: string; recommended: Record<string, unknown> }[];
  whyNot?: { functionId: string; kind: string; code: string; detail: string }[];
}

function steady(id: string, overrides: Partial<MinuteFleetClass> = {}): MinuteFleetClass {
  return {
    id,
    count: 1,
    activity: { kind: 'every-minute' },
    concurrency: 20,
    meanMs: 100,
    memoryMb: 1024,
    maxMemoryUsedMb: 300,
    coldStartsPerMinute: 0.1,
    initMs: 400,
    ...overrides,
  };
}

describe('Provisioned concurrency and SnapStart', () => {
  let fleetscope: RunningFleetscope;
  const api = (path: string, init?: RequestInit) => fetch(`${fleetscope.apiUrl}${path}`, init);
  const explained = async (functionId: string): Promise<Listing> =>
    (await api(`/api/recommendations?explain=1&functionId=${encodeURIComponent(functionId)}`).then(
      (r) => r.json(),
    )) as Listing;
  const pcWhyNot = (listing: Listing) =>
    (listing.whyNot ?? []).filter((w) => w.kind === 'provisioned-concurrency');

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const nowMs = Date.now();
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs: Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - 14 * DAY_MS,
      minutes: 14 * 24 * 60,
      classes: [
        steady(ids.onDemand),
        steady(ids.snapStart, { version: '7', snapStart: true }),
        // Version 7 restores from its snapshot, $LATEST initialises on demand.
        steady(ids.mixed, { version: '7', snapStart: true, concurrency: 10 }),
        steady(ids.mixed, { concurrency: 10 }),
      ],
    });
    const run = await api('/api/analyses/run', { method: 'POST' });
    expect(run.status).toBe(200);
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('recommends provisioned concurrency of 20 for the on-demand function (the load is worth it)', async () => {
    const listing = await explained(ids.onDemand);
    const pc = listing.recommendations.filter((r) => r.kind === 'provisioned-concurrency');
    expect(pc.map((r) => r.recommended.provisionedConcurrency)).toEqual([20]);
  });

  it('recommends none for the same load whose cold starts are SnapStart restores, and says why with the restores counted', async () => {
    const listing = await explained(ids.snapStart);
    expect(listing.recommendations.filter((r) => r.kind === 'provisioned-concurrency')).toEqual([]);
    const [why] = pcWhyNot(listing);
    expect(why).toMatchObject({ code: 'not-applicable' });
    expect(why.detail).toContain('SnapStart');
    // 0.1 cold starts a minute over 14 days, all restores.
    expect(why.detail).toContain('2016 of 2016 cold starts');
  });

  it('stays silent on a function with SnapStart and on-demand versions, whose concurrency is not split by version', async () => {
    const listing = await explained(ids.mixed);
    expect(listing.recommendations.filter((r) => r.kind === 'provisioned-concurrency')).toEqual([]);
    const [why] = pcWhyNot(listing);
    expect(why).toMatchObject({ code: 'not-applicable' });
    expect(why.detail).toContain('SnapStart');
    expect(why.detail).toContain('2016 of 4032 cold starts');
  });
});
