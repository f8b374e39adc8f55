import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post, reportLine } from '../platform/platform-ingest.helpers';
import { postTuningJob } from './support/tuning-jobs.client';

/**
 * POST /api/tuning-jobs with a {min, max} range far beyond the platform. Found by a review: the
 * range was listed in 64 MB steps before its ends were checked, so max 1e10 held the process for
 * 16 s (ingest stalled with it) and then answered an uncounted 500 ("Set maximum size exceeded");
 * max 1e9 answered 400 after the same 16 s. Both are a 400 at once, counted in /metrics.
 */
describe('POST /api/tuning-jobs with sizes beyond the platform', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_LOG_LEVEL: 'error' });
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const rejected = async (): Promise<number> => {
    const text = await (await fetch(`${fleetscope.apiUrl}/metrics`)).text();
    return Number(/^fleetscope_tuning_rejected_requests_total (\d+)$/m.exec(text)?.[1] ?? 0);
  };
  const timed = async <T>(work: Promise<T>): Promise<{ ms: number; answer: T }> => {
    const started = Date.now();
    const answer = await work;
    return { ms: Date.now() - started, answer };
  };

  it.each([
    [1e10, 'memorySizes: 10000000000 MB is outside 128–10240 MB for aws-lambda'],
    [1e9, 'memorySizes: 1000000000 MB is outside 128–10240 MB for aws-lambda'],
  ])('answers max %d with 400 at once, counted, while ingest carries on', async (max, message) => {
    const before = await rejected();
    const tuning = timed(
      postTuningJob(fleetscope.apiUrl, {
        platform: 'aws-lambda',
        function: 'x',
        memorySizes: { min: 128, max },
      }),
    );
    const ingest = timed(
      post(
        `${fleetscope.ingestUrl}/ingest/lambda/logs?function=sender&region=eu-west-1&account=123456789012&instance=s1`,
        reportLine('00000001-aaaa-4bbb-8ccc-dddddddddddd', {
          durationMs: 25.4,
          billedMs: 26,
          memoryMb: 128,
          maxUsedMb: 61,
        }),
        { 'content-type': 'text/plain' },
      ),
    );
    const [t, i] = await Promise.all([tuning, ingest]);
    expect({ status: t.answer.status, message: t.answer.body.message }).toEqual({
      status: 400,
      message,
    });
    expect(t.ms).toBeLessThan(2000);
    expect(i.answer.status).toBe(200);
    expect(i.ms).toBeLessThan(2000);
    expect(await rejected()).toBe(before + 1);
  });

  it('still refuses a range of too many sizes within the platform, naming the count', async () => {
    const answer = await postTuningJob(fleetscope.apiUrl, {
      platform: 'knative',
      function: 'media/thumbs',
      memorySizes: { min: 16, max: 65_536 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe(
      'memorySizes: 16–65536 MB in 64 MB steps is 1025 sizes, more than 64: narrow the range or list the sizes',
    );
  });
});
