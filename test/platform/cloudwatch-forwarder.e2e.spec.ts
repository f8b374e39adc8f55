import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { fixtureJson, rows } from './platform-ingest.helpers';

const FORWARDER = pathToFileURL(
  join(__dirname, '../../examples/cloudwatch-forwarder/index.mjs'),
).href;

/**
 * The example's handler, run as Lambda runs it: plain ESM in its own Node process (jest's module
 * sandbox cannot import ESM), with its environment; what it returned or threw.
 */
async function invoke(
  event: unknown,
  env: Record<string, string>,
): Promise<{ returned?: unknown; threw?: string; stderr: string }> {
  const script = `import { handler } from ${JSON.stringify(FORWARDER)};
    try { console.log(JSON.stringify({ returned: await handler(JSON.parse(process.argv[1])) })); }
    catch (e) { console.log(JSON.stringify({ threw: String(e.message) })); }`;
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(event)],
    { env: { PATH: process.env.PATH ?? '', ...env } },
  );
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as object), stderr };
}

const TOKEN = 'forwarder-token';

describe('examples/cloudwatch-forwarder', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    // The fixture is a real capture from 2022: retention is switched off so its rows stay.
    fleetscope = await startFleetscope({
      FLEETSCOPE_INGEST_TOKEN: TOKEN,
      FLEETSCOPE_RETENTION_DAYS: '0',
      FLEETSCOPE_AGGREGATE_RETENTION_DAYS: '0',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('posts each subscription delivery as it came, and its invocations are stored', async () => {
    const event = fixtureJson<{ Records: { kinesis: { data: string } }[] }>(
      'kinesisStreamCloudWatchLogsEvent.json',
    );
    for (const record of event.Records) {
      // What a subscription filter hands its Lambda destination.
      const run = await invoke(
        { awslogs: { data: record.kinesis.data } },
        {
          FLEETSCOPE_INGEST_URL: fleetscope.ingestUrl,
          FLEETSCOPE_INGEST_TOKEN: TOKEN,
          AWS_REGION: 'eu-west-1',
        },
      );
      expect(run).toEqual({ returned: { status: 200 }, stderr: '' });
    }
    await fleetscope.flush();
    const id = functionId({
      platform: 'aws_lambda',
      account: '231436140809',
      region: 'eu-west-1',
      name: 'pt-1488-DummyLogDataFunction-gnWXPvL6jJyG',
    });
    expect(
      await rows<{ n: number; cold: number }>(
        fleetscope,
        'SELECT count() AS n, sum(cold_start) AS cold FROM invocations WHERE function_id = {id:String}',
        { id },
      ),
    ).toEqual([{ n: 2, cold: 1 }]);
  });

  it('logs a refusal, which a retry would not change, and throws when the collector cannot take it, so that Lambda retries', async () => {
    // No region: the collector refuses the delivery (400).
    const refused = await invoke(
      { awslogs: { data: 'H4sI' } },
      { FLEETSCOPE_INGEST_URL: fleetscope.ingestUrl, FLEETSCOPE_INGEST_TOKEN: TOKEN },
    );
    expect(refused.returned).toEqual({ status: 400 });
    expect(refused.stderr).toContain('Fleetscope refused the delivery (400)');
    const unreachable = await invoke(
      { awslogs: { data: 'H4sI' } },
      { FLEETSCOPE_INGEST_URL: 'http://127.0.0.1:9', AWS_REGION: 'eu-west-1' },
    );
    expect(unreachable.threw).toBeDefined();
  });

  it('throws when a setting of the forwarder is wrong, so that the delivery is kept until it is fixed', async () => {
    const event = { awslogs: { data: 'H4sI' } };
    const region = { AWS_REGION: 'eu-west-1' };
    // A mistyped token, and none at all: 401.
    const tokens: Record<string, string>[] = [{ FLEETSCOPE_INGEST_TOKEN: 'forwarder-tokne' }, {}];
    for (const token of tokens) {
      const run = await invoke(event, {
        FLEETSCOPE_INGEST_URL: fleetscope.ingestUrl,
        ...token,
        ...region,
      });
      expect(run.threw).toMatch(/^Fleetscope answered 401: .*FLEETSCOPE_INGEST_TOKEN/);
      expect(run.returned).toBeUndefined();
    }
    // The dashboard's port instead of the collector's: 404.
    const dashboard = await invoke(event, {
      FLEETSCOPE_INGEST_URL: fleetscope.apiUrl,
      FLEETSCOPE_INGEST_TOKEN: TOKEN,
      ...region,
    });
    expect(dashboard.threw).toMatch(/^Fleetscope answered 404: /);
  });
});
