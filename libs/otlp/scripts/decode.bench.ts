/**
 * Decode + normalise throughput for OTLP/protobuf trace requests of 512 FaaS server spans, each
 * with ~10 attributes under a Lambda resource (what the Lambda layer sends).
 * Run: node -r @swc-node/register libs/otlp/scripts/decode.bench.ts
 *
 * Prints spans per wall-clock second and per CPU-second of this process: on a shared machine the
 * wall figure drops with the other load, the CPU one much less.
 */
import {
  decodeTracesJson,
  decodeTracesProtobuf,
  encodeTraceRequestProtobuf,
  isDecodeError,
  normaliseTraces,
} from '../src';
import type { OtlpTraceRequest } from '../src';
import { TraceRequestMessage } from '../src/codec/otlp-proto';

const SPANS = 512;

function hex(n: number, len: number): string {
  return n.toString(16).padStart(len, '0');
}

function request(batch: number): OtlpTraceRequest {
  const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
  const start = 1_760_000_000_000_000_000n + BigInt(batch) * 1_000_000_000n;
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('service.name', 'checkout'),
            str('cloud.provider', 'aws'),
            str('cloud.platform', 'aws_lambda'),
            str('cloud.region', 'eu-west-1'),
            str('faas.name', 'checkout'),
            str('faas.version', '$LATEST'),
            str('faas.instance', '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef'),
            { key: 'faas.max_memory', value: { intValue: '536870912' } },
            str('telemetry.sdk.language', 'nodejs'),
            str('process.runtime.name', 'nodejs'),
          ],
        },
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-aws-lambda', version: '0.50.0' },
            spans: Array.from({ length: SPANS }, (_, i) => ({
              traceId: hex(batch, 16) + hex(i + 1, 16),
              spanId: hex(i + 1, 16),
              name: 'checkout',
              kind: 2,
              startTimeUnixNano: String(start + BigInt(i) * 1_000_000n),
              endTimeUnixNano: String(start + BigInt(i) * 1_000_000n + 123_456_789n),
              attributes: [
                str('faas.invocation_id', `0f5c1b2e-0000-4000-8000-${hex(i, 12)}`),
                str(
                  'cloud.resource_id',
                  'arn:aws:lambda:eu-west-1:123456789012:function:checkout:live',
                ),
                str('cloud.account.id', '123456789012'),
                { key: 'faas.coldstart', value: { boolValue: i === 0 } },
                str('faas.trigger', 'http'),
                str('http.request.method', 'POST'),
                str('url.path', '/orders'),
                { key: 'http.response.status_code', value: { intValue: '200' } },
                str('user_agent.original', 'Mozilla/5.0'),
                str('network.protocol.version', '1.1'),
              ],
              status: { code: 0 },
            })),
          },
        ],
      },
    ],
  };
}

function run(
  label: string,
  bodies: (Uint8Array | string)[],
  decode: (b: never) => unknown,
  seconds: number,
): void {
  let spans = 0;
  let i = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const deadline = t0 + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    const req = decode(bodies[i++ % bodies.length] as never) as OtlpTraceRequest;
    if (isDecodeError(req)) throw new Error(req.error);
    const out = normaliseTraces(req);
    if (out.invocations.length !== SPANS) throw new Error('expected one invocation per span');
    spans += out.spans.length;
  }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `${label}: ${perSecond(spans, elapsed)} spans/s (${SPANS}-span batches, one core; ` +
      `${perSecond(spans, cpuSeconds(cpu0))} per CPU-second)`,
  );
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function perSecond(n: number, seconds: number): string {
  return Math.round(n / seconds).toLocaleString('en-US');
}

const requests = Array.from({ length: 16 }, (_, b) => request(b));
const protobuf = requests.map((r) => encodeTraceRequestProtobuf(r));
const json = requests.map((r) => JSON.stringify(r));
console.log(`protobuf batch: ${protobuf[0].length} bytes; JSON batch: ${json[0].length} bytes`);
run('warm-up', protobuf, decodeTracesProtobuf, 1);
run('OTLP/protobuf decode + normalise', protobuf, decodeTracesProtobuf, 3);
run('OTLP/JSON decode + normalise', json, decodeTracesJson, 3);

// Breakdown of the protobuf path.
const decoded = protobuf.map((b) => decodeTracesProtobuf(b) as OtlpTraceRequest);
const timeOnly = (label: string, f: (i: number) => void) => {
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  while (process.hrtime.bigint() - t0 < 2_000_000_000n) f(n++);
  const spans = n * SPANS;
  console.log(
    `${label}: ${perSecond(spans, 2)} spans/s (${perSecond(spans, cpuSeconds(cpu0))} per CPU-second)`,
  );
};
// The wire reader flattens attributes while decoding, so most of the work is in "decode" now; the
// last line is the normaliser's general path (OTLP/JSON shapes, here from protobufjs objects).
const generated = protobuf.map((b) => TraceRequestMessage.decode(b) as OtlpTraceRequest);
timeOnly('  protobuf decode only', (i) => decodeTracesProtobuf(protobuf[i % protobuf.length]));
timeOnly('  normalise only (wire spans)', (i) => normaliseTraces(decoded[i % decoded.length]));
timeOnly('  normalise only (plain objects)', (i) =>
  normaliseTraces(generated[i % generated.length]),
);
