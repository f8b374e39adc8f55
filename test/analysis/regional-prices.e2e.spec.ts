import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertMinuteFleet, type MinuteFleetClass } from './support/minute-fleet.generator';

/**
 * Issue 9, defect 13 ("every region is priced as us-east-1"): the same hot API in three regions,
 * written straight into ClickHouse and analysed through POST /api/analyses/run. London has its own
 * Fargate and load-balancer prices; Frankfurt has no sourced Linux/ARM Fargate price; Stockholm
 * has no sourced price at all.
 */
const name = (region: string, fn: string) => `aws_lambda~123456789012~${region}~${fn}`;
const LONDON = name('eu-west-2', 'hot-api');
const FRANKFURT_ARM = name('eu-central-1', 'hot-api-arm');
const STOCKHOLM = name('eu-north-1', 'hot-api');
const DAY_MS = 86_400_000;

interface Recommendation {
  kind: string;
  functionId: string;
  reason: string;
  evidence: Record<string, unknown>;
}
interface Listing {
  recommendations: Recommendation[];
  whyNot?: { functionId: string; kind: string; code: string; detail: string }[];
}

function hot(id: string): MinuteFleetClass {
  return {
    id,
    count: 1,
    activity: { kind: 'every-minute' },
    concurrency: 60,
    meanMs: 50,
    memoryMb: 1769,
    maxMemoryUsedMb: 400,
    coldStartsPerMinute: 0.01,
  };
}

describe('regional prices in recommendations', () => {
  let fleetscope: RunningFleetscope;
  let listing: Listing;

  const api = (path: string, init?: RequestInit) => fetch(`${fleetscope.apiUrl}${path}`, init);
  const of = (functionId: string, kind: string) =>
    listing.recommendations.filter((r) => r.functionId === functionId && r.kind === kind);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await insertMinuteFleet(fleetscope.clickhouse.client, {
      startMs: Math.floor(Date.now() / 60_000) * 60_000 - 14 * DAY_MS,
      minutes: 14 * 24 * 60,
      classes: [hot(LONDON), hot(FRANKFURT_ARM), hot(STOCKHOLM)],
    });
    for (const [id, architecture] of [
      [LONDON, 'x86_64'],
      [FRANKFURT_ARM, 'arm64'],
      [STOCKHOLM, 'x86_64'],
    ]) {
      const put = await api(`/api/functions/${encodeURIComponent(id)}/config`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memoryMb: 1769, runtime: 'nodejs22.x', architecture }),
      });
      expect(put.status).toBe(200);
    }
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);
    listing = (await api('/api/recommendations').then((r) => r.json())) as Listing;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it("defect 13 (every region priced as us-east-1): London's container option is priced with London's Fargate and load-balancer prices, assuming nothing", () => {
    const [containers] = of(LONDON, 'containers');
    expect(containers).toBeDefined();
    const priceIds = containers.evidence.priceIds as string[];
    expect(priceIds).toEqual(
      expect.arrayContaining([
        'aws.fargate.vcpu.x86_64@eu-west-2@2019-12-01',
        'aws.elb.application.hour@eu-west-2@2016-08-11',
      ]),
    );
    expect(containers.evidence.priceAssumptions).toBeUndefined();
  });

  it('defect 13: where no Fargate price was sourced (arm64 in Frankfurt, anything in Stockholm) the container comparison is withheld, and explain=1 says why', async () => {
    for (const id of [FRANKFURT_ARM, STOCKHOLM]) {
      expect(of(id, 'containers')).toEqual([]);
      const explained = (await api(
        `/api/recommendations?explain=1&functionId=${encodeURIComponent(id)}`,
      ).then((r) => r.json())) as Listing;
      expect(explained.whyNot).toContainEqual(
        expect.objectContaining({
          functionId: id,
          kind: 'containers',
          code: 'insufficient-evidence',
          detail: expect.stringContaining('No sourced aws.fargate.vcpu'),
        }),
      );
    }
  });

  it("defect 13: Stockholm's other advice names the us-east-1 Lambda price it was quoted with", () => {
    const stockholm = listing.recommendations.filter((r) => r.functionId === STOCKHOLM);
    expect(stockholm.length).toBeGreaterThan(0);
    for (const r of stockholm) {
      expect(r.evidence.priceAssumptions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ meter: 'aws.lambda.duration.x86_64', region: 'eu-north-1' }),
        ]),
      );
      expect(r.reason).toContain('priced at the us-east-1 figure');
    }
    const london = listing.recommendations.filter((r) => r.functionId === LONDON);
    // London's Lambda duration price is its own (provisioned concurrency's is not: us-east-1 only).
    const onDemandOnly = london.filter(
      (x) => x.kind !== 'provisioned-concurrency' && x.kind !== 'keep-alive',
    );
    expect(onDemandOnly.length).toBeGreaterThan(0);
    for (const r of onDemandOnly) expect(r.evidence.priceAssumptions).toBeUndefined();
  });
});
