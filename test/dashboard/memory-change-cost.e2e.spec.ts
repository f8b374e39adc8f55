import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { awslogs, dataMessage, post, reportLine } from '../platform/platform-ingest.helpers';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const NAME = 'resized-storage';
const ID = `aws_lambda~${ACCOUNT}~${REGION}~${NAME}`;
const DAY_MS = 86_400_000;
/** A whole UTC day two days ago: settled in the hour and day aggregates, inside every TTL. */
const DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
/** us-east-1 first-tier prices (docs/decisions.md "Billing rules"). */
const REQUEST_USD = 0.2e-6;
const X86_GB_SECOND_USD = 0.0000166667;
const EPHEMERAL_GB_SECOND_USD = 0.0000000309;

/**
 * A function resized from 128 MB to 1,024 MB in the middle of a day, with 10,240 MB of ephemeral
 * storage configured: one 1,000 ms invocation at each size, sent as REPORT lines.
 */
describe('GET /api/functions cost of a function resized within the range', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const sizes = [
      { memoryMb: 128, endMs: DAY + 9 * 3_600_000 },
      { memoryMb: 1024, endMs: DAY + 15 * 3_600_000 },
    ];
    const events = sizes.map((s, i) => ({
      timestamp: s.endMs,
      message: reportLine(`7e5a0000-0000-4000-8000-00000000000${i}`, {
        durationMs: 999.5,
        billedMs: 1000,
        memoryMb: s.memoryMb,
        maxUsedMb: 100,
      }),
    }));
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
      awslogs(dataMessage(ACCOUNT, NAME, '2026/01/01/[$LATEST]0123456789abcdef', events)),
    );
    expect(answer.status).toBe(200);
    const config = await post(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(ID)}/config`,
      { memoryMb: 1024, ephemeralStorageMb: 10_240, architecture: 'x86_64' },
      {},
      'PUT',
    );
    expect(config.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: ephemeral storage was billed for billed MB-ms ÷ the configured memory (1.125 s), not the 2 s billed; it is now billed for the seconds billed', async () => {
    const response = await fetch(
      `${fleetscope.apiUrl}/api/functions?from=${DAY}&to=${DAY + DAY_MS}`,
    );
    expect(response.status).toBe(200);
    const { functions } = (await response.json()) as {
      functions: { id: string; billedGbSeconds: number; costUsd: number | null }[];
    };
    const fn = functions.find((f) => f.id === ID);
    // By hand: 1 s at 0.125 GB + 1 s at 1 GB; 2 s of the 9.5 GB configured above the free 512 MB.
    expect(fn?.billedGbSeconds).toBeCloseTo(1.125, 12);
    const expected =
      2 * REQUEST_USD + 1.125 * X86_GB_SECOND_USD + 2 * 9.5 * EPHEMERAL_GB_SECOND_USD;
    expect(fn?.costUsd).toBeCloseTo(expected, 13);
  });
});
