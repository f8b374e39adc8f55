import { functionId } from '@fleetscope/model';
import type { OtlpKeyValue, OtlpSpan, OtlpTraceRequest } from '../common/otlp-request.types';
import { isDecodeError } from '../common/otlp-request.types';
import { decodeTracesProtobuf } from '../codec/otlp-request.decoder';
import { encodeTraceRequestProtobuf } from '../codec/otlp-request.encoder';
import { LambdaAccounts } from '../faas/lambda-accounts';
import { normaliseTraces, sampledProbability } from './trace.normaliser';

// Built from the FaaS conventions (semconv docs/faas/*, aws-lambda.md) and what docs/decisions.md
// "OpenTelemetry FaaS quirks" records the Lambda instrumentation emits; no public OTLP capture exists.
const s = (key: string, v: string): OtlpKeyValue => ({ key, value: { stringValue: v } });
const b = (key: string, v: boolean): OtlpKeyValue => ({ key, value: { boolValue: v } });
const i = (key: string, v: string | number): OtlpKeyValue => ({ key, value: { intValue: v } });

const lambdaResource: OtlpKeyValue[] = [
  s('service.name', 'checkout'),
  s('cloud.provider', 'aws'),
  s('cloud.platform', 'aws_lambda'),
  s('cloud.region', 'eu-west-1'),
  s('faas.name', 'checkout'),
  s('faas.version', '$LATEST'),
  s('faas.instance', '2021/06/28/[$LATEST]2f399eb14537447da05ab2a2e39309de'),
  i('faas.max_memory', '536870912'),
  s('process.runtime.name', 'nodejs'),
  s('process.runtime.version', '20.11.1'),
  s('host.arch', 'amd64'),
];

function serverSpan(overrides: Partial<OtlpSpan> = {}, attributes: OtlpKeyValue[] = []): OtlpSpan {
  return {
    traceId: '0AF7651916CD43DD8448EB211C80319C',
    spanId: 'B7AD6B7169203331',
    name: 'checkout',
    kind: 2,
    startTimeUnixNano: '1718000000123456789',
    endTimeUnixNano: '1718000000248456789',
    attributes: [
      s('faas.invocation_id', 'af9c3fd4-0d4c-4a3e-9b1f-7d2f3b2a1c00'),
      s('cloud.resource_id', 'arn:aws:lambda:eu-west-1:123456789012:function:checkout'),
      s('cloud.account.id', '123456789012'),
      b('faas.coldstart', true),
      s('faas.trigger', 'http'),
      ...attributes,
    ],
    ...overrides,
  };
}

function request(
  spans: OtlpSpan[],
  resource: OtlpKeyValue[] | null = lambdaResource,
): OtlpTraceRequest {
  return {
    resourceSpans: [
      {
        ...(resource === null ? {} : { resource: { attributes: resource } }),
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-aws-lambda', version: '0.62.0' },
            spans,
          },
        ],
      },
    ],
  };
}

const checkoutId = functionId({
  platform: 'aws_lambda',
  account: '123456789012',
  region: 'eu-west-1',
  name: 'checkout',
});

describe(normaliseTraces.name, () => {
  it('turns a FaaS server span into a span row and an invocation record with every field set', () => {
    const out = normaliseTraces(request([serverSpan()]));
    expect(out.rejected).toBe(0);
    expect(out.spans).toHaveLength(1);
    expect(out.spans[0].functionId).toBe(checkoutId);
    expect(out.invocations).toEqual([
      {
        source: 'otel_span',
        functionId: checkoutId,
        platform: 'aws_lambda',
        account: '123456789012',
        region: 'eu-west-1',
        name: 'checkout',
        version: '$LATEST',
        requestId: 'af9c3fd4-0d4c-4a3e-9b1f-7d2f3b2a1c00',
        startTimeMs: 1718000000123,
        durationMs: 125,
        billedDurationMs: null,
        initDurationMs: null,
        restoreDurationMs: null,
        billedRestoreDurationMs: null,
        memorySizeMb: 512,
        maxMemoryUsedMb: null,
        coldStart: true,
        initType: '',
        status: 'success',
        errorType: '',
        trigger: 'http',
        instance: '2021/06/28/[$LATEST]2f399eb14537447da05ab2a2e39309de',
        traceId: '0af7651916cd43dd8448eb211c80319c',
        runtime: 'nodejs 20.11.1',
        architecture: 'x86_64',
      },
    ]);
  });

  it('produces the same rows from the protobuf encoding of the request', () => {
    const req = request([serverSpan({ status: { code: 2, message: 'boom' } })]);
    const decoded = decodeTracesProtobuf(encodeTraceRequestProtobuf(req));
    if (isDecodeError(decoded)) throw new Error(decoded.error);
    expect(normaliseTraces(decoded)).toEqual(normaliseTraces(req));
  });

  it('takes the version from a numeric ARN qualifier and ignores an alias', () => {
    const versioned = normaliseTraces(
      request([
        serverSpan({}, [
          s('aws.lambda.invoked_arn', 'arn:aws:lambda:eu-west-1:123456789012:function:checkout:42'),
        ]),
      ]),
    );
    expect(versioned.invocations[0].version).toBe('42');
    const aliased = normaliseTraces(
      request([
        serverSpan({
          attributes: [
            s('cloud.resource_id', 'arn:aws:lambda:eu-west-1:123456789012:function:checkout:live'),
          ],
        }),
      ]),
    );
    expect(aliased.invocations[0]).toMatchObject({
      version: '$LATEST',
      name: 'checkout',
      functionId: checkoutId,
    });
  });

  it('reads the legacy faas.execution and faas.id names', () => {
    const out = normaliseTraces(
      request(
        [
          serverSpan({
            attributes: [
              s('faas.execution', 'legacy-request-id'),
              s('faas.id', 'arn:aws:lambda:us-east-1:210987654321:function:legacy-fn:7'),
            ],
          }),
        ],
        [s('service.name', 'legacy-fn')],
      ),
    );
    expect(out.invocations[0]).toMatchObject({
      platform: 'aws_lambda',
      account: '210987654321',
      region: 'us-east-1',
      name: 'legacy-fn',
      version: '7',
      requestId: 'legacy-request-id',
      coldStart: null,
      memorySizeMb: null,
    });
  });

  it('reads faas.max_memory sent by the Lambda collector extension as an MB string', () => {
    const resource = lambdaResource
      .filter((kv) => kv.key !== 'faas.max_memory')
      .concat(s('faas.max_memory', '1024'));
    const out = normaliseTraces(
      request([serverSpan({}, [s('faas.coldstart', 'false')])], resource),
    );
    expect(out.invocations[0].memorySizeMb).toBe(1024);
    expect(out.invocations[0].coldStart).toBe(false);
  });

  it('stores an Azure Functions execution at the memory Consumption bills: 128 MB steps, at most 1,536 MB', () => {
    // A 250 ms span: at 200 MB it bills 256 MB (0.0625 GB-s), at 2,048 MB the 1,536 MB cap
    // (0.375 GB-s); stored raw, the aggregate billed 0.0488 and 0.5 GB-s.
    const azure = (maxMemoryMb: number) =>
      normaliseTraces(
        request(
          [
            serverSpan({
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000250000000',
              attributes: [s('faas.name', 'HttpTrigger1'), s('faas.trigger', 'http')],
            }),
          ],
          [
            s('cloud.platform', 'azure.functions'),
            s('cloud.region', 'westeurope'),
            s('service.name', 'app-a'),
            s('faas.max_memory', String(maxMemoryMb)),
            s(
              'cloud.resource_id',
              '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app-a',
            ),
          ],
        ),
      ).invocations[0];
    expect(azure(200).functionId).toBe('azure_functions~s1~westeurope~app-a%2FHttpTrigger1');
    expect(azure(200)).toMatchObject({ memorySizeMb: 256, billedDurationMs: 250 });
    expect(azure(2048)).toMatchObject({ memorySizeMb: 1536, billedDurationMs: 250 });
  });

  it('marks an ERROR span as an error with the exception type from its event', () => {
    const span = serverSpan({
      status: { code: 2, message: 'Task timed out' },
      events: [
        {
          name: 'exception',
          timeUnixNano: '1718000000200000000',
          attributes: [s('exception.type', 'TimeoutError')],
        },
      ],
    });
    const out = normaliseTraces(request([span]));
    expect(out.invocations[0]).toMatchObject({ status: 'error', errorType: 'TimeoutError' });
    expect(out.spans[0]).toMatchObject({ statusCode: 'error', statusMessage: 'Task timed out' });
    expect(out.spans[0].events[0]).toEqual({
      timeUnixNano: '1718000000200000000',
      name: 'exception',
      attributes: { 'exception.type': 'TimeoutError' },
    });
  });

  it('uses the span id as request id when no invocation id is present, and counts CONSUMER spans', () => {
    const span = serverSpan({
      kind: 5,
      attributes: [s('faas.trigger', 'pubsub'), s('cloud.account.id', '123456789012')],
    });
    const out = normaliseTraces(request([span]));
    expect(out.invocations[0]).toMatchObject({ requestId: 'b7ad6b7169203331', trigger: 'pubsub' });
  });

  it('keeps client and internal spans as rows without invocation records', () => {
    const out = normaliseTraces(
      request([serverSpan({ kind: 3 }), serverSpan({ kind: 1, spanId: '00f067aa0ba902b7' })]),
    );
    expect(out.spans.map((x) => x.kind)).toEqual(['client', 'internal']);
    expect(out.spans.every((x) => x.functionId === checkoutId)).toBe(true);
    expect(out.invocations).toEqual([]);
  });

  it('rejects spans with malformed ids or timestamps, with a reason, and keeps the rest', () => {
    const out = normaliseTraces(
      request([
        serverSpan({ traceId: 'xyz' }),
        serverSpan({ spanId: '00000000000000000' }),
        serverSpan({ spanId: 'not-hex-not-hex!' }),
        serverSpan({ parentSpanId: 'abc' }),
        serverSpan({ startTimeUnixNano: undefined }),
        serverSpan({ spanId: '00f067aa0ba902b7' }),
        null as unknown as OtlpSpan,
      ]),
    );
    expect(out.spans.map((x) => x.spanId)).toEqual(['00f067aa0ba902b7']);
    expect(out.invocations).toHaveLength(1);
    expect(out.rejected).toBe(6);
    expect(out.reasons).toEqual({
      invalid_trace_id: 1,
      invalid_span_id: 2,
      invalid_parent_span_id: 1,
      invalid_timestamp: 1,
      malformed: 1,
    });
    expect(out.errors[0]).toBe(
      'resourceSpans[0].scopeSpans[0].spans[0]: invalid traceId (length 3, expected 32 hex chars)',
    );
    expect(out.errorMessage).toMatch(/^rejected 6 \(/);
  });

  it('accepts spans without a resource, attributing them to no function', () => {
    const out = normaliseTraces(request([serverSpan({ attributes: [] })], null));
    expect(out.spans[0]).toMatchObject({ functionId: '', serviceName: '' });
    expect(out.invocations).toEqual([]);
  });

  it('never throws on hostile shapes', () => {
    const hostile = [
      null,
      { resourceSpans: 'x' },
      {
        resourceSpans: [
          null,
          1,
          { scopeSpans: [null, { spans: 'x' }, { spans: [{ attributes: 'x', traceId: 5 }] }] },
        ],
      },
    ];
    for (const req of hostile) expect(() => normaliseTraces(req as OtlpTraceRequest)).not.toThrow();
  });

  it('recognises Knative services by their kn.* or namespace attributes', () => {
    const out = normaliseTraces(
      request(
        [serverSpan({ attributes: [s('faas.invocation_id', 'r1')] })],
        [
          s('service.name', 'hello'),
          s('k8s.namespace.name', 'default'),
          s('kn.revision.name', 'hello-00002'),
          s('faas.name', 'hello'),
        ],
      ),
    );
    expect(out.invocations[0]).toMatchObject({
      platform: 'knative',
      account: 'default',
      name: 'hello',
      version: 'hello-00002',
    });
  });

  it('recognises OpenFaaS functions named name.namespace', () => {
    const out = normaliseTraces(
      request(
        [serverSpan({ attributes: [] })],
        [s('faas.name', 'figlet.openfaas-fn'), s('k8s.namespace.name', 'openfaas-fn')],
      ),
    );
    expect(out.invocations[0]).toMatchObject({
      platform: 'openfaas',
      account: 'openfaas-fn',
      name: 'figlet',
      functionId: 'openfaas~openfaas-fn~~figlet',
    });
  });

  it('resolves each span of a batch from its own identity attributes as they change', () => {
    const arn = (name: string, account = '123456789012') =>
      s('cloud.resource_id', `arn:aws:lambda:eu-west-1:${account}:function:${name}`);
    const spans = [
      serverSpan({ attributes: [arn('checkout')] }),
      serverSpan({ attributes: [arn('checkout')] }),
      serverSpan({ attributes: [arn('billing')] }),
      serverSpan({ attributes: [arn('billing', '210987654321')] }),
      serverSpan({ attributes: [] }),
      serverSpan({ attributes: [arn('checkout')] }),
      serverSpan({ attributes: [s('faas.name', 'billing')] }),
    ];
    const viaProtobuf = decodeTracesProtobuf(encodeTraceRequestProtobuf(request(spans)));
    if (isDecodeError(viaProtobuf)) throw new Error(viaProtobuf.error);
    for (const req of [request(spans), viaProtobuf]) {
      const out = normaliseTraces(req, { lambdaAccounts: new LambdaAccounts() });
      expect(out.invocations.map((inv) => `${inv.account}/${inv.name}`)).toEqual([
        '123456789012/checkout',
        '123456789012/checkout',
        '123456789012/billing',
        '210987654321/billing',
        // The resource alone (no ARN, no cloud.account.id): the one checkout of the request's spans.
        '123456789012/checkout',
        '123456789012/checkout',
        // faas.name billing, of two accounts: refused, not filed under account ''.
      ]);
      expect(out.spans.map((row) => row.functionId)).not.toContain('aws_lambda~~eu-west-1~billing');
      expect(out.reasons).toEqual({ missing_identity: 1 });
      expect(out.errors).toEqual([
        'resourceSpans[0].scopeSpans[0].spans[6]: Lambda function "billing" in eu-west-1 has no cloud.account.id and functions of that name in eu-west-1 are known in 2 accounts (123456789012, 210987654321): set cloud.account.id on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES=cloud.account.id=123456789012)',
      ]);
    }
  });

  it('refuses the spans of a Lambda function that neither they nor their resource give an account, unless one function of that region and name is known', () => {
    const plain = (spanId: string): OtlpSpan => ({ ...serverSpan({ spanId }), attributes: [] });
    const alone = normaliseTraces(request([plain('00f067aa0ba902b7')]), {
      lambdaAccounts: new LambdaAccounts(),
    });
    expect(alone.spans).toEqual([]);
    expect(alone.invocations).toEqual([]);
    expect(alone.reasons).toEqual({ missing_identity: 1 });
    expect(alone.errorMessage).toContain(
      'Lambda function "checkout" in eu-west-1 has no cloud.account.id and no function of that name in eu-west-1 is known yet: set cloud.account.id on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES=cloud.account.id=123456789012)',
    );
    // Without a lookup nothing is known: refused too.
    expect(normaliseTraces(request([plain('00f067aa0ba902b7')])).reasons).toEqual({
      missing_identity: 1,
    });

    const accounts = new LambdaAccounts();
    accounts.learn('123456789012', 'eu-west-1', 'checkout');
    const known = normaliseTraces(request([plain('00f067aa0ba902b7')]), {
      lambdaAccounts: accounts,
    });
    expect(known.rejected).toBe(0);
    expect(known.spans.map((row) => row.functionId)).toEqual([checkoutId]);
    expect(known.invocations).toMatchObject([{ functionId: checkoutId, account: '123456789012' }]);
  });

  it('takes a span’s own FaaS attributes into account when its resource has none', () => {
    // A Knative service's resource names no function; its SERVER spans say faas.trigger.
    const resource = [s('service.name', 'hello'), s('k8s.namespace.name', 'default')];
    const plain = (spanId: string): OtlpSpan => ({ ...serverSpan({ spanId }), attributes: [] });
    const faas = (spanId: string, id: string): OtlpSpan => ({
      ...plain(spanId),
      attributes: [s('faas.trigger', 'http'), s('faas.invocation_id', id)],
    });
    const req = request(
      [
        plain('1111111111111111'),
        faas('2222222222222222', 'abc'),
        plain('3333333333333333'),
        faas('4444444444444444', 'def'),
      ],
      resource,
    );
    const viaProtobuf = decodeTracesProtobuf(encodeTraceRequestProtobuf(req));
    if (isDecodeError(viaProtobuf)) throw new Error(viaProtobuf.error);
    const hello = functionId({
      platform: 'knative',
      account: 'default',
      region: '',
      name: 'hello',
    });
    for (const out of [normaliseTraces(req), normaliseTraces(viaProtobuf)]) {
      expect(out.spans.map((x) => x.functionId)).toEqual(['', hello, '', hello]);
      expect(out.invocations.map((inv) => `${inv.functionId} ${inv.requestId}`)).toEqual([
        `${hello} abc`,
        `${hello} def`,
      ]);
    }
  });

  it('counts the invocation of a function called by another one when a collector exports both in one request', () => {
    // Knative `frontend` calls `backend` over HTTP (semconv aws-lambda.md "API Gateway Request
    // Proxy": the callee's SERVER span is the child of the caller's CLIENT span). An OpenTelemetry
    // Collector batches both services' spans into one export; neither sends an invocation id.
    const knative = (service: string): OtlpKeyValue[] => [
      s('service.name', service),
      s('k8s.namespace.name', 'shop'),
      s('kn.service.name', service),
      s('kn.revision.name', `${service}-00001`),
    ];
    const span = (spanId: string, kind: number, parentSpanId = ''): OtlpSpan => ({
      traceId: '0AF7651916CD43DD8448EB211C80319C',
      spanId,
      parentSpanId,
      name: kind === 3 ? 'GET' : 'GET /',
      kind,
      startTimeUnixNano: '1718000000123456789',
      endTimeUnixNano: '1718000000248456789',
      attributes: [s('faas.trigger', 'http')],
    });
    const out = normaliseTraces({
      resourceSpans: [
        {
          resource: { attributes: knative('frontend') },
          scopeSpans: [
            {
              spans: [span('1111111111111111', 2), span('2222222222222222', 3, '1111111111111111')],
            },
          ],
        },
        {
          resource: { attributes: knative('backend') },
          scopeSpans: [{ spans: [span('3333333333333333', 2, '2222222222222222')] }],
        },
      ],
    });
    expect(out.invocations.map((inv) => `${inv.name}/${inv.requestId}`)).toEqual([
      'frontend/1111111111111111',
      'backend/3333333333333333',
    ]);
  });

  describe('a nested SERVER span exported apart from its parent (batch processors send children first)', () => {
    const parent = serverSpan({
      spanId: 'EEE19B7EC3C1B174',
      endTimeUnixNano: '1718000000423456789',
    });
    const child = (flags?: number): OtlpSpan => ({
      traceId: '0AF7651916CD43DD8448EB211C80319C',
      spanId: 'AAAAAAAAAAAAAAAA',
      parentSpanId: 'EEE19B7EC3C1B174',
      name: 'GET /',
      kind: 2,
      startTimeUnixNano: '1718000000133456789',
      endTimeUnixNano: '1718000000413456789',
      attributes: [s('cloud.account.id', '123456789012')],
      ...(flags === undefined ? {} : { flags }),
    });
    // Each export normalised on its own, over JSON and the protobuf wire reader alike.
    const requestIds = (...exports: OtlpSpan[][]) =>
      [false, true].map((viaProtobuf) =>
        exports.flatMap((spans) => {
          let req = request(spans);
          if (viaProtobuf) {
            const decoded = decodeTracesProtobuf(encodeTraceRequestProtobuf(req));
            if (isDecodeError(decoded)) throw new Error(decoded.error);
            req = decoded;
          }
          return normaliseTraces(req).invocations.map((inv) => inv.requestId);
        }),
      );
    const INVOCATION = 'af9c3fd4-0d4c-4a3e-9b1f-7d2f3b2a1c00';

    it('is no invocation when its flags say its parent is in the same process', () => {
      // SpanFlags: 0x100 = the parent's remoteness is known, 0x200 = remote; low byte = trace flags.
      for (const ids of requestIds([child(0x101)], [parent])) expect(ids).toEqual([INVOCATION]);
    });

    it('is an invocation when its flags say its parent is remote', () => {
      for (const ids of requestIds([child(0x301)])) expect(ids).toEqual(['aaaaaaaaaaaaaaaa']);
    });

    it('is kept when its flags do not say (older SDKs send 0): a Lambda instrumented for HTTP only names no invocation, and dropping such spans lost every one of its requests', () => {
      for (const flags of [undefined, 0, 1]) {
        for (const ids of requestIds([child(flags)])) expect(ids).toEqual(['aaaaaaaaaaaaaaaa']);
      }
    });

    it('is still a Knative invocation when its flags do not say and its parent is elsewhere (the queue-proxy’s span)', () => {
      const knative = [s('k8s.namespace.name', 'shop'), s('kn.service.name', 'hello')];
      const span = { ...child(0), attributes: [s('faas.trigger', 'http')] };
      expect(normaliseTraces(request([span], knative)).invocations).toMatchObject([
        { name: 'hello', requestId: 'aaaaaaaaaaaaaaaa' },
      ]);
    });
  });

  describe('an in-process HTTP hop inside one Lambda invocation (aws-serverless-express, serverless-http)', () => {
    // The OTel SDK marks a parent read from a traceparent header remote (flags 0x300), even when
    // the header came from the same process's CLIENT span.
    const TRACE = '0AF7651916CD43DD8448EB211C80319C';
    const fnResource = (name: string): OtlpKeyValue[] => [
      ...lambdaResource.filter((kv) => kv.key !== 'service.name' && kv.key !== 'faas.name'),
      s('service.name', name),
      s('faas.name', name),
      s('cloud.account.id', '123456789012'),
    ];
    const at = (n: number) => String(1718000000000000000n + BigInt(n) * 1_000_000n);
    const span = (
      spanId: string,
      kind: number,
      parentSpanId: string | undefined,
      flags: number,
      attributes: OtlpKeyValue[] = [],
      traceId = TRACE,
    ): OtlpSpan => ({
      traceId,
      spanId,
      ...(parentSpanId === undefined ? {} : { parentSpanId }),
      flags,
      name: kind === 3 ? 'POST' : 'POST /',
      kind,
      startTimeUnixNano: at(1),
      endTimeUnixNano: at(100),
      attributes,
    });
    const lambdaSpan = (
      spanId: string,
      invocationId: string,
      parentSpanId?: string,
      flags = 0x300,
    ) => span(spanId, 2, parentSpanId, flags, [s('faas.invocation_id', invocationId)]);
    const viaBoth = (req: OtlpTraceRequest): string[][] =>
      [req, decodeTracesProtobuf(encodeTraceRequestProtobuf(req))].map((r) => {
        if (isDecodeError(r)) throw new Error(r.error);
        return normaliseTraces(r).invocations.map((inv) => `${inv.name}/${inv.requestId}`);
      });
    const twoFunctions = (a: OtlpSpan[], b: OtlpSpan[]): OtlpTraceRequest => ({
      resourceSpans: [
        { resource: { attributes: fnResource('a') }, scopeSpans: [{ spans: a }] },
        { resource: { attributes: fnResource('b') }, scopeSpans: [{ spans: b }] },
      ],
    });

    it('defect: counted each invocation twice (6 for 3, out-counting the REPORT lines); the http SERVER span under the aws-lambda span is a piece of it', () => {
      // The reviewer's t11: per invocation the http SERVER span, its CLIENT parent, the aws-lambda span,
      // exported in the order they end.
      const spans = [1, 2, 3].flatMap((n) => {
        const traceId = `${n}`.repeat(32);
        return [
          span(
            `${n}3`.repeat(8),
            2,
            `${n}2`.repeat(8),
            0x300,
            [s('http.request.method', 'POST')],
            traceId,
          ),
          span(`${n}2`.repeat(8), 3, `${n}1`.repeat(8), 0x100, [], traceId),
          { ...lambdaSpan(`${n}1`.repeat(8), `inv-${n}`), traceId },
        ];
      });
      for (const ids of viaBoth(request(spans, fnResource('a')))) {
        expect(ids).toEqual(['a/inv-1', 'a/inv-2', 'a/inv-3']);
      }
    });

    it('is a piece of the invocation when its remote parent is the aws-lambda span itself', () => {
      const req = request(
        [
          span('2222222222222222', 2, '1111111111111111', 0x300),
          lambdaSpan('1111111111111111', 'inv-1'),
        ],
        fnResource('a'),
      );
      for (const ids of viaBoth(req)) expect(ids).toEqual(['a/inv-1']);
    });

    it('counts a function B called over HTTP by function A once each, in one export or two', () => {
      const a = [
        span('2222222222222222', 3, '1111111111111111', 0x100),
        lambdaSpan('1111111111111111', 'inv-a'),
      ];
      // B instrumented for HTTP only (Lambda Web Adapter): its SERVER span, under A's CLIENT span.
      const bHttpOnly = [span('3333333333333333', 2, '2222222222222222', 0x300)];
      for (const ids of viaBoth(twoFunctions(a, bHttpOnly))) {
        expect(ids).toEqual(['a/inv-a', 'b/3333333333333333']);
      }
      // B with the layer behind an in-process proxy: its aws-lambda span under A's CLIENT span.
      const bProxied = [
        span('5555555555555555', 2, '4444444444444444', 0x300),
        span('4444444444444444', 3, '3333333333333333', 0x100),
        lambdaSpan('3333333333333333', 'inv-b', '2222222222222222'),
      ];
      for (const ids of viaBoth(twoFunctions(a, bProxied))) {
        expect(ids).toEqual(['a/inv-a', 'b/inv-b']);
      }
      expect(
        [
          ...normaliseTraces(request(a, fnResource('a'))).invocations,
          ...normaliseTraces(request(bProxied, fnResource('b'))).invocations,
        ].map((inv) => inv.requestId),
      ).toEqual(['inv-a', 'inv-b']);
    });

    it('counts a function calling itself over HTTP twice: the new invocation names itself', () => {
      const spans = [
        span('5555555555555555', 2, '4444444444444444', 0x300),
        span('4444444444444444', 3, '3333333333333333', 0x100),
        lambdaSpan('3333333333333333', 'inv-2', '2222222222222222'),
        span('2222222222222222', 3, '1111111111111111', 0x100),
        lambdaSpan('1111111111111111', 'inv-1'),
      ];
      for (const ids of viaBoth(request(spans, fnResource('a')))) {
        expect(ids).toEqual(['a/inv-2', 'a/inv-1']);
      }
    });

    it('keeps both SERVER spans of a function that names no invocation calling itself (HTTP only)', () => {
      const spans = [
        span('3333333333333333', 2, '2222222222222222', 0x300),
        span('2222222222222222', 3, '1111111111111111', 0x100),
        span('1111111111111111', 2, 'AAAAAAAAAAAAAAAA', 0x300),
      ];
      for (const ids of viaBoth(request(spans, fnResource('a')))) {
        expect(ids).toEqual(['a/3333333333333333', 'a/1111111111111111']);
      }
    });

    it('ends on parent ids that loop', () => {
      const spans = [
        span('2222222222222222', 3, '1111111111111111', 0x100),
        span('1111111111111111', 3, '2222222222222222', 0x100),
        span('3333333333333333', 2, '1111111111111111', 0x300),
        lambdaSpan('4444444444444444', 'inv-1'),
      ];
      for (const ids of viaBoth(request(spans, fnResource('a')))) {
        expect(ids).toEqual(['a/3333333333333333', 'a/inv-1']);
      }
    });

    it('defect: walked up afresh from every remote SERVER span (16,000 whose parents loop blocked 52 s); each span is walked once', () => {
      const n = 16_000;
      const id = (k: number) => k.toString(16).padStart(16, '0');
      const named = lambdaSpan('ffffffffffffffff', 'inv-1');
      // Remote SERVER spans of the function, each under the next: a loop, or a chain to the named span.
      const looping = Array.from({ length: n }, (_, k) =>
        span(id(k + 1), 2, id(((k + 1) % n) + 1), 0x300),
      );
      const chained = Array.from({ length: n }, (_, k) =>
        span(id(k + 1), 2, k === n - 1 ? 'ffffffffffffffff' : id(k + 2), 0x300),
      );
      // Counts the parent lookups (Map gets) one normalisation makes; the old walk made ~n²/2.
      const lookups = (spans: OtlpSpan[]) => {
        const limit = 10 * n;
        let count = 0;
        const original = Map.prototype.get;
        Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
          if (++count > limit) throw new Error(`more than ${limit} Map lookups for ${n} spans`);
          const value: unknown = original.call(this, key);
          return value;
        };
        try {
          return normaliseTraces(request(spans, fnResource('a'))).invocations.map(
            (inv) => inv.requestId,
          );
        } finally {
          Map.prototype.get = original;
        }
      };
      // Nothing on the loop names an invocation: every span is kept, as before.
      expect(lookups([named, ...looping])).toHaveLength(n + 1);
      expect(lookups([named, ...chained])).toEqual(['inv-1']);
    });
  });

  it('names the functions whose invocation spans say they were head-sampled (tracestate ot=th:), with the probability', () => {
    expect(sampledProbability('ot=th:0')).toBe(1);
    expect(sampledProbability('ot=th:8')).toBe(0.5);
    expect(sampledProbability('vendor=x,ot=rv:abcdef01234567;th:e668')).toBeCloseTo(0.1, 4);
    expect(sampledProbability('ot=th:8;rv:0123')).toBe(0.5);
    for (const none of [
      '',
      'vendor=th:8',
      'ot=rv:8',
      'ot=th:',
      'ot=th:123456789abcdef0',
      'ot=xth:8',
    ]) {
      expect(sampledProbability(none)).toBeUndefined();
    }
    const tenth = normaliseTraces(request([serverSpan({ traceState: 'ot=th:e668' })]));
    expect(tenth.invocations).toHaveLength(1);
    expect([...tenth.headSampled.keys()]).toEqual([checkoutId]);
    expect(tenth.headSampled.get(checkoutId)).toBeCloseTo(0.1, 4);
    for (const traceState of [undefined, 'ot=th:0']) {
      expect(normaliseTraces(request([serverSpan({ traceState })])).headSampled.size).toBe(0);
    }
    // A CLIENT span is no invocation: its sampling counts nothing.
    const client = serverSpan({ kind: 3, traceState: 'ot=th:8' });
    expect(normaliseTraces(request([client])).headSampled.size).toBe(0);
  });

  it('counts an SQS batch once: message CONSUMER spans under the batch span are not invocations', () => {
    const batch: OtlpSpan = {
      traceId: '0AF7651916CD43DD8448EB211C80319C',
      spanId: '1111111111111111',
      name: 'orders-queue process',
      kind: 5,
      startTimeUnixNano: '1718000000123456789',
      endTimeUnixNano: '1718000000248456789',
      attributes: [
        s('cloud.resource_id', 'arn:aws:lambda:eu-west-1:123456789012:function:checkout'),
        s('faas.trigger', 'pubsub'),
      ],
    };
    const message = (spanId: string): OtlpSpan => ({
      ...batch,
      spanId,
      parentSpanId: '1111111111111111',
      name: 'orders-queue process message',
    });
    const out = normaliseTraces(
      request([batch, message('2222222222222222'), message('3333333333333333')]),
    );
    expect(out.spans).toHaveLength(3);
    expect(out.invocations.map((inv) => inv.requestId)).toEqual(['1111111111111111']);
  });
});
