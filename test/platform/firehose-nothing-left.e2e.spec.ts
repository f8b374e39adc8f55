import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { metricValue, post } from './platform-ingest.helpers';

/**
 * A Firehose delivery whose records are all refused leaves nothing to store: 400 with
 * `errorMessage` naming why, which Firehose retries and then backs up to the stream's S3 error
 * bucket (README: a request with nothing left gets 400). Found by a review: a delivery whose only
 * record could not be decoded was answered 200, and Firehose, which reads nothing else of a 200,
 * dropped it without its backup.
 */
const ACCOUNT = '123456789012';

interface FirehoseAnswer {
  requestId: string;
  timestamp: number;
  errorMessage?: string;
}

describe('POST /ingest/firehose with nothing left to store', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const deliver = (requestId: string, records: unknown[]) =>
    post<FirehoseAnswer>(
      `${fleetscope.ingestUrl}/ingest/firehose?region=eu-west-1`,
      { requestId, timestamp: Date.now(), records },
      {
        'x-amz-firehose-request-id': requestId,
        'x-amz-firehose-source-arn': `arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/s`,
      },
    );

  it('answers 400 naming why when its only record cannot be decoded, and counts it once', async () => {
    const requestId = randomUUID();
    const answer = await deliver(requestId, [{ data: 'not-base64-gzip!!' }]);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringMatching(/records\[0\]: "data" is not valid base64/),
    });
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'firehose',
        reason: 'invalid_base64',
      }),
    ).toBe(1);
  });

  it('answers 400 when the records beside the refused ones are empty, and again when Firehose retries', async () => {
    const requestId = randomUUID();
    // A gzip stream cut short, and an empty record (which the contract permits).
    const truncated = gzipSync(JSON.stringify({ messageType: 'DATA_MESSAGE' })).subarray(0, 12);
    const records = [{ data: truncated.toString('base64') }, { data: '' }];
    const first = await deliver(requestId, records);
    expect(first.status).toBe(400);
    expect(first.body.errorMessage).toMatch(/records\[0\]/);
    // Not acknowledged, so not a redelivery of something stored: the retry is refused too.
    const retry = await deliver(requestId, records);
    expect(retry.status).toBe(400);
    expect(retry.body.errorMessage).toBe(first.body.errorMessage);
  });

  it('still answers 200 to a delivery of empty records only: nothing was refused', async () => {
    const requestId = randomUUID();
    const answer = await deliver(requestId, [{ data: '' }]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ requestId, timestamp: expect.any(Number) });
  });
});
