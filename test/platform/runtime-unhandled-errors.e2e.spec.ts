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
    // The Java runtime client's unhandled exception (UserFault.reportableError): `<message>: <class>`
    // and the stack trace, which starts with `<class>: <message>`.
    await send('java-unhandled', [
      ...invocation(t, () => [
        'boom: java.lang.RuntimeException\njava.lang.RuntimeException: boom\n\tat example.Handler.handleRequest(Handler.java:12)\n\n',
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

  it("defect: errors a function caught and logged itself counted as its failures (1 each); they count 0, the runtimes' own reports still count", async () => {
    const t = minuteAgo(10);
    // Python, Lambda's handler kept with Formatter('[%(levelname)s] %(message)s'), logger.exception
    // in an except that recovers: its traceback is indented with spaces and ends with the exception.
    await send('py-custom-format', [
      ...invocation(t, () => [
        '[ERROR] Charge for order 42 declined, retrying with backup card\nTraceback (most recent call last):\n  File "/var/task/app.py", line 9, in charge\n    gateway.charge(card)\ngateway.Declined: card declined\n',
      ]),
      ...invocation(t + 5_000, () => ['[INFO] charged order 43\n']),
    ]);
    // A Python caller printing the error payload of a Node function it invoked.
    await send('py-orchestrator', [
      ...invocation(t, () => [
        '{"errorType":"Error","errorMessage":"inventory service unavailable","trace":["Error: inventory service unavailable","    at Runtime.handler (/var/task/index.js:3:9)"]}\n',
        'fallback: using cached inventory\n',
      ]),
    ]);
    // Go: log.Printf of a downstream service's error body.
    await send('go-caller', [
      ...invocation(t, () => [
        '2026/12/07 07:48:49 {"errorType":"ThrottlingException","errorMessage":"Rate exceeded"}\n',
      ]),
    ]);
    // Java with log4j2 and AWS's documented pattern, logger.error("Skipping record 7: " + e, e) for
    // a NoSuchElementException without a message.
    await send('java-log4j', [
      ...invocation(t, (id) => [
        `2026-12-07 07:48:49 ${id} ERROR Handler - Skipping record 7: java.util.NoSuchElementException\njava.util.NoSuchElementException\n\tat java.base/java.util.ArrayList$Itr.next(ArrayList.java:970)\n\tat example.Handler.handleRequest(Handler.java:20)\n`,
      ]),
    ]);
    // The runtimes' own: aws-lambda-go reportFailure through the standard logger, a panic with its
    // frames; Ruby's LambdaLogger.log_error.
    await send('go-unhandled', [
      ...invocation(t, () => [
        '2026/12/07 07:48:49 {"errorMessage":"something went wrong!","errorType":"errorString"}\n',
      ]),
      ...invocation(t + 5_000, () => [
        '2026/12/07 07:48:54 {"errorMessage":"runtime error: index out of range [3] with length 0","errorType":"boundsError","stackTrace":[{"path":"github.com/aws/aws-lambda-go@v1.47.0/lambda/errors.go","line":39,"label":"lambdaPanicResponse"}]}\n',
      ]),
    ]);
    await send('ruby-unhandled', [
      ...invocation(t, () => [
        'Error raised from handler method\n',
        '{\n  "errorMessage": "no implicit conversion of String into Integer",\n  "errorType": "Function<TypeError>",\n  "stackTrace": [\n    "/var/task/function.rb:3:in `first\'"\n  ]\n}\n',
      ]),
    ]);

    const functions = (await listFunctions(fleetscope, minuteAgo(30), Date.now() + 60_000))
      .map((f) => ({ name: f.name, invocations: f.invocations, errors: f.errors }))
      .filter((f) => !['java-unhandled', 'py-logged', 'py-unhandled'].includes(f.name))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(functions).toEqual([
      { name: 'go-caller', invocations: 1, errors: 0 },
      { name: 'go-unhandled', invocations: 2, errors: 2 },
      { name: 'java-log4j', invocations: 1, errors: 0 },
      { name: 'py-custom-format', invocations: 2, errors: 0 },
      { name: 'py-orchestrator', invocations: 1, errors: 0 },
      { name: 'ruby-unhandled', invocations: 1, errors: 1 },
    ]);
  });
});
