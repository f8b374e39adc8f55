import { randomBytes } from 'node:crypto';
import { encodeTraceRequestProtobuf, type OtlpSpan } from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

jest.setTimeout(120_000);

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** A Knative service used in 5-minute bursts every 2 hours for the last 2 days. */
function burstySpans(nowMs: number): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  const start = Math.floor(nowMs / 3_600_000) * 3_600_000 - 2 * 86_400_000;
  for (let burst = start; burst < nowMs - 10 * 60_000; burst += 120 * 60_000) {
    for (let m = 0; m < 5; m++) {
      const t = burst + m * 60_000 + 1_000;
      spans.push({
        traceId: randomBytes(16).toString('hex'),
        spanId: randomBytes(8).toString('hex'),
        name: 'GET /',
        kind: 2,
        startTimeUnixNano: `${t}000000`,
        endTimeUnixNano: `${t + 40}000000`,
      });
    }
  }
  return spans;
}

describe('KeepAliveAnalyzer in the scheduled analyses', () => {
  let fs: RunningFleetscope;

  beforeAll(async () => {
    fs = await startFleetscope();
  });

  afterAll(async () => {
    await fs?.stop();
  });

  it('advises a Knative retention period from the stored minutes of a bursty service', async () => {
    const body = encodeTraceRequestProtobuf({
      resourceSpans: [
        {
          resource: {
            attributes: [
              str('cloud.platform', 'knative'),
              str('k8s.namespace.name', 'shop'),
              str('k8s.cluster.name', 'c1'),
              str('kn.service.name', 'reports'),
              str('faas.name', 'reports'),
            ],
          },
          scopeSpans: [{ spans: burstySpans(Date.now()) }],
        },
      ],
    });
    const sent = await fetch(`${fs.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });
    expect(sent.status).toBe(200);
    await fs.flush();
    const run = await fetch(`${fs.apiUrl}/api/analyses/run`, { method: 'POST' });
    expect(run.status).toBeLessThan(300);

    const listing = (await (
      await fetch(`${fs.apiUrl}/api/recommendations?kind=keep-alive`)
    ).json()) as {
      recommendations: {
        functionId: string;
        recommended: Record<string, string>;
        reason: string;
        confidence: string;
      }[];
    };
    expect(listing.recommendations).toHaveLength(1);
    const [rec] = listing.recommendations;
    expect(rec.functionId).toBe('knative~shop~c1~reports');
    // Idle 115 minutes between bursts: keep to (115 + 1) × 1.1 = 127.6 → 128m.
    expect(rec.recommended['autoscaling.knative.dev/scale-to-zero-pod-retention-period']).toBe(
      '128m',
    );
    expect(rec.reason).toMatch(/1 cold starts instead of \d+/);
  });
});
