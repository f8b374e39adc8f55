import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { listFunctions, minuteAgo, post, reportLine } from './platform-ingest.helpers';

const identity = {
  platform: 'aws_lambda' as const,
  account: '123456789012',
  region: 'us-east-1',
  name: 'inventory-by-hand',
};
const ID = functionId(identity);

describe('PUT /api/functions/:id/config', () => {
  let fleetscope: RunningFleetscope;
  const fromMs = minuteAgo(60);
  const toMs = Date.now() + 60_000;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // REPORT lines say 128 MB; the timeout line says 3 s.
    const t = minuteAgo(2, 5_000);
    const lines = [
      `START RequestId: 00000001-aaaa-4bbb-8ccc-dddddddddddd Version: $LATEST`,
      `${new Date(t + 3004).toISOString()} 00000001-aaaa-4bbb-8ccc-dddddddddddd Task timed out after 3.00 seconds`,
      `END RequestId: 00000001-aaaa-4bbb-8ccc-dddddddddddd`,
      reportLine('00000001-aaaa-4bbb-8ccc-dddddddddddd', {
        durationMs: 3003.1,
        billedMs: 3000,
        memoryMb: 128,
        maxUsedMb: 60,
      }),
      `START RequestId: 00000002-aaaa-4bbb-8ccc-dddddddddddd Version: $LATEST`,
      reportLine('00000002-aaaa-4bbb-8ccc-dddddddddddd', {
        durationMs: 25.4,
        billedMs: 26,
        memoryMb: 128,
        maxUsedMb: 61,
      }),
    ].join('\n');
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function=${identity.name}&region=${identity.region}&account=${identity.account}&instance=s1`,
      lines,
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 2 });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const put = (id: string, body: unknown) =>
    post<Record<string, unknown>>(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}/config`,
      body,
      {},
      'PUT',
    );

  it('lists what REPORT lines said until a person says otherwise', async () => {
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === ID);
    expect(fn).toMatchObject({ memoryMb: 128, timeoutMs: 3000, invocations: 2, timeouts: 1 });
  });

  it('shows memoryMb, timeoutMs and architecture set by hand, winning over the REPORT lines', async () => {
    const answer = await put(ID, { memoryMb: 1024, timeoutMs: 900_000, architecture: 'arm64' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      memoryMb: 1024,
      timeoutMs: 900_000,
      architecture: 'arm64',
    });

    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === ID);
    expect(fn).toMatchObject({ memoryMb: 1024, timeoutMs: 900_000, architecture: 'arm64' });

    // Later REPORT lines still saying 128 MB do not override the hand-set figure.
    const later = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function=${identity.name}&region=${identity.region}&account=${identity.account}&instance=s2`,
      [
        `START RequestId: 00000003-aaaa-4bbb-8ccc-dddddddddddd Version: $LATEST`,
        reportLine('00000003-aaaa-4bbb-8ccc-dddddddddddd', {
          durationMs: 20,
          billedMs: 20,
          memoryMb: 128,
          maxUsedMb: 62,
        }),
      ].join('\n'),
      { 'content-type': 'text/plain' },
    );
    expect(later.status).toBe(200);
    const [after] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === ID);
    expect(after).toMatchObject({
      memoryMb: 1024,
      timeoutMs: 900_000,
      architecture: 'arm64',
      invocations: 3,
    });
  });

  it.each([
    [{ memoryMb: -1 }, 'memoryMb'],
    [{ memoryMb: 'lots' }, 'memoryMb'],
    [{ memoryMb: 20_000 }, 'memoryMb'],
    [{ timeoutMs: 1.5 }, 'timeoutMs'],
    [{ architecture: 'sparc' }, 'architecture'],
    [{ memoryMb: 512, colour: 'blue' }, 'colour'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const answer = await put(ID, body);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual(expect.stringContaining(field));
  });

  it('refuses a Lambda timeout that is not a whole number of seconds, naming the rule', async () => {
    const answer = await put(ID, { timeoutMs: 1500 });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual(
      expect.stringContaining('timeoutMs: must be a whole number of seconds'),
    );
    expect((await put(ID, { timeoutMs: 0 })).status).toBe(400);
  });

  it('takes a provisioned concurrency of 0 as none, over what was set before', async () => {
    const five = await put(ID, { provisionedConcurrency: 5 });
    expect(five.body).toMatchObject({ provisionedConcurrency: 5 });
    const none = await put(ID, { provisionedConcurrency: 0 });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ provisionedConcurrency: 0 });
    const one = await fetch(`${fleetscope.apiUrl}/api/functions/${encodeURIComponent(ID)}`).then(
      (r) => r.json() as Promise<{ config: Record<string, unknown> }>,
    );
    expect(one.config).toMatchObject({ provisionedConcurrency: 0, memoryMb: 1024 });
  });

  it('refuses a body that is not JSON and an id that is no function id with 400', async () => {
    const notJson = await put(ID, '{"memoryMb": ');
    expect(notJson.status).toBe(400);
    const badId = await put('not-a-function', { memoryMb: 512 });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toEqual(expect.stringContaining('not a function id'));
    // Nothing of the refused bodies was stored.
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === ID);
    expect(fn).toMatchObject({ memoryMb: 1024, architecture: 'arm64' });
  });
});
