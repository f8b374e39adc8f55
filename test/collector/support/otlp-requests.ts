import { randomBytes, randomUUID } from 'node:crypto';
import type { OtlpTraceRequest } from '@fleetscope/otlp';

export interface ServerSpanInput {
  traceId?: string;
  spanId?: string;
  requestId?: string;
  /** Start, in ms since the epoch; now by default. */
  startMs?: number;
  durationMs?: number;
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/**
 * An OTLP/JSON ExportTraceServiceRequest as instrumentation-aws-lambda sends it: one SERVER span
 * per invocation with faas.execution (the request id) and faas.id (the invoked ARN), under a
 * resource with the AWS Lambda attributes.
 */
export function lambdaTraceRequest(
  functionName: string,
  spans: ServerSpanInput[],
  account = '123456789012',
  region = 'eu-west-1',
): OtlpTraceRequest {
  const arn = `arn:aws:lambda:${region}:${account}:function:${functionName}`;
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('service.name', functionName),
            str('cloud.provider', 'aws'),
            str('cloud.platform', 'aws_lambda'),
            str('cloud.region', region),
            str('cloud.account.id', account),
            str('faas.name', functionName),
            str('faas.version', '$LATEST'),
            { key: 'faas.max_memory', value: { intValue: String(256 * 1024 * 1024) } },
          ],
        },
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-aws-lambda', version: '0.76.0' },
            spans: spans.map((s) => {
              const startMs = s.startMs ?? Date.now();
              const start = BigInt(startMs) * 1_000_000n;
              const end = start + BigInt(Math.round((s.durationMs ?? 12) * 1_000_000));
              return {
                traceId: s.traceId ?? randomBytes(16).toString('hex'),
                spanId: s.spanId ?? randomBytes(8).toString('hex'),
                name: functionName,
                kind: 2,
                startTimeUnixNano: String(start),
                endTimeUnixNano: String(end),
                attributes: [
                  str('faas.execution', s.requestId ?? randomUUID()),
                  str('faas.id', arn),
                  str('cloud.account.id', account),
                  { key: 'faas.coldstart', value: { boolValue: false } },
                ],
              };
            }),
          },
        ],
      },
    ],
  };
}
