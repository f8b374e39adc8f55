import { synthesiseLambdaDemo, type LambdaDemoFunction } from './lambda-demo.synthesiser';

const FN: LambdaDemoFunction = {
  account: '123456789012',
  region: 'us-east-1',
  name: 'demo-slow',
  memoryMb: 1024,
  usedMb: 300,
  runtime: 'java21',
  initMs: 200,
  spans: false,
};

/** Every log line of the demo function's deliveries: 20 invocations a minute for an hour. */
function lines(fn: LambdaDemoFunction): string[] {
  const counts = new Uint32Array(60).fill(20);
  // Durations from 1 s to 60 s, uniformly: half of them beyond a 30 s timeout.
  const durations = [
    { p: 0, value: 1_000 },
    { p: 1, value: 60_000 },
  ];
  const out: string[] = [];
  for (const batch of synthesiseLambdaDemo(counts, durations, fn, {
    dayStartMs: Date.UTC(2026, 11, 1),
    seed: 7,
    capPerMinute: 100,
    reclaimMinutes: 10,
    eventsPerDelivery: 600,
  })) {
    for (const d of batch.deliveries) for (const e of d.message.logEvents) out.push(e.message);
  }
  return out;
}

const durationOf = (report: string) => Number(/Duration: ([\d.]+) ms/.exec(report)![1]);

describe(synthesiseLambdaDemo.name, () => {
  it('cuts a run at the timeout and logs it as Lambda does; no run outlasts its timeout', () => {
    // Found by a review: a demo function with a 900 ms timeout ran for up to 55 s with no timeout.
    const all = lines({ ...FN, timeoutMs: 30_000 });
    const reports = all.filter((l) => l.startsWith('REPORT'));
    const timedOut = all.filter((l) => / Task timed out after 30\.00 seconds\n$/.test(l));
    expect(reports).toHaveLength(1_200);
    expect(Math.max(...reports.map(durationOf))).toBe(30_000);
    expect(timedOut.length).toBeGreaterThan(400);
    expect(reports.filter((l) => l.includes('Status: timeout'))).toHaveLength(timedOut.length);
    for (const r of reports.filter((l) => l.includes('Status: timeout')))
      expect(durationOf(r)).toBe(30_000);
  });

  it('draws every duration as it is without a timeout', () => {
    const reports = lines(FN).filter((l) => l.startsWith('REPORT'));
    expect(Math.max(...reports.map(durationOf))).toBeGreaterThan(30_000);
    expect(reports.some((l) => l.includes('Status: timeout'))).toBe(false);
  });
});
