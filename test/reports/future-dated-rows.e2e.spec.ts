import { WeeklyReportsService } from '@fleetscope/analysis-jobs';
import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, getJson, type RunningFleetscope } from '../support/fleetscope-app';
import { sendLambdaSpans, type SdkInvocation } from '../support/lambda-sdk-spans';

/**
 * Rows dated ahead of now, from senders whose clocks run ahead (admitted up to
 * FLEETSCOPE_INGEST_MAX_FUTURE_HOURS), must not change what the rows of now are priced at, nor be
 * counted by a report of the week in progress before its `through`.
 */
const MIN = 60_000;
const HOUR = 3_600_000;
// Whole minutes: the fleet page reads whole minutes.
const NOW = Math.floor(Date.now() / MIN) * MIN;

/** One 200 ms invocation a minute in [fromMs, toMs). */
const everyMinute = (fromMs: number, toMs: number): SdkInvocation[] =>
  Array.from({ length: Math.ceil((toMs - fromMs) / MIN) }, (_, i) => ({
    startMs: fromMs + i * MIN,
    durationMs: 200,
  }));

interface FleetFunction {
  name: string;
  architecture: string | null;
  invocations: number;
  costUsd: number | null;
}

describe('Future-dated rows', () => {
  let fleetscope: RunningFleetscope;
  /** Sends and waits until the invocations and the settings they report are stored. */
  const send = async (
    name: string,
    memoryMb: number,
    arch: 'amd64' | 'arm64',
    invocations: SdkInvocation[],
  ) => {
    await sendLambdaSpans(fleetscope.ingestUrl, name, memoryMb, arch, invocations);
    await fleetscope.flush();
  };
  const byName = <T extends { name: string }>(items: readonly T[], name: string) =>
    items.find((f) => f.name === name);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });
  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('prices the traffic after a future-dated settings change at the settings it reports once the clock passes that change', async () => {
    // drift: x86_64 1 GB now; one span of a sender 26 h ahead says arm64 2 GB; more x86_64 traffic
    // of now; then, 27-29 h ahead, x86_64 again (the same function once the clock gets there).
    await send('drift', 1024, 'amd64', everyMinute(NOW - 2 * HOUR, NOW - 30 * MIN));
    await send('drift', 2048, 'arm64', everyMinute(NOW + 26 * HOUR, NOW + 26 * HOUR + MIN));
    await send('drift', 1024, 'amd64', everyMinute(NOW - 20 * MIN, NOW));
    await send('drift', 1024, 'amd64', everyMinute(NOW + 27 * HOUR, NOW + 29 * HOUR));
    // ref: the same traffic 27-29 h ahead, with no arm64 row before it.
    await send('ref', 1024, 'amd64', everyMinute(NOW + 27 * HOUR, NOW + 29 * HOUR));

    const from = new Date(NOW + 27 * HOUR).toISOString();
    const to = new Date(NOW + 29 * HOUR).toISOString();
    const page = await getJson<{ functions: FleetFunction[] }>(
      fleetscope,
      `/api/functions?from=${from}&to=${to}`,
    );
    const drift = byName(page.functions, 'drift')!;
    const ref = byName(page.functions, 'ref')!;
    expect(drift.invocations).toBe(120);
    expect(drift.architecture).toBe('x86_64');
    expect(ref.costUsd).toBeGreaterThan(0);
    expect(drift.costUsd).toBeCloseTo(ref.costUsd!, 12);

    // The report of that week, once it has happened, lists and prices drift as x86_64 there: its
    // only arm64 compute is the one 200 ms span at 2 GB.
    const week = isoWeekOf(NOW + 28 * HOUR);
    const report = await fleetscope.app
      .get(WeeklyReportsService)
      .build(week.label, 'api', NOW + 30 * HOUR);
    const reported = byName(report.functions, 'drift')!;
    expect(reported.architecture).toBe('x86_64');
    const arm = reported.computeLines.filter((l) => l.architecture === 'arm64');
    expect(arm.reduce((sum, l) => sum + l.gbSeconds, 0)).toBeLessThanOrEqual(0.4 + 1e-9);
  });

  it("counts in a report of the week in progress only what happened up to its 'through'", async () => {
    const week = isoWeekOf(NOW);
    // Now, where the rows at now - 1 h and now + 2 h both fall in this week.
    const nowMs = Math.min(Math.max(NOW, week.fromMs + HOUR), week.toMs - 3 * HOUR);
    await send('steady', 1024, 'amd64', everyMinute(nowMs - HOUR, nowMs - HOUR + 30 * MIN));
    // A sender 2 h ahead.
    await send('steady', 1024, 'amd64', everyMinute(nowMs + 2 * HOUR, nowMs + 2 * HOUR + 20 * MIN));

    const report: WeeklyReport = await fleetscope.app
      .get(WeeklyReportsService)
      .build(week.label, 'api', nowMs);
    expect(report.complete).toBe(false);
    expect(report.through).toBe(new Date(nowMs).toISOString());
    const steady = byName(report.functions, 'steady')!;
    expect(steady.invocations).toBe(30);
    const usd = (n: number) => n * 0.2e-6 + n * 0.2 * 0.0000166667;
    expect(steady.costUsd).toBeCloseTo(usd(30), 9);

    // A week that has ended counts all of it, its last hours too.
    const past = previousIsoWeek(week);
    await send(
      'past',
      1024,
      'amd64',
      everyMinute(past.toMs - 2 * HOUR, past.toMs - 2 * HOUR + 10 * MIN),
    );
    const ended = await fleetscope.app.get(WeeklyReportsService).build(past.label, 'api', nowMs);
    expect(ended.complete).toBe(true);
    expect(byName(ended.functions, 'past')!.invocations).toBe(10);
  });
});
