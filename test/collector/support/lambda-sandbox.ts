import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TASK_ROOT = join(__dirname, '..', 'lambda-task');

export interface LambdaFunctionSpec {
  account: string;
  region: string;
  name: string;
  /** The published version (AWS_LAMBDA_FUNCTION_VERSION). */
  version: string;
  /** The alias it is invoked through: the invoked ARN carries the alias, not the version. */
  alias: string;
  memoryMb: number;
}

export interface SandboxRun {
  requestIds: string[];
  /** The invocations whose handler threw. */
  failedRequestIds: string[];
  /** Whether the instrumentation's require hook had wrapped the handler. */
  patched: boolean;
}

/** How long one export may wait for the collector's answer, which comes once the rows are stored. */
const EXPORT_TIMEOUT_MS = 30_000;

export function invokedArn(spec: LambdaFunctionSpec): string {
  return `arn:aws:lambda:${spec.region}:${spec.account}:function:${spec.name}:${spec.alias}`;
}

/**
 * Runs one Lambda execution environment as a child process (lambda-task/bootstrap.js): the
 * environment the Lambda service sets, the handler checkout.handler instrumented by
 * @opentelemetry/instrumentation-aws-lambda, `invocations` invocations exporting traces, logs and
 * metrics to `endpoint` (the OTLP base URL) over `protocol`. A process of its own, because Lambda is one, because the instrumentation
 * patches the handler through Node's require hook (which jest's module loader bypasses), and
 * because the HTTP exporter loads `http` with a dynamic import() that jest's VM refuses.
 */
export async function runLambdaSandbox(
  spec: LambdaFunctionSpec,
  options: {
    protocol: 'http/protobuf' | 'grpc';
    endpoint: string;
    invocations: number;
    /** The invocation (0-based) whose handler throws. */
    declinedInvocation?: number;
    /** OTEL_EXPORTER_OTLP_COMPRESSION: what the exporters compress their requests with. */
    compression?: 'gzip' | 'none';
  },
): Promise<SandboxRun> {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const { stdout } = await run(process.execPath, [join(TASK_ROOT, 'bootstrap.js')], {
    cwd: TASK_ROOT,
    timeout: 4 * EXPORT_TIMEOUT_MS,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      LAMBDA_TASK_ROOT: TASK_ROOT,
      _HANDLER: 'checkout.handler',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_REGION: spec.region,
      AWS_LAMBDA_FUNCTION_NAME: spec.name,
      AWS_LAMBDA_FUNCTION_VERSION: spec.version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[${spec.version}]${randomUUID().replace(/-/g, '')}`,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      OTEL_EXPORTER_OTLP_PROTOCOL: options.protocol,
      OTEL_EXPORTER_OTLP_ENDPOINT: options.endpoint,
      OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'delta',
      ...(options.compression === undefined
        ? {}
        : { OTEL_EXPORTER_OTLP_COMPRESSION: options.compression }),
      TEST_AWS_ACCOUNT_ID: spec.account,
      TEST_INVOKED_FUNCTION_ARN: invokedArn(spec),
      INVOCATIONS: String(options.invocations),
      ...(options.declinedInvocation === undefined
        ? {}
        : { DECLINED_INVOCATION: String(options.declinedInvocation) }),
      // An acknowledgement means stored, and a loaded machine can take seconds to store: a short
      // deadline made the exporter give up while the rows were still on their way (a flaky test).
      OTEL_EXPORTER_OTLP_TIMEOUT: String(EXPORT_TIMEOUT_MS),
      // The processors' own deadlines are longer, so a slow export ends in the exporter's answer
      // (counted in exportFailures), never in a processor giving up on it silently.
      OTEL_BSP_EXPORT_TIMEOUT: String(EXPORT_TIMEOUT_MS + 10_000),
      OTEL_BLRP_EXPORT_TIMEOUT: String(EXPORT_TIMEOUT_MS + 10_000),
    },
  });
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as SandboxRun & {
    exportFailures: string[];
  };
  // An export that failed means data that may or may not be stored: never let a test read on.
  if (result.exportFailures.length > 0) {
    throw new Error(
      `${result.exportFailures.length} export(s) failed: ${result.exportFailures.join('; ')}`,
    );
  }
  return result;
}
