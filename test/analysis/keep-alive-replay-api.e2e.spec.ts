import { PricingService } from '@fleetscope/pricing';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

jest.setTimeout(240_000);

interface Replay {
  functions: {
    id: string;
    memoryMb: number | null;
    activeMinutes: number;
    results: Record<
      string,
      { coldStarts: number; idleMinutes: number; wastedGbSeconds: number; wastedUsd: number | null }
    >;
  }[];
  totals: Record<
    string,
    { coldStarts: number; wastedGbSeconds: number; wastedUsd: number | null; functions: number }
  >;
}

const MINUTE = 60_000;
/** A Sunday's midnight, well inside what Fleetscope stores. */
const T0 = Date.parse('2026-11-29T00:00:00Z');

describe('GET /api/keepalive/replay', () => {
  let fs: RunningFleetscope;

  const replay = async (query: string) => {
    const response = await fetch(`${fs.apiUrl}/api/keepalive/replay?${query}`);
    return {
      status: response.status,
      body: (await response.json()) as Replay & { message: string },
    };
  };
  const at = (minute: number, memorySizeMb: number, name: string) => ({
    ...lambdaInvocation(
      `aws_lambda~123456789012~eu-west-1~${name}`,
      `${name}-${minute}`,
      T0 + minute * MINUTE,
    ),
    memorySizeMb,
  });

  beforeAll(async () => {
    fs = await startFleetscope();
  });

  afterAll(async () => {
    await fs?.stop();
  });

  it('answers an empty store with no functions, zero totals and no idle dollars', async () => {
    const { status, body } = await replay(`policy=fixed:10m&from=${T0}&to=${T0 + 30 * MINUTE}`);
    expect(status).toBe(200);
    expect(body.functions).toEqual([]);
    expect(body.totals['fixed:10m']).toEqual({
      coldStarts: 0,
      wastedGbSeconds: 0,
      wastedUsd: null,
      functions: 0,
    });
  });

  it('replays a function with one invocation: cold once under every policy, the fallback for hybrid', async () => {
    await fs.app.get(IngestWriter).write({ invocations: [at(100, 512, 'once')] });
    await fs.flush();
    const { status, body } = await replay(
      `policy=fixed:10m&policy=hybrid&from=${T0 + 90 * MINUTE}&to=${T0 + 130 * MINUTE}`,
    );
    expect(status).toBe(200);
    const fn = body.functions.find((f) => f.id.endsWith('~once'))!;
    expect(fn.results['fixed:10m']).toMatchObject({ coldStarts: 1, idleMinutes: 10 });
    // No idle time to learn from: the 4-hour fallback, cut at the range's end (29 minutes).
    expect(fn.results.hybrid).toMatchObject({
      coldStarts: 1,
      idleMinutes: 29,
      policy: { kind: 'fallback' },
    });
    // A Lambda function's idle sandbox is not billed: no idle dollars, in its row or the total.
    expect(fn.results['fixed:10m'].wastedUsd).toBeNull();
    expect(body.totals['fixed:10m'].wastedUsd).toBeNull();
  });

  it('replays across midnight as one series of minutes', async () => {
    const midnight = 24 * 60;
    await fs.app.get(IngestWriter).write({
      invocations: [at(midnight - 5, 128, 'late'), at(midnight + 4, 128, 'late')],
    });
    await fs.flush();
    const { body } = await replay(
      `policy=fixed:10m&from=${T0 + (midnight - 60) * MINUTE}&to=${T0 + (midnight + 5) * MINUTE}`,
    );
    const fn = body.functions.find((f) => f.id.endsWith('~late'))!;
    expect(fn.results['fixed:10m']).toMatchObject({ coldStarts: 1, idleMinutes: 8 });
  });

  it.each([
    ['policy=fixed:10', /policy: .*"fixed:10"/],
    ['policy=fixed:-5m', /policy: .*"fixed:-5m"/],
    // Under the replay's minute resolution (fixed:0s replayed a 119 s gap warm).
    ['policy=fixed:0s', /policy: "fixed:0s" is under a minute: the replay works on minutes/],
    ['policy=fixed:10m,fixed:30s', /policy: "fixed:30s" is under a minute: .*at least 1m/],
    ['policy=,', /policy: name 1 to 8 policies/],
    [
      `policy=${Array.from({ length: 9 }, (_, i) => `fixed:${i + 1}m`).join(',')}`,
      /policy: name 1 to 8/,
    ],
    ['from=yesterday', /from: expected ISO-8601/],
    [`from=${T0}&to=${T0}`, /from must be before to/],
  ])('answers 400 naming the problem for %s', async (query, message) => {
    const { status, body } = await replay(query);
    expect(status).toBe(400);
    expect(body.message).toMatch(message);
  });

  it('prices an idle Knative pod at its CPU and memory requests; Lambda bills no idle instance', async () => {
    const id = 'knative~shop~c1~reports';
    await fs.app.get(IngestWriter).write({
      invocations: [300, 305, 330].map((m) => ({
        ...at(m, 0, 'reports'),
        functionId: id,
        platform: 'knative' as const,
        account: 'shop',
        region: 'c1',
        name: 'reports',
      })),
    });
    await fs.flush();
    const put = await fetch(`${fs.apiUrl}/api/functions/${encodeURIComponent(id)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ podCpu: 2, podMemoryMb: 4096 }),
    });
    expect(put.status).toBeLessThan(300);
    const to = T0 + 340 * MINUTE;
    const { body } = await replay(`policy=fixed:10m&from=${T0}&to=${to}`);
    const pod = body.functions.find((f) => f.id === id)!;
    // Idle 4 (warm), 24 (cold after 10) and 9 after the last: 23 minutes of a 2 vCPU / 4 GiB pod.
    expect(pod.results['fixed:10m']).toMatchObject({
      idleMinutes: 23,
      wastedGbSeconds: 23 * 60 * 4,
    });
    const hour = fs.app
      .get(PricingService)
      .kubernetesPodHour({ vcpu: 2, memoryMb: 4096 }, new Date(to), 'c1');
    expect(pod.results['fixed:10m'].wastedUsd).toBeCloseTo((23 / 60) * hour.usd, 6);
    const lambda = body.functions.find((f) => f.id.endsWith('~once'))!;
    expect(lambda.results['fixed:10m'].wastedUsd).toBeNull();
    expect(body.totals['fixed:10m'].wastedUsd).toBeCloseTo((23 / 60) * hour.usd, 6);
  });

  it('holds each idle period at the memory the instance had when it went idle', async () => {
    // 256 MB at minutes 0 and 5, then resized to 1024 MB at minute 20; the range ends at 30.
    await fs.app.get(IngestWriter).write({
      invocations: [at(0, 256, 'resized'), at(5, 256, 'resized'), at(20, 1024, 'resized')],
    });
    await fs.flush();
    const { status, body } = await replay(`policy=fixed:10m&from=${T0}&to=${T0 + 30 * MINUTE}`);
    expect(status).toBe(200);
    const fn = body.functions.find((f) => f.id.endsWith('~resized'))!;
    // Idle 4 minutes (warm) and 14 (cold after 10) at 256 MB; after minute 20, 9 minutes at 1024.
    expect(fn.results['fixed:10m']).toMatchObject({ coldStarts: 2, idleMinutes: 23 });
    expect(fn.results['fixed:10m'].wastedGbSeconds).toBe((((4 + 10) * 256 + 9 * 1024) * 60) / 1024);
  });
});
