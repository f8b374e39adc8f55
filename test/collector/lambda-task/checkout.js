'use strict';
// A plain Node.js Lambda handler, kept as JavaScript and loaded the way the Lambda runtime loads
// it (LAMBDA_TASK_ROOT + _HANDLER=checkout.handler), so that
// @opentelemetry/instrumentation-aws-lambda patches it when it is required.

let invocationsInThisSandbox = 0;

exports.handler = async (event, context) => {
  invocationsInThisSandbox += 1;
  await new Promise((resolve) => setTimeout(resolve, 2));
  if (event.declined) throw new Error(`payment declined for ${event.orderId}`);
  return {
    statusCode: 200,
    body: JSON.stringify({
      orderId: event.orderId,
      requestId: context.awsRequestId,
      invocationsInThisSandbox,
    }),
  };
};
