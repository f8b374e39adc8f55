'use strict';
// A plain Node.js Lambda handler, kept as JavaScript and loaded the way the Lambda runtime loads
// it (LAMBDA_TASK_ROOT + _HANDLER=checkout.handler), so that
// @opentelemetry/instrumentation-aws-lambda patches it when it is required. It logs and records
// a metric through the OpenTelemetry APIs, as an instrumented function's own code would.
const { logs, metrics, SeverityNumber } = require('@opentelemetry/api');

const logger = logs.getLogger('checkout');
// semconv docs/faas/faas-metrics.md: faas.invoke_duration, a histogram in seconds.
const invokeDuration = metrics
  .getMeter('checkout')
  .createHistogram('faas.invoke_duration', { unit: 's', description: 'Invocation duration' });

let invocationsInThisSandbox = 0;

exports.handler = async (event, context) => {
  const started = process.hrtime.bigint();
  invocationsInThisSandbox += 1;
  logger.emit({
    severityNumber: SeverityNumber.INFO,
    severityText: 'INFO',
    body: `checking out ${event.orderId}`,
    attributes: { 'faas.invocation_id': context.awsRequestId },
  });
  await new Promise((resolve) => setTimeout(resolve, 2));
  try {
    if (event.declined) throw new Error(`payment declined for ${event.orderId}`);
    return {
      statusCode: 200,
      body: JSON.stringify({
        orderId: event.orderId,
        requestId: context.awsRequestId,
        invocationsInThisSandbox,
      }),
    };
  } finally {
    invokeDuration.record(Number(process.hrtime.bigint() - started) / 1e9, {
      'faas.trigger': 'other',
    });
  }
};
