'use strict';
// A stand-in for the AWS Lambda Node.js runtime, run as its own process (one execution
// environment): it sets up traces, logs and metrics as the OpenTelemetry Lambda layer does, lets
// @opentelemetry/instrumentation-aws-lambda patch the handler named by LAMBDA_TASK_ROOT and
// _HANDLER when it is required, invokes it INVOCATIONS times with Lambda-shaped contexts (the
// first one is the cold start) and force-flushes after each. The exporters are chosen and pointed
// at the collector by the standard OTEL_EXPORTER_OTLP_* variables the parent sets.
// DECLINED_INVOCATION names the invocation whose handler throws (an error invocation).
// Prints one JSON line: { requestIds, failedRequestIds, patched, exportFailures }.
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const {
  context,
  diag,
  DiagConsoleLogger,
  DiagLogLevel,
  logs,
  metrics,
  trace,
} = require('@opentelemetry/api');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { AwsLambdaInstrumentation } = require('@opentelemetry/instrumentation-aws-lambda');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { BatchLogRecordProcessor, LoggerProvider } = require('@opentelemetry/sdk-logs');
const { MeterProvider, PeriodicExportingMetricReader } = require('@opentelemetry/sdk-metrics');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const { BatchSpanProcessor, TracerProvider } = require('@opentelemetry/sdk-trace');

const EXPORTERS = {
  'http/protobuf': {
    traces: '@opentelemetry/exporter-trace-otlp-proto',
    logs: '@opentelemetry/exporter-logs-otlp-proto',
    metrics: '@opentelemetry/exporter-metrics-otlp-proto',
  },
  grpc: {
    traces: '@opentelemetry/exporter-trace-otlp-grpc',
    logs: '@opentelemetry/exporter-logs-otlp-grpc',
    metrics: '@opentelemetry/exporter-metrics-otlp-grpc',
  },
};

/** Exports that did not succeed: forceFlush resolves either way, so they are counted here. */
const exportFailures = [];

function exporterFor(protocol, signal) {
  const modules = EXPORTERS[protocol];
  if (!modules) throw new Error(`unsupported OTEL_EXPORTER_OTLP_PROTOCOL ${protocol}`);
  const className = {
    traces: 'OTLPTraceExporter',
    logs: 'OTLPLogExporter',
    metrics: 'OTLPMetricExporter',
  };
  const Exporter = require(modules[signal])[className[signal]];
  const exporter = new Exporter();
  const send = exporter.export.bind(exporter);
  exporter.export = (items, done) =>
    send(items, (result) => {
      // ExportResultCode.SUCCESS is 0.
      if (result.code !== 0) {
        exportFailures.push(`${signal}: ${result.error ? result.error.message : 'failed'}`);
      }
      done(result);
    });
  return exporter;
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
  const protocol = env.OTEL_EXPORTER_OTLP_PROTOCOL;
  // What NodeTracerProvider.register() did before SDK 3.x: a global provider and an async context.
  const provider = new TracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor({ exporter: exporterFor(protocol, 'traces') })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new BatchLogRecordProcessor({ exporter: exporterFor(protocol, 'logs') })],
  });
  logs.setGlobalLoggerProvider(loggerProvider);
  // Delta temporality via OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE; exported on flush.
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: exporterFor(protocol, 'metrics'),
        exportIntervalMillis: 60_000,
        // Longer than OTEL_EXPORTER_OTLP_TIMEOUT: the exporter's answer decides (exportFailures).
        exportTimeoutMillis: Number(env.OTEL_EXPORTER_OTLP_TIMEOUT) + 10_000,
      }),
    ],
  });
  metrics.setGlobalMeterProvider(meterProvider);
  registerInstrumentations({
    instrumentations: [new AwsLambdaInstrumentation()],
    tracerProvider: provider,
    meterProvider,
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
    await Promise.all([
      provider.forceFlush(),
      loggerProvider.forceFlush(),
      meterProvider.forceFlush(),
    ]);
    requestIds.push(awsRequestId);
  }
  await Promise.all([provider.shutdown(), loggerProvider.shutdown(), meterProvider.shutdown()]);
  process.stdout.write(
    `${JSON.stringify({ requestIds, failedRequestIds, patched, exportFailures })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
