import { randomUUID } from 'node:crypto';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  awslogs,
  dataMessage,
  listFunctions,
  minuteAgo,
  post,
  reportLine,
} from './platform-ingest.helpers';

const ACCOUNT = '123456789012';
const REPORT = { durationMs: 21, billedMs: 21, memoryMb: 128, maxUsedMb: 40 };

/** One invocation's lines: START, what the function printed, END, REPORT (no Status: a function error has none). */
function invocation(t: number, printed: (id: string) => string[]): [number, string][] {
  const id = randomUUID();
  return [
    [t, `START RequestId: ${id} Version: $LATEST\n`],
    ...printed(id).map((line, i): [number, string] => [t + 10 + i, line]),
    [t + 20, `END RequestId: ${id}\n`],
    [t + 21, reportLine(id, REPORT)],
  ];
}

describe('POST /ingest/lambda/cloudwatch: unhandled errors of Python, Java, Go and Ruby', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function send(name: string, lines: [number, string][]): Promise<void> {
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`,
      awslogs(
        dataMessage(
          ACCOUNT,
          name,
          '2026/12/07/[$LATEST]abc123',
          lines.map(([timestamp, message]) => ({ timestamp, message })),
        ),
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ rejected: 0 });
  }

  it('defect: a Python function failing every invocation showed errors 0 in /api/functions; it shows 2 of 2, and its own logging.error none', async () => {
    const t = minuteAgo(10);
    // awslambdaric bootstrap.py log_error through the telemetry sink: one message, lines joined by \n.
    const unhandled = `[ERROR] KeyError: 'id'\nTraceback (most recent call last):\n\u00a0\u00a0File "/var/task/lambda_function.py", line 5, in lambda_handler\n\u00a0\u00a0\u00a0\u00a0return event['id']\n`;
    await send('py-unhandled', [
      ...invocation(t, (id) => [
        `[INFO]\t${new Date(t + 5).toISOString()}\t${id}\tprocessing\n`,
        unhandled,
      ]),
      ...invocation(t + 5_000, () => [unhandled]),
    ]);
    await send('py-logged', [
      ...invocation(t, (id) => [
        `[ERROR]\t${new Date(t + 5).toISOString()}\t${id}\tpayment declined\n`,
      ]),
    ]);
    // The error document Java's, Go's and Ruby's runtimes print (awsdocs *-exceptions.md).
    await send('java-unhandled', [
      ...invocation(t, () => [
        '{"errorMessage":"/ by zero","errorType":"java.lang.ArithmeticException","stackTrace":["example.HandlerDivide.handleRequest(HandlerDivide.java:28)"]}\n',
      ]),
      ...invocation(t + 5_000, () => []),
    ]);

    const functions = (await listFunctions(fleetscope, minuteAgo(30), Date.now() + 60_000))
      .map((f) => ({ name: f.name, invocations: f.invocations, errors: f.errors }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(functions).toEqual([
      { name: 'java-unhandled', invocations: 2, errors: 1 },
      { name: 'py-logged', invocations: 1, errors: 0 },
      { name: 'py-unhandled', invocations: 2, errors: 2 },
    ]);
  });
});
