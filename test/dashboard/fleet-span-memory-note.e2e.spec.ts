import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * Span time carries no memory size. Found by a review: a function with no size configured or
 * observed, whose REPORT lines carried 1,024 MB on one day and whose spans alone ran on another,
 * cost $3.400021 on the fleet page (the spans at 1,024 MB, the last size its records carried) and
 * $3.000020 in the weekly report (a day of spans alone unpriced, which the report says), and the
 * page said nothing of its assumption. It now says it.
 */
const HOUR_MS = 3_600_000;
const ID = 'aws_lambda~123456789012~us-east-1~mixed-sources';
const SIZED = 'aws_lambda~123456789012~us-east-1~sized';

interface Row {
  id: string;
  costUsd: number | null;
  costUsdNote: string | null;
}

describe('fleet page: span time without a memory size', () => {
  let fleetscope: RunningFleetscope;
  const fromMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 48 * HOUR_MS;
  const row = (functionId: string, hour: number, fields: Record<string, unknown>) => ({
    function_id: functionId,
    minute: Math.floor((fromMs + hour * HOUR_MS) / 1000),
    version: '',
    ...fields,
  });
  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const report = { source: 'lambda_log', memory_size_mb: 1024, invocations: 10 };
    const spans = { source: 'otel_span', memory_size_mb: 0, invocations: 10 };
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [
        row(ID, 1, { ...report, duration_sum_ms: 100_000, billed_duration_sum_ms: 100_000 }),
        row(ID, 30, { ...spans, duration_sum_ms: 20_000 }),
        row(SIZED, 1, { ...spans, duration_sum_ms: 20_000 }),
      ],
    });
    await fleetscope.flush();
    const put = await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(SIZED)}/config`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memoryMb: 2048, architecture: 'x86_64', runtime: 'nodejs22.x' }),
      },
    );
    expect(put.status).toBe(200);
  }, 120_000);
  afterAll(() => fleetscope?.stop());

  const page = async (): Promise<Map<string, Row>> => {
    const path = `/api/functions?from=${fromMs}&to=${fromMs + 48 * HOUR_MS}`;
    const body = (await (await fetch(`${fleetscope.apiUrl}${path}`)).json()) as {
      functions: Row[];
    };
    return new Map(body.functions.map((f) => [f.id, f]));
  };

  it('says the span time is priced at the last size its records carried', async () => {
    const fn = (await page()).get(ID)!;
    // 120 s at 1 GB and 20 requests, x86_64 (assumed, and said) in us-east-1.
    expect(fn.costUsd).toBeCloseTo(120 * 0.0000166667 + 20 * 0.2e-6, 9);
    expect(fn.costUsdNote).toContain(
      "20,000 ms of span time without a memory size priced at 1,024 MB, the last size this function's own records carried",
    );
  });

  it('says nothing of it where a size is configured', async () => {
    const fn = (await page()).get(SIZED)!;
    expect(fn.costUsd).toBeCloseTo(40 * 0.0000166667 + 10 * 0.2e-6, 9);
    expect(fn.costUsdNote ?? '').not.toContain('span time');
  });
});
