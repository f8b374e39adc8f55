import { randomUUID } from 'node:crypto';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { awslogs, dataMessage, metricValue, minuteAgo, post } from './platform-ingest.helpers';

/**
 * A CloudWatch Logs subscription delivery or a Telemetry API batch whose every item the parser
 * refuses leaves nothing to store: 400 naming why, as Firehose's delivery gets (README: a request
 * with nothing left gets 400). Found by a review: both were answered 200, which the forwarders
 * read as stored, so the sender never learned that nothing of its request was kept.
 */
const ACCOUNT = '123456789012';
const ARN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:nothing-left`;

interface Answer {
  message?: string;
  invocations?: number;
  logs?: number;
  rejected: number;
  errors: string[];
}

describe('Lambda platform routes with nothing left to store', () => {
  let fleetscope: RunningFleetscope;
  let cloudwatch: string;
  let telemetry: string;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    cloudwatch = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=eu-west-1`;
    telemetry = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(ARN)}`;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const stream = () => `2025/06/01/[$LATEST]${randomUUID().replaceAll('-', '')}`;

  it('answers 400 naming why to a CloudWatch delivery whose every log event is malformed, and counts them', async () => {
    const t = minuteAgo(1);
    const message = dataMessage(ACCOUNT, 'nothing-left', stream(), [
      { timestamp: t, message: 17 as unknown as string },
      { timestamp: 'yesterday' as unknown as number, message: 'START RequestId: x' },
    ]);
    const answer = await post<Answer>(cloudwatch, awslogs(message));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(
      /^no item could be stored: .*logEvents\[0\] needs a numeric timestamp.*; .*logEvents\[1\]/,
    );
    expect(answer.body.rejected).toBe(2);
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'lambda_cloudwatch',
        reason: 'invalid_event',
      }),
    ).toBe(2);
  });

  it('answers 400 naming the account to a CloudWatch delivery of a Lambda group without its owner', async () => {
    const message = dataMessage(ACCOUNT, 'nothing-left', stream(), [
      { timestamp: minuteAgo(1), message: 'hello\n' },
    ]);
    delete message.owner;
    const answer = await post<Answer>(cloudwatch, awslogs(message));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(
      /^no item could be stored: \/aws\/lambda\/nothing-left: .*account/,
    );
  });

  it('still answers 200 to a CloudWatch CONTROL_MESSAGE: nothing was refused', async () => {
    const answer = await post<Answer>(
      cloudwatch,
      awslogs({
        messageType: 'CONTROL_MESSAGE',
        owner: 'CloudwatchLogs',
        logGroup: '',
        logStream: '',
        subscriptionFilters: [],
        logEvents: [
          {
            id: '',
            timestamp: Date.now(),
            message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.',
          },
        ],
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 0, logs: 0, rejected: 0 });
  });

  it('answers 400 naming why to a Telemetry API batch whose every event is malformed, and again when it is sent again', async () => {
    const at = new Date(minuteAgo(1)).toISOString();
    const batch = [42, { time: at, type: 'platform.report', record: { status: 'success' } }];
    const first = await post<Answer>(telemetry, batch);
    expect(first.status).toBe(400);
    expect(first.body.message).toMatch(
      /^no item could be stored: events\[0\] is not an object; events\[1\]: platform.report event has no "requestId"/,
    );
    expect(first.body.rejected).toBe(2);
    // Nothing was stored, so the same batch again is no duplicate of a stored one.
    const again = await post<Answer>(telemetry, batch);
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(first.body.message);
  });

  it('still answers 200 to a Telemetry API batch whose good event only names the runtime, beside a bad one', async () => {
    const at = new Date(minuteAgo(1)).toISOString();
    const answer = await post<Answer>(telemetry, [
      {
        time: at,
        type: 'platform.initStart',
        record: {
          initializationType: 'on-demand',
          phase: 'init',
          runtimeVersion: 'nodejs:20.v13',
          functionVersion: '$LATEST',
          instanceId: randomUUID(),
        },
      },
      { time: at, type: 'platform.start', record: {} },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 0, logs: 0, rejected: 1 });
  });

  it('still answers 200 to an empty Telemetry API batch: nothing was refused', async () => {
    const answer = await post<Answer>(telemetry, []);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 0, logs: 0, rejected: 0 });
  });
});
