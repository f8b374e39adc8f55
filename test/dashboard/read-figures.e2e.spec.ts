import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { awslogs, dataMessage, post } from '../platform/platform-ingest.helpers';
import { withPage } from '../support/chromium-page';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A whole UTC day two days ago: settled in the hour and day aggregates, inside every TTL. */
const DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
/** A time of DAY (hours may pass 24: the next day). */
const at = (h: number, m: number, s = 10) => DAY + h * HOUR_MS + m * 60_000 + s * 1000;
const idOf = (name: string) => `aws_lambda~${ACCOUNT}~${REGION}~${name}`;

interface Invocation {
  /** The REPORT line's timestamp, the invocation's end; it starts durationMs before. */
  endMs: number;
  durationMs: number;
  memoryMb: number;
  maxUsedMb: number;
  initMs?: number;
  status?: 'timeout' | 'error';
  errorType?: string;
  /** SnapStart: Restore Duration and Billed Restore Duration. */
  restoreMs?: [number, number];
}

function reportMessage(requestId: string, inv: Invocation): string {
  const init =
    (inv.initMs === undefined ? '' : `Init Duration: ${inv.initMs.toFixed(2)} ms\t`) +
    (inv.restoreMs === undefined
      ? ''
      : `Restore Duration: ${inv.restoreMs[0].toFixed(2)} ms\tBilled Restore Duration: ${inv.restoreMs[1]} ms\t`);
  const status =
    (inv.status ? `Status: ${inv.status}\t` : '') +
    (inv.errorType ? `Error Type: ${inv.errorType}\t` : '');
  return (
    `REPORT RequestId: ${requestId}\tDuration: ${inv.durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${Math.ceil(inv.durationMs)} ms\tMemory Size: ${inv.memoryMb} MB\t` +
    `Max Memory Used: ${inv.maxUsedMb} MB\t${init}${status}`
  );
}

/** Delivers a function's REPORT lines as one CloudWatch Logs subscription payload. */
async function ingest(
  fleetscope: RunningFleetscope,
  name: string,
  logStream: string,
  invocations: Invocation[],
): Promise<void> {
  const events = invocations.map((inv, i) => ({
    id: `${inv.endMs}${i}`,
    timestamp: inv.endMs,
    message: reportMessage(
      `${name.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${String(i).padStart(12, '0')}`,
      inv,
    ),
  }));
  const answer = await post(
    `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
    awslogs(dataMessage(ACCOUNT, name, logStream, events)),
  );
  expect(answer.status).toBe(200);
}

interface Point {
  time: string;
  invocations: number;
  timeouts: number;
  coldStarts: number;
}

/**
 * What the read routes show equals what was sent, figure by figure, computed by hand from the
 * invocations ingested through the collector.
 */
describe('figures of the read routes against the invocations sent', () => {
  let fleetscope: RunningFleetscope;

  async function get<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${fleetscope.apiUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await ingest(fleetscope, 'step-edges', '2026/01/01/[1]abc', [
      { endMs: at(10, 20), durationMs: 100, memoryMb: 512, maxUsedMb: 100, initMs: 250 },
      { endMs: at(13, 10), durationMs: 100, memoryMb: 512, maxUsedMb: 100 },
      { endMs: at(13, 40), durationMs: 300, memoryMb: 512, maxUsedMb: 120 },
      { endMs: at(13, 41), durationMs: 50, memoryMb: 512, maxUsedMb: 90, status: 'timeout' },
    ]);
    await ingest(fleetscope, 'tiny-cost', '2026/01/01/[1]abc', [
      { endMs: at(11, 0), durationMs: 1, memoryMb: 128, maxUsedMb: 60 },
    ]);
    await ingest(fleetscope, 'oom-kill', '2026/01/01/[1]abc', [
      {
        endMs: at(12, 0),
        durationMs: 900,
        memoryMb: 128,
        maxUsedMb: 128,
        status: 'error',
        errorType: 'Runtime.OutOfMemory',
      },
      {
        endMs: at(12, 1),
        durationMs: 20,
        memoryMb: 128,
        maxUsedMb: 70,
        status: 'error',
        errorType: 'Runtime.Unknown',
      },
      { endMs: at(12, 2), durationMs: 20, memoryMb: 128, maxUsedMb: 70 },
    ]);
    // Restores starting 13:29:59.9, 13:30:59.9 and 13:31:59.9, a warm invocation at 13:39:59.9.
    const restored = [300, 400, 500].map((restore, i): Invocation => ({
      endMs: at(13, 30 + i, 0),
      durationMs: 100,
      memoryMb: 1024,
      maxUsedMb: 300,
      restoreMs: [restore, restore + 50],
    }));
    await ingest(fleetscope, 'snap-edges', '2026/01/01/[1]abc', [
      ...restored,
      { endMs: at(13, 40, 0), durationMs: 100, memoryMb: 1024, maxUsedMb: 300 },
    ]);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: a 90-minute step put the hour 13:00–14:00 in the point of 12:00; each invocation is now in the step that holds its start', async () => {
    const id = encodeURIComponent(idOf('step-edges'));
    const { status, body } = await get<{ points: Point[] }>(
      `/api/functions/${id}/timeseries?from=${DAY}&to=${DAY + DAY_MS}&step=90m`,
    );
    expect(status).toBe(200);
    // 10:19:50 in 09:00–10:30; 13:09:50 in 12:00–13:30; 13:39:50 and 13:40:50 in 13:30–15:00.
    expect(
      body.points
        .filter((p) => p.invocations > 0)
        .map((p) => ({
          time: p.time,
          invocations: p.invocations,
          timeouts: p.timeouts,
          coldStarts: p.coldStarts,
        })),
    ).toEqual([
      { time: new Date(at(9, 0, 0)).toISOString(), invocations: 1, timeouts: 0, coldStarts: 1 },
      { time: new Date(at(12, 0, 0)).toISOString(), invocations: 1, timeouts: 0, coldStarts: 0 },
      { time: new Date(at(13, 30, 0)).toISOString(), invocations: 2, timeouts: 1, coldStarts: 0 },
    ]);
  });

  it('defect: a function that cost $0.0000002 read costUsd 0 (rounded to 6 decimals); its cost is now what it was billed, unrounded', async () => {
    const range = `from=${DAY}&to=${DAY + DAY_MS}`;
    const { body } = await get<{ functions: { id: string; costUsd: number | null }[] }>(
      `/api/functions?${range}`,
    );
    const fn = body.functions.find((f) => f.id === idOf('tiny-cost'));
    // One request at $0.20 per million, 1 ms at 128 MB at $0.0000166667 per GB-second (x86_64,
    // us-east-1): the figures REPORT gives, priced by hand.
    const expected = 0.2e-6 + (128 / 1024) * 0.001 * 0.0000166667;
    expect(fn?.costUsd).toBeCloseTo(expected, 12);
  });

  it('defect: 1 ms billed at 128 MB read billedGbSeconds 0.0001 (rounded to four decimals); it is now 0.000125', async () => {
    const { body } = await get<{ functions: { id: string; billedGbSeconds: number }[] }>(
      `/api/functions?from=${DAY}&to=${DAY + DAY_MS}`,
    );
    const billed = (name: string) =>
      body.functions.find((f) => f.id === idOf(name))?.billedGbSeconds;
    expect(billed('tiny-cost')).toBeCloseTo((128 / 1024) * 0.001, 12);
    // 100 + 100 + 300 + 50 ms at 512 MB.
    expect(billed('step-edges')).toBeCloseTo(0.5 * 0.55, 12);
  });

  it('defect: the fleet page showed a cost of $0.0000002 as $0.00; sub-cent costs now keep two significant digits', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=7d`);
      const row = (name: string) =>
        page.locator(`#functions tbody tr[data-id="${idOf(name)}"] [data-col="costUsd"]`);
      // 0.2e-6 + 0.125 GB × 0.001 s × $0.0000166667 = $0.000000202. REPORT lines name no
      // architecture: the * marks the x86_64 price as assumed (fdc2375).
      expect(await row('tiny-cost').innerText()).toBe('$0.00000020*');
      // 4 requests and 550 ms at 512 MB: $0.0000008 + $0.00000458 = $0.0000053834.
      expect(await row('step-edges').innerText()).toBe('$0.0000054*');
    });
  }, 30_000);

  it('defect: the invocations of [from, to) took in those up to a second outside it; a range now lists only the invocations that start in it', async () => {
    const id = encodeURIComponent(idOf('step-edges'));
    const list = async (fromMs: number, toMs: number) => {
      const { status, body } = await get<{ invocations: { startTime: string }[] }>(
        `/api/functions/${id}/invocations?from=${fromMs}&to=${toMs}`,
      );
      expect(status).toBe(200);
      return body.invocations.map((i) => i.startTime);
    };
    // Started at 13:40:09.700 (300 ms before its REPORT) and 13:41:09.950.
    const third = at(13, 40, 9) + 700;
    const fourth = at(13, 41, 9) + 950;
    expect(await list(at(13, 30, 0), third)).toEqual([]);
    expect(await list(third, third + 1)).toEqual([new Date(third).toISOString()]);
    expect(await list(third + 1, at(13, 45, 0))).toEqual([new Date(fourth).toISOString()]);
  });

  it('defect: a step the range covers in part divided its busy time by the whole step; average concurrency is now over the part of the step in the range', async () => {
    const id = encodeURIComponent(idOf('step-edges'));
    const series = async (fromMs: number, toMs: number, step: string) => {
      const { status, body } = await get<{
        points: { time: string; averageConcurrency: number }[];
      }>(`/api/functions/${id}/timeseries?from=${fromMs}&to=${toMs}&step=${step}`);
      expect(status).toBe(200);
      return body.points.map((p) => [p.time, p.averageConcurrency]);
    };
    // 300 ms and 50 ms of work, both in 13:40–13:42: Little's law over the time looked at.
    expect(await series(at(13, 30, 0), at(13, 42, 0), '1h')).toEqual([
      [new Date(at(13, 0, 0)).toISOString(), 350 / (12 * 60_000)],
    ]);
    // A step the range holds whole is divided by the whole step.
    expect(await series(at(13, 0, 0), at(14, 0, 0), '10m')).toEqual([
      [new Date(at(13, 10, 0)).toISOString(), 100 / 600_000],
      [new Date(at(13, 40, 0)).toISOString(), 350 / 600_000],
    ]);
  });

  it('defect: the function page wrote 0.000125 billed GB-seconds as "0 GB-s"; small amounts now keep three significant digits', async () => {
    await withPage(async (page) => {
      const costCard = async (name: string) => {
        await page.goto(
          `${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(idOf(name))}&range=7d`,
        );
        const card = page.locator('#stats .stat', { has: page.locator('dt', { hasText: 'Cost' }) });
        return card.locator('small').innerText();
      };
      // The first line; the architecture note follows (REPORT lines name none).
      const figure = async (name: string) => (await costCard(name)).split('\n')[0];
      expect(await figure('tiny-cost')).toBe('0.000125 GB-s');
      expect(await figure('step-edges')).toBe('0.275 GB-s');
    });
  }, 30_000);

  it('defect: an invocation killed out of memory was counted neither an error nor a timeout; the fleet and the time series now count it among the errors', async () => {
    const range = `from=${DAY}&to=${DAY + DAY_MS}`;
    const { body } = await get<{
      functions: { id: string; invocations: number; errors: number; timeouts: number }[];
    }>(`/api/functions?${range}`);
    const fn = body.functions.find((f) => f.id === idOf('oom-kill'));
    // Lambda's Errors metric counts the runtime's errors, an out-of-memory kill among them.
    expect(fn).toMatchObject({ invocations: 3, errors: 2, timeouts: 0 });
    const series = await get<{ points: { invocations: number; errors: number }[] }>(
      `/api/functions/${encodeURIComponent(idOf('oom-kill'))}/timeseries?${range}&step=1h`,
    );
    expect(series.body.points.map((p) => [p.invocations, p.errors])).toEqual([[3, 2]]);
  });

  it('defect: an offset typed with a bare + (a space once decoded) was refused as not ISO-8601 without saying why; the message now names %2B', async () => {
    // A query string decodes + as a space: from=…T11:30:00+02:00 arrives as "…T11:30:00 02:00".
    const bare = await get<{ message: string }>(
      `/api/functions?from=2026-12-02T11:30:00+02:00&to=2026-12-02T12:30:00%2B02:00`,
    );
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/^from: .*%2B/);
    // The same instant in two zones reads the same range.
    const zoned = await get<{ from: string; to: string }>(
      `/api/functions?from=2026-12-02T11:30:00%2B02:00&to=2026-12-02T05:30:00-05:00`,
    );
    expect(zoned.body).toMatchObject({
      from: '2026-12-02T09:30:00.000Z',
      to: '2026-12-02T10:30:00.000Z',
    });
  });

  it('defect: from=…+25:00 was read as 25 hours east of UTC; offsets no time zone has (beyond ±14:00, 60 minutes or more) are refused with 400', async () => {
    for (const offset of ['%2B25:00', '-15:00', '%2B02:75']) {
      const answer = await get<{ message: string }>(
        `/api/functions?from=2026-12-02T11:30:00${offset}&to=2026-12-03T00:00:00Z`,
      );
      expect({ offset, status: answer.status }).toEqual({ offset, status: 400 });
      expect(answer.body.message).toMatch(/^from: expected ISO-8601/);
    }
  });

  it('defect: no page showed timeouts, so a function whose invocations timed out read "Errors 0"; the fleet table, the function page and its chart now show them', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=7d`);
      const cell = (name: string, col: string) =>
        page
          .locator(`#functions tbody tr[data-id="${idOf(name)}"] [data-col="${col}"]`)
          .innerText();
      // step-edges: 1 of its 4 invocations timed out.
      expect(await cell('step-edges', 'timeouts')).toBe('1 (25.0 %)');
      expect(await cell('tiny-cost', 'timeouts')).toBe('0');
      const stat = (label: string) =>
        page.locator('#stats .stat', {
          has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
        });
      expect(await stat('Timeouts').locator('dd').innerText()).toMatch(/^1\b/);

      await page.goto(
        `${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(idOf('step-edges'))}&range=7d`,
      );
      expect(await stat('Timeouts').locator('dd').innerText()).toBe('1\n25.0 %');
      // The chart is drawn after the stats: wait for it rather than read it once.
      const drawn = await page.waitForFunction(() => {
        const browserGlobals = globalThis as unknown as {
          document: { getElementById(id: string): unknown };
          Chart?: {
            getChart(
              canvas: unknown,
            ): { data: { datasets: { label: string; data: number[] }[] } } | undefined;
          };
        };
        const chart = browserGlobals.Chart?.getChart(
          browserGlobals.document.getElementById('chart-invocations'),
        );
        return chart
          ? (chart.data.datasets.find((d) => d.label === 'Timeouts')?.data ?? [])
          : false;
      });
      const timeouts = (await drawn.jsonValue()) as number[];
      expect(timeouts.reduce((a, b) => a + b, 0)).toBe(1);
    });
  }, 30_000);

  it('defect: a range starting within a minute counted no restore in it but gave restore percentiles from it; the restores and their durations now come from the same minutes', async () => {
    const snapStart = async (fromMs: number) => {
      const { status, body } = await get<{
        groups: {
          key: string;
          snapStart: { restores: number; restoreDurationMs: Record<string, number | null> };
        }[];
      }>(`/api/coldstarts?from=${fromMs}&to=${DAY + DAY_MS}&groupBy=function`);
      expect(status).toBe(200);
      return body.groups.find((g) => g.key === idOf('snap-edges'))?.snapStart;
    };
    // From 13:31:30 the aggregate reads the minutes from 13:32: the restore of 13:31:59.9 is not
    // among them, so nothing describes it.
    expect(await snapStart(at(13, 31, 30))).toMatchObject({
      restores: 0,
      restoreDurationMs: { mean: null, p50: null, p95: null, p99: null },
    });
    // From 13:31 it is counted, and its 500 ms describes it (within a bucket, 2^(1/8) ≈ 9 %).
    const one = await snapStart(at(13, 31, 0));
    expect(one?.restores).toBe(1);
    expect(one?.restoreDurationMs.mean).toBe(500);
    expect(one?.restoreDurationMs.p95).toBeGreaterThan(500 / 1.1);
    expect(one?.restoreDurationMs.p95).toBeLessThan(500 * 1.1);
  });

  it.each(['0x10', '1e2', ' 5', '5.0', '+5'])(
    'defect: limit=%s was read as a number (0x10 as 16); a limit that is not written as digits is refused with 400',
    async (limit) => {
      const { status, body } = await get<{ message: string }>(
        `/api/functions/${encodeURIComponent(idOf('step-edges'))}/invocations?limit=${encodeURIComponent(limit)}`,
      );
      expect(status).toBe(400);
      expect(body.message).toMatch(/^limit: expected an integer from 1 to 1000/);
    },
  );
});
