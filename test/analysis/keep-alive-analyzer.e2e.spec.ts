import { randomBytes } from 'node:crypto';
import { encodeTraceRequestProtobuf, type OtlpSpan } from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

jest.setTimeout(120_000);

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** Spans at second 1 of each minute where `busy(minuteIndex)` holds, over the last 2 days. */
function spansOver(nowMs: number, busy: (minute: number) => boolean): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  const start = Math.floor(nowMs / 3_600_000) * 3_600_000 - 2 * 86_400_000;
  for (let m = 0; start + m * 60_000 < nowMs - 10 * 60_000; m++) {
    if (!busy(m)) continue;
    const t = start + m * 60_000 + 1_000;
    spans.push({
      traceId: randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      name: 'GET /',
      kind: 2,
      startTimeUnixNano: `${t}000000`,
      endTimeUnixNano: `${t + 40}000000`,
    });
  }
  return spans;
}

function knativeBody(service: string, spans: OtlpSpan[]): Uint8Array {
  return encodeTraceRequestProtobuf({
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('cloud.platform', 'knative'),
            str('k8s.namespace.name', 'shop'),
            str('k8s.cluster.name', 'c1'),
            str('kn.service.name', service),
            str('faas.name', service),
          ],
        },
        scopeSpans: [{ spans }],
      },
    ],
  });
}

describe('KeepAliveAnalyzer in the scheduled analyses', () => {
  let fs: RunningFleetscope;

  beforeAll(async () => {
    // Two days of data: the window and the evidence gate are configured down from Compute
    // Optimizer's 14 days.
    fs = await startFleetscope({
      FLEETSCOPE_ANALYSIS_WINDOW_DAYS: '2',
      FLEETSCOPE_RECOMMENDATION_MIN_DAYS: '2',
    });
  });

  afterAll(async () => {
    await fs?.stop();
  });

  it('advises a material retention period through the evidence and materiality gates, and says why not for an immaterial one', async () => {
    const now = Date.now();
    // "ingest" is busy 110 minutes and idle 9; "reports" runs 5-minute bursts every 2 hours.
    for (const body of [
      knativeBody(
        'ingest',
        spansOver(now, (m) => m % 119 < 110),
      ),
      knativeBody(
        'reports',
        spansOver(now, (m) => m % 120 < 5),
      ),
    ]) {
      const sent = await fetch(`${fs.ingestUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body,
      });
      expect(sent.status).toBe(200);
    }
    await fs.flush();
    for (const name of ['ingest', 'reports']) {
      const put = await fetch(
        `${fs.apiUrl}/api/functions/${encodeURIComponent(`knative~shop~c1~${name}`)}/config`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ podCpu: 2, podMemoryMb: 4096 }),
        },
      );
      expect(put.status).toBeLessThan(300);
    }
    const run = await fetch(`${fs.apiUrl}/api/analyses/run`, { method: 'POST' });
    expect(run.status).toBeLessThan(300);

    const listing = (await (
      await fetch(`${fs.apiUrl}/api/recommendations?kind=keep-alive&explain=1`)
    ).json()) as {
      recommendations: {
        functionId: string;
        recommended: Record<string, string>;
        confidence: string;
        savingUsd: { lowUsd: number; highUsd: number };
        basis: { windowDays: number; invocations: number };
      }[];
      whyNot: { functionId: string; code: string; detail: string }[];
    };
    expect(listing.recommendations.map((r) => r.functionId)).toEqual(['knative~shop~c1~ingest']);
    const [rec] = listing.recommendations;
    // Its 99th-percentile idle time is under a minute: keep 1.1 minutes → 2m, not 10.
    expect(rec.recommended).toEqual({
      'autoscaling.knative.dev/scale-to-zero-pod-retention-period': '2m',
    });
    expect(rec.savingUsd.lowUsd).toBeGreaterThanOrEqual(1);
    expect(rec.savingUsd.lowUsd).toBeLessThanOrEqual(rec.savingUsd.highUsd);
    expect(rec.basis.invocations).toBeGreaterThan(2000);
    // The bursty service's idle times call for 128 minutes, beyond the hour Knative allows; the
    // 60 minutes it allows cover none of its 115-minute gaps.
    expect(listing.whyNot).toContainEqual(
      expect.objectContaining({
        functionId: 'knative~shop~c1~reports',
        code: 'already-right',
        detail: expect.stringMatching(/call for 128m; Knative retains a pod at most 60m/),
      }),
    );
  });
});
