import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OtlpTraceRequest } from '../common/otlp-request.types';
import { isDecodeError } from '../common/otlp-request.types';
import { nanosToString } from '../common/otlp-values';
import { normaliseTraces } from '../traces/trace.normaliser';
import { decodeTracesJson, decodeTracesProtobuf } from './otlp-request.decoder';
import { encodeTraceRequestProtobuf } from './otlp-request.encoder';
import { TraceRequestMessage } from './otlp-proto';
import { WireSpan, readTraceRequest } from './trace-request.reader';

const example = (name: string) =>
  readFileSync(join(__dirname, '../__fixtures__/opentelemetry-proto-examples', name), 'utf8');

/** What the generated protobufjs decoder makes of the bytes (the reference). */
function generated(bytes: Uint8Array): OtlpTraceRequest {
  return TraceRequestMessage.decode(bytes);
}

function wire(bytes: Uint8Array): OtlpTraceRequest {
  const r = decodeTracesProtobuf(bytes);
  if (isDecodeError(r)) throw new Error(r.error);
  return r;
}

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random OTLP trace requests in protobufjs fromObject form, odd corners included on purpose. */
function randomRequest(rand: () => number): object {
  const int = (n: number) => Math.floor(rand() * n);
  const pickOf = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => rand() < p;
  const u32 = () => (rand() * 4294967296) | 0;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const id = (n: number) =>
    chance(0.85) ? bytes(n) : chance(0.5) ? Buffer.alloc(n) : bytes(pickOf([0, 1, n - 1, n + 1]));
  const bits = () =>
    pickOf([
      () => ({ low: 0, high: 0 }),
      () => ({ low: u32(), high: 0 }),
      () => ({ low: u32(), high: u32() }),
      () => ({ low: u32(), high: 0x17000000 + int(0x1000000) }), // 2021..2026 in nanoseconds
      () => ({ low: u32(), high: -1 }),
    ])();
  const strings = [
    '',
    'http',
    'POST',
    'checkout',
    'arn:aws:lambda:eu-west-1:123456789012:function:checkout:live',
    'arn:aws:lambda:us-east-1:210987654321:function:billing:7',
    'x'.repeat(65),
    'zürich ✓ 日本',
    '123456789012',
    '$LATEST',
  ];
  const keys = [
    'faas.invocation_id',
    'faas.coldstart',
    'faas.trigger',
    'faas.name',
    'cloud.resource_id',
    'cloud.account.id',
    'cloud.platform',
    'http.request.method',
    'error.type',
    'kn.service.name',
    '__proto__',
    '',
    'schlüssel',
  ];
  const anyValue = (depth: number): object => {
    switch (int(depth > 1 ? 7 : 9)) {
      case 0:
        return { stringValue: pickOf(strings) };
      case 1:
        return { boolValue: chance(0.5) };
      case 2:
        return { intValue: bits() };
      case 3:
        return { doubleValue: pickOf([0, -0, 1.5, -2e300, NaN, Infinity, rand()]) };
      case 4:
        return { bytesValue: bytes(int(5)) };
      case 5:
        return {};
      case 6:
        return { stringValue: `0f5c1b2e-0000-4000-8000-${u32()}` };
      case 7:
        return {
          arrayValue: { values: Array.from({ length: int(3) }, () => anyValue(depth + 1)) },
        };
      default:
        return { kvlistValue: { values: attributes(depth + 1, 3) } };
    }
  };
  const attributes = (depth: number, max: number): object[] =>
    Array.from({ length: int(max) }, () =>
      chance(0.05) ? { key: pickOf(keys) } : { key: pickOf(keys), value: anyValue(depth) },
    );
  // Spans of a batch mostly repeat their attributes at the same places (what the reader exploits).
  const usual = attributes(0, 12);
  const spanAttributes = (): object[] =>
    Array.from({ length: int(12) }, (_, k) =>
      k < usual.length && chance(0.8) ? usual[k] : (attributes(0, 2)[0] ?? { key: 'k' }),
    );
  const span = () => ({
    ...(chance(0.97) ? { traceId: id(16) } : {}),
    ...(chance(0.97) ? { spanId: id(8) } : {}),
    ...(chance(0.5) ? { parentSpanId: id(8) } : {}),
    ...(chance(0.2) ? { traceState: 'rojo=00f067aa0ba902b7' } : {}),
    name: pickOf(strings),
    kind: int(7),
    startTimeUnixNano: bits(),
    endTimeUnixNano: bits(),
    attributes: spanAttributes(),
    droppedAttributesCount: int(3),
    events: Array.from({ length: chance(0.2) ? int(3) : 0 }, () => ({
      timeUnixNano: bits(),
      name: pickOf(['exception', 'retry']),
      attributes: [{ key: 'exception.type', value: { stringValue: 'TypeError' } }],
    })),
    links: Array.from({ length: chance(0.2) ? int(3) : 0 }, () => ({
      traceId: id(16),
      spanId: id(8),
      attributes: attributes(0, 2),
      flags: int(512),
    })),
    ...(chance(0.7) ? { status: { code: int(4), message: chance(0.3) ? 'boom' : '' } } : {}),
    flags: int(1024),
  });
  const lambda = [
    { key: 'service.name', value: { stringValue: 'checkout' } },
    { key: 'cloud.provider', value: { stringValue: 'aws' } },
    { key: 'cloud.platform', value: { stringValue: 'aws_lambda' } },
    { key: 'cloud.region', value: { stringValue: 'eu-west-1' } },
    { key: 'cloud.account.id', value: { stringValue: '123456789012' } },
    { key: 'faas.name', value: { stringValue: 'checkout' } },
    { key: 'faas.max_memory', value: { intValue: { low: 536870912, high: 0 } } },
  ];
  return {
    resourceSpans: Array.from({ length: 1 + int(3) }, () => ({
      ...(chance(0.9) ? { resource: { attributes: chance(0.7) ? lambda : attributes(0, 5) } } : {}),
      scopeSpans: Array.from({ length: int(3) }, () => ({
        ...(chance(0.8) ? { scope: { name: 'lib', version: '1.0.0' } } : {}),
        spans: Array.from({ length: int(8) }, span),
        schemaUrl: chance(0.3) ? 'https://opentelemetry.io/schemas/1.26.0' : '',
      })),
    })),
  };
}

function encode(obj: object): Uint8Array {
  return TraceRequestMessage.encode(TraceRequestMessage.fromObject(obj)).finish();
}

describe(readTraceRequest.name, () => {
  it('gives the same rows as the generated decoder on the opentelemetry-proto trace example', () => {
    const json = decodeTracesJson(example('trace.json'));
    if (isDecodeError(json)) throw new Error(json.error);
    const bytes = encodeTraceRequestProtobuf(json);
    const rows = normaliseTraces(wire(bytes));
    expect(rows.spans).toHaveLength(1);
    expect(rows).toEqual(normaliseTraces(generated(bytes)));
  });

  it('gives the same rows, rejects and messages as the generated decoder on random requests', () => {
    const rand = prng(20250101);
    let spans = 0;
    let invocations = 0;
    for (let n = 0; n < 300; n++) {
      const bytes = encode(randomRequest(rand));
      const fromWire = normaliseTraces(wire(bytes));
      expect(fromWire).toEqual(normaliseTraces(generated(bytes)));
      spans += fromWire.spans.length + fromWire.rejected;
      invocations += fromWire.invocations.length;
    }
    expect(spans).toBeGreaterThan(1000);
    expect(invocations).toBeGreaterThan(100);
  });

  it('still exposes each span as an OtlpSpan, attributes decoded on demand', () => {
    const rand = prng(7);
    for (let n = 0; n < 30; n++) {
      const bytes = encode(randomRequest(rand));
      const a = wire(bytes).resourceSpans ?? [];
      const b = generated(bytes).resourceSpans ?? [];
      a.forEach((rs, r) =>
        (rs.scopeSpans ?? []).forEach((ss, s) =>
          (ss.spans ?? []).forEach((span, i) => {
            expect(span).toBeInstanceOf(WireSpan);
            const reference = b[r].scopeSpans?.[s].spans?.[i];
            expect(span.attributes).toEqual(reference?.attributes);
            expect(span.name).toBe(reference?.name);
            expect(span.startTimeUnixNano).toBe(nanosToString(reference?.startTimeUnixNano));
            expect(span.endTimeUnixNano).toBe(nanosToString(reference?.endTimeUnixNano));
          }),
        ),
      );
    }
  });

  it('reads attribute strings that are not valid UTF-8 as the generated decoder does', () => {
    // Span { name: "\xff\x61", attributes: [{ key: "k", value: { string_value: "\xc3" } }] }
    const span = [0x2a, 2, 0xff, 0x61, 0x4a, 8, 0x0a, 1, 0x6b, 0x12, 3, 0x0a, 1, 0xc3];
    const scopeSpans = [0x12, span.length, ...span];
    const resourceSpans = [0x12, scopeSpans.length, ...scopeSpans];
    const bytes = Buffer.from([0x0a, resourceSpans.length, ...resourceSpans]);
    const span0 = wire(bytes).resourceSpans?.[0].scopeSpans?.[0].spans?.[0] as WireSpan;
    const reference = generated(bytes).resourceSpans?.[0].scopeSpans?.[0].spans?.[0];
    expect(span0.name).toBe(reference?.name);
    expect(span0.flatAttributes).toEqual({ k: '\ufffd' });
  });

  it('skips unknown fields of every wire type, groups included', () => {
    // Span with: field 100 varint, field 101 fixed64, field 102 LEN, field 103 fixed32,
    // field 104 group holding a varint, then name "n" and a name sent as a varint (ignored).
    const span = [
      0xa0, 0x06, 0x96, 0x01, 0xa9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, 0xb2, 0x06, 2, 0xff, 0xff, 0xbd,
      0x06, 1, 2, 3, 4, 0xc3, 0x06, 0x08, 0x01, 0xc4, 0x06, 0x2a, 1, 0x6e, 0x28, 0x05,
    ];
    const scopeSpans = [0x12, span.length, ...span];
    const resourceSpans = [0x12, scopeSpans.length, ...scopeSpans];
    const bytes = Buffer.from([0x0a, resourceSpans.length, ...resourceSpans]);
    expect(wire(bytes).resourceSpans?.[0].scopeSpans?.[0].spans?.[0].name).toBe('n');
  });
});

describe(decodeTracesProtobuf.name, () => {
  it('answers every truncation of a request with an error result', () => {
    const rand = prng(99);
    let bytes: Uint8Array = new Uint8Array(0);
    while (bytes.length < 300) {
      const req = randomRequest(rand) as { resourceSpans: object[] };
      bytes = encode({ resourceSpans: req.resourceSpans.slice(0, 1) }); // one top-level field
    }
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeTracesProtobuf(bytes.subarray(0, cut))).toEqual({
        error: expect.stringMatching(/^invalid protobuf: /),
      });
    }
  });

  it.each([
    ['wire type 7', [0x0f]],
    ['wire type 6', [0x0e, 0]],
    ['field number 0', [0x02, 0]],
    ['a varint longer than 10 bytes', [0x08, ...Array<number>(10).fill(0xff), 0x01]],
    ['a length past the end', [0x0a, 0x05, 0x12, 0x00]],
    ['an end-group without a group', [0x0c]],
    ['a group closed by another field number', [0x0b, 0x14]],
  ])('answers %s with an error result', (_, body) => {
    expect(decodeTracesProtobuf(Buffer.from(body))).toEqual({
      error: expect.stringMatching(/^invalid protobuf: /),
    });
  });

  it('never throws on garbage or corrupted requests, and their rows never throw either', () => {
    const rand = prng(4242);
    const valid = encode(randomRequest(rand));
    for (let n = 0; n < 2000; n++) {
      let body: Uint8Array;
      if (n % 2 === 0) {
        body = Uint8Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256));
      } else {
        body = Uint8Array.from(valid);
        for (let k = 0; k < 3; k++) body[Math.floor(rand() * body.length)] ^= 1 << (n % 8);
      }
      const result = decodeTracesProtobuf(body);
      if (!isDecodeError(result)) expect(() => normaliseTraces(result)).not.toThrow();
    }
  });

  it('reads a Uint8Array that is not a Buffer, at an offset into its ArrayBuffer', () => {
    const bytes = encodeTraceRequestProtobuf({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '5b8efff798038103d269b633813fc60c',
                  spanId: 'eee19b7ec3c1b174',
                  startTimeUnixNano: '1544712660000000000',
                  endTimeUnixNano: '1544712661000000000',
                  name: 'x',
                },
              ],
            },
          ],
        },
      ],
    });
    const host = new Uint8Array(bytes.length + 10);
    host.set(bytes, 10);
    const rows = normaliseTraces(wire(new Uint8Array(host.buffer, 10, bytes.length)));
    expect(rows.spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      timeUnixNano: '1544712660000000000',
      durationNano: '1000000000',
    });
  });
});
