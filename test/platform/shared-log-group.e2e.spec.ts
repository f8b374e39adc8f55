import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { awslogs, listFunctions, minuteAgo, post, reportLine } from './platform-ingest.helpers';

const ACCOUNT = '123456789012';
const ACCESS_KEY = 'shared-group-key';

/**
 * Lambda lets several functions log to one group (LoggingConfig.LogGroup), whatever its name, an
 * `/aws/lambda/<other>` one included; each stream then names its function:
 * `YYYY/MM/DD/<function>[<version>]<guid>` (AWS Lambda developer guide, "Configuring CloudWatch log
 * groups").
 */
function sharedGroupMessage(
  group: string,
  fn: string,
  memoryMb: number,
  t: number,
): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: group,
    logStream: `2026/12/07/${fn}[$LATEST]0123456789abcdef`,
    subscriptionFilters: ['fleetscope'],
    logEvents: [
      { id: `${t}1`, timestamp: t, message: `START RequestId: ${requestId} Version: $LATEST\n` },
      {
        id: `${t}2`,
        timestamp: t + 100,
        message: reportLine(requestId, { durationMs: 100, billedMs: 100, memoryMb, maxUsedMb: 40 }),
      },
    ],
  };
}

describe('functions sharing a log group named /aws/lambda/<X>', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_FIREHOSE_ACCESS_KEY: ACCESS_KEY });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const listed = async (names: string[]) =>
    (await listFunctions(fleetscope, minuteAgo(30), Date.now() + 60_000))
      .filter((f) => names.includes(f.name))
      .map((f) => ({ name: f.name, memoryMb: f.memoryMb, invocations: f.invocations }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('defect: the CloudWatch route merged rvg-orders (128 MB) and rvg-payments (3008 MB) into one function rvg-shared-logs at 3008 MB; /api/functions lists both', async () => {
    const t = minuteAgo(10);
    for (const [fn, mb] of [
      ['rvg-orders', 128],
      ['rvg-payments', 3008],
    ] as const) {
      const answer = await post(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`,
        awslogs(sharedGroupMessage('/aws/lambda/rvg-shared-logs', fn, mb, t)),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ invocations: 1, rejected: 0 });
    }
    expect(await listed(['rvg-orders', 'rvg-payments', 'rvg-shared-logs'])).toEqual([
      { name: 'rvg-orders', memoryMb: 128, invocations: 1 },
      { name: 'rvg-payments', memoryMb: 3008, invocations: 1 },
    ]);
  });

  it('defect: the Firehose route (the same decoder) merged them too; /api/functions lists both', async () => {
    const t = minuteAgo(8);
    const requestId = randomUUID();
    const records = [
      ['fh-orders', 128],
      ['fh-payments', 3008],
    ].map(([fn, mb]) => ({
      data: gzipSync(
        JSON.stringify(
          sharedGroupMessage('/aws/lambda/fh-shared-logs', fn as string, mb as number, t),
        ),
      ).toString('base64'),
    }));
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/firehose`,
      { requestId, timestamp: Date.now(), records },
      {
        'x-amz-firehose-request-id': requestId,
        'x-amz-firehose-access-key': ACCESS_KEY,
        'x-amz-firehose-source-arn': `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/fleetscope`,
        'x-amz-firehose-protocol-version': '1.0',
      },
    );
    expect(answer.status).toBe(200);
    expect(await listed(['fh-orders', 'fh-payments', 'fh-shared-logs'])).toEqual([
      { name: 'fh-orders', memoryMb: 128, invocations: 1 },
      { name: 'fh-payments', memoryMb: 3008, invocations: 1 },
    ]);
  });
});
