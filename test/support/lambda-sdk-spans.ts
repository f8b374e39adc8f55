import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

export const SDK_ACCOUNT = '123456789012';
export const SDK_REGION = 'us-east-1';

export interface SdkInvocation {
  startMs: number;
  durationMs: number;
  /** `faas.coldstart` (default false). */
  coldStart?: boolean;
}

/**
 * Sends the invocations of a Lambda function (account SDK_ACCOUNT, region SDK_REGION) as SERVER
 * spans made by the OpenTelemetry SDK, its resource naming the memory (faas.max_memory) and the
 * architecture (host.arch), serialised by its OTLP protobuf serializer (the bytes its OTLP/HTTP
 * exporter sends; the exporter itself loads `http` with a dynamic import() that jest's VM refuses)
 * and POSTed to /v1/traces in batches of 500.
 */
export async function sendLambdaSpans(
  ingestUrl: string,
  name: string,
  memoryMb: number,
  hostArch: 'amd64' | 'arm64',
  invocations: readonly SdkInvocation[],
  /** More resource attributes (process.runtime.*, …). */
  resource: Record<string, string> = {},
): Promise<void> {
  const spans = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': name,
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'cloud.region': SDK_REGION,
      'cloud.account.id': SDK_ACCOUNT,
      'faas.name': name,
      'faas.version': '$LATEST',
      'faas.max_memory': memoryMb * 1024 * 1024,
      'host.arch': hostArch,
      ...resource,
    }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: spans })],
  });
  const tracer = provider.getTracer('@opentelemetry/instrumentation-aws-lambda');
  for (const inv of invocations) {
    const span = tracer.startSpan(name, {
      kind: SpanKind.SERVER,
      startTime: inv.startMs,
      attributes: {
        'faas.execution': randomUUID(),
        'faas.id': `arn:aws:lambda:${SDK_REGION}:${SDK_ACCOUNT}:function:${name}`,
        'faas.coldstart': inv.coldStart ?? false,
      },
    });
    span.end(inv.startMs + inv.durationMs);
  }
  await provider.forceFlush();
  const finished = spans.getFinishedSpans();
  for (let i = 0; i < finished.length; i += 500) {
    const body = ProtobufTraceSerializer.serializeRequest(finished.slice(i, i + 500))!;
    const response = await fetch(`${ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });
    expect(response.status).toBe(200);
  }
  await provider.shutdown();
}
