'use strict';
// A stand-in for the AWS Lambda Node.js runtime, run as its own process (one execution
// environment): it sets up tracing as the OpenTelemetry Lambda layer does, lets
// @opentelemetry/instrumentation-aws-lambda patch the handler named by LAMBDA_TASK_ROOT and
// _HANDLER when it is required, invokes it INVOCATIONS times with Lambda-shaped contexts (the
// first one is the cold start) and force-flushes after each. The exporter is chosen and pointed
// at the collector by the standard OTEL_EXPORTER_OTLP_* variables the parent sets.
// DECLINED_INVOCATION names the invocation whose handler throws (an error invocation).
// Prints one JSON line: { requestIds, failedRequestIds, patched }.
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const { diag, DiagConsoleLogger, DiagLogLevel } = require('@opentelemetry/api');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { AwsLambdaInstrumentation } = require('@opentelemetry/instrumentation-aws-lambda');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');

function exporterFor(protocol) {
  if (protocol === 'grpc') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-grpc');
    return new OTLPTraceExporter();
  }
  if (protocol === 'http/protobuf') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
    return new OTLPTraceExporter();
  }
  throw new Error(`unsupported OTEL_EXPORTER_OTLP_PROTOCOL ${protocol}`);
}

async function main() {
  // Export failures go to stderr, which the test shows when it fails.
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
  const env = process.env;
  const invocations = Number(env.INVOCATIONS);
  const memoryMb = Number(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
  const account = env.TEST_AWS_ACCOUNT_ID;
  // What @opentelemetry/resource-detector-aws's Lambda detector reads from the environment, plus
  // the account id (semconv docs/faas/aws-lambda.md); faas.max_memory in bytes per the conventions.
  const resource = resourceFromAttributes({
    'service.name': env.AWS_LAMBDA_FUNCTION_NAME,
    'cloud.provider': 'aws',
    'cloud.platform': 'aws_lambda',
    'cloud.region': env.AWS_REGION,
    'cloud.account.id': account,
    'faas.name': env.AWS_LAMBDA_FUNCTION_NAME,
    'faas.version': env.AWS_LAMBDA_FUNCTION_VERSION,
    'faas.instance': env.AWS_LAMBDA_LOG_STREAM_NAME,
    'faas.max_memory': memoryMb * 1024 * 1024,
    'process.runtime.name': 'nodejs',
    'process.runtime.version': process.versions.node,
  });
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(exporterFor(env.OTEL_EXPORTER_OTLP_PROTOCOL))],
  });
  provider.register();
  registerInstrumentations({
    instrumentations: [new AwsLambdaInstrumentation()],
    tracerProvider: provider,
  });

  const [moduleName, exportName] = path.basename(env._HANDLER).split('.');
  const handler = require(path.resolve(env.LAMBDA_TASK_ROOT, moduleName))[exportName];
  const patched = handler.__wrapped === true;

  const invokedFunctionArn = env.TEST_INVOKED_FUNCTION_ARN;
  const declined = env.DECLINED_INVOCATION === undefined ? -1 : Number(env.DECLINED_INVOCATION);
  const requestIds = [];
  const failedRequestIds = [];
  for (let i = 0; i < invocations; i++) {
    const awsRequestId = randomUUID();
    const deadline = Date.now() + 30_000;
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn,
      memoryLimitInMB: String(memoryMb),
      awsRequestId,
      logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
      getRemainingTimeInMillis: () => deadline - Date.now(),
      done() {},
      fail() {},
      succeed() {},
    };
    try {
      const result = await handler({ orderId: `order-${i}`, declined: i === declined }, context);
      if (result.statusCode !== 200)
        throw new Error(`invocation ${i} answered ${result.statusCode}`);
    } catch (error) {
      if (i !== declined) throw error;
      failedRequestIds.push(awsRequestId);
    }
    await provider.forceFlush();
    requestIds.push(awsRequestId);
  }
  await provider.shutdown();
  process.stdout.write(`${JSON.stringify({ requestIds, failedRequestIds, patched })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
