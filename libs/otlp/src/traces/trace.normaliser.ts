import {
  billedRequestMemoryMb,
  billedRequestMs,
  classifyInit,
  type InvocationRecord,
  type SpanRow,
} from '@fleetscope/model';
import type { RejectReport } from '../common/reject-collector';
import { RejectCollector, rejectReport } from '../common/reject-collector';
import type { OtlpResourceSpans, OtlpSpan, OtlpTraceRequest } from '../common/otlp-request.types';
import { WireSpan } from '../codec/trace-request.reader';
import {
  enumValue,
  flattenAttributes,
  isMessage,
  idHex,
  idToHex,
  idToHexOrEmpty,
  nanosDiff,
  nanosStringToMs,
  nanosToString,
} from '../common/otlp-values';
import type { FaasResolveOptions, ResolvedFunction } from '../faas/faas-identity.resolver';
import {
  hasFaasSemantics,
  lambdaWithoutAccount,
  layeredLookup,
  memoryMbFromMaxMemory,
  resolveFunction,
} from '../faas/faas-identity.resolver';
import type { LambdaAccountLookup } from '../faas/lambda-accounts';

export interface NormalisedTraces extends RejectReport {
  spans: SpanRow[];
  invocations: InvocationRecord[];
  /**
   * The functions whose invocation spans say they were head-sampled (tracestate `ot=th:`), with the
   * probability: their counts and cost from spans are that fraction of the real ones.
   */
  headSampled: Map<string, number>;
}

/** 2^56: the `th` threshold's scale (OpenTelemetry "TraceState: Probability Sampling"). */
const THRESHOLD_SCALE = 2 ** 56;

/**
 * The sampling probability a W3C tracestate states (`ot=th:<1-14 hex digits>`, padded with trailing
 * zeros, is the rejection threshold over 2^56; `th:0` is 100 %), or undefined when it states none.
 */
export function sampledProbability(traceState: string): number | undefined {
  const ot = /(?:^|,)\s*ot=([^,]*)/.exec(traceState);
  if (ot === null) return undefined;
  const th = /(?:^|;)th:([0-9a-f]{1,14})(?:;|$)/.exec(ot[1].trim());
  if (th === null) return undefined;
  return 1 - parseInt(th[1].padEnd(14, '0'), 16) / THRESHOLD_SCALE;
}

const SPAN_KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
] as const;
const SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const KIND_SERVER = 2;
const KIND_CONSUMER = 5;

// trace.proto SpanFlags: bit 8 says whether bit 9 (the parent is remote) is known.
const SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK = 0x100;
const SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK = 0x200;

const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const;
const STATUS_CODES = ['unset', 'ok', 'error'];
const STATUS_ERROR = 2;

/** Span attributes that can change which function a span belongs to. */
const SPAN_IDENTITY_KEYS = [
  'cloud.resource_id',
  'aws.lambda.invoked_arn',
  'faas.id',
  'faas.name',
  'faas.version',
  'cloud.platform',
  'cloud.account.id',
  'cloud.region',
  'kn.service.name',
  'kn.revision.name',
  'k8s.namespace.name',
];

/** The identity key of the values identityChanged keeps, in SPAN_IDENTITY_KEYS order. */
function identityKey(values: (string | undefined)[]): string {
  let key = '';
  for (let k = 0; k < SPAN_IDENTITY_KEYS.length; k++) {
    const v = values[k];
    if (v !== undefined) key += SPAN_IDENTITY_KEYS[k] + '\u0000' + v + '\u0000';
  }
  return key;
}

function swap(values: (string | undefined)[], k: number, v: string | undefined): number {
  if (v === values[k]) return 0;
  values[k] = v;
  return 1;
}

/**
 * Copies the span's identity attributes into `values` (SPAN_IDENTITY_KEYS order) and says whether
 * any changed. Unrolled so that each read is a named property load, monomorphic span after span.
 */
function identityChanged(a: Record<string, string>, values: (string | undefined)[]): boolean {
  const changed =
    swap(values, 0, a['cloud.resource_id']) |
    swap(values, 1, a['aws.lambda.invoked_arn']) |
    swap(values, 2, a['faas.id']) |
    swap(values, 3, a['faas.name']) |
    swap(values, 4, a['faas.version']) |
    swap(values, 5, a['cloud.platform']) |
    swap(values, 6, a['cloud.account.id']) |
    swap(values, 7, a['cloud.region']) |
    swap(values, 8, a['kn.service.name']) |
    swap(values, 9, a['kn.revision.name']) |
    swap(values, 10, a['k8s.namespace.name']);
  return changed !== 0;
}

interface ResourceContext {
  resolve: FaasResolveOptions;
  resourceAttributes: Record<string, string>;
  serviceName: string;
  resourceFunction: ResolvedFunction | undefined;
  /** Whether the resource alone says its telemetry is a function's (hasFaasSemantics). */
  resourceIsFaas: boolean;
  /** Identity per distinct set of span-level identity attributes (and FaaS semantics). */
  cache: Map<string, ResolvedFunction | undefined>;
  /** The previous span's identity attribute values and function: a batch's spans mostly agree. */
  lastIdentity: (string | undefined)[];
  lastFunction: ResolvedFunction | undefined;
  /** Whether the previous span had FaaS semantics, its own or its resource's. */
  lastIsFaas: boolean;
  /** Whether lastFunction belongs to lastIdentity (not before the first span). */
  lastKnown: boolean;
}

/**
 * A span attribute, else the resource's, '' counting as absent (layeredLookup). Call sites name the
 * key as a literal, so each property read stays a fast named load.
 */
function pick(span: string | undefined, resource: string | undefined): string | undefined {
  if (span !== undefined && span !== '') return span;
  return resource !== undefined && resource !== '' ? resource : undefined;
}

function runtimeOf(sa: Record<string, string>, ra: Record<string, string>): string {
  const name = pick(sa['process.runtime.name'], ra['process.runtime.name']);
  if (name === undefined) return '';
  const version = pick(sa['process.runtime.version'], ra['process.runtime.version']);
  return version === undefined ? name : `${name} ${version}`;
}

function architectureOf(sa: Record<string, string>, ra: Record<string, string>): string {
  const arch = pick(sa['host.arch'], ra['host.arch']);
  if (arch === 'amd64') return 'x86_64'; // semconv host.arch value; Lambda calls it x86_64
  return arch ?? '';
}

function errorTypeOf(span: OtlpSpan, attrs: Record<string, string>): string {
  const fromAttr = attrs['error.type'] ?? attrs['exception.type'];
  if (fromAttr !== undefined) return fromAttr;
  const events = span.events;
  if (!Array.isArray(events)) return '';
  for (const e of events) {
    if (e?.name !== 'exception' || !Array.isArray(e.attributes)) continue;
    for (const kv of e.attributes) {
      if (kv?.key === 'exception.type') return kv.value?.stringValue ?? '';
    }
  }
  return '';
}

// faas.max_memory is one resource value for a whole batch: parse it once, not per span.
let lastMaxMemory: string | undefined;
let lastMemoryMb: number | null = null;

function memoryMb(raw: string | undefined): number | null {
  if (raw !== lastMaxMemory) {
    lastMemoryMb = memoryMbFromMaxMemory(raw);
    lastMaxMemory = raw;
  }
  return lastMemoryMb;
}

function invocationOf(
  fn: ResolvedFunction,
  row: SpanRow,
  startMs: number,
  durationNanos: number,
  status: number,
  span: OtlpSpan,
): InvocationRecord {
  const sa = row.spanAttributes;
  const ra = row.resourceAttributes;
  return {
    source: 'otel_span',
    functionId: fn.functionId,
    platform: fn.platform,
    account: fn.account,
    region: fn.region,
    name: fn.name,
    version: fn.version,
    requestId:
      pick(sa['faas.invocation_id'], ra['faas.invocation_id']) ??
      pick(sa['faas.execution'], ra['faas.execution']) ??
      row.spanId,
    startTimeMs: startMs,
    durationMs: durationNanos / 1e6,
    // Where each request is billed on its own (Cloud Run, Cloud Functions, Azure): its rounding,
    // of its time and (Azure) of its memory; the aggregate sums billed ms × memory.
    billedDurationMs: billedRequestMs(fn.platform, durationNanos / 1e6),
    initDurationMs: null,
    restoreDurationMs: null,
    billedRestoreDurationMs: null,
    memorySizeMb: billedRequestMemoryMb(
      fn.platform,
      memoryMb(pick(sa['faas.max_memory'], ra['faas.max_memory'])),
    ),
    maxMemoryUsedMb: null,
    coldStart: classifyInit({
      platform: 'span',
      coldstartAttribute: pick(sa['faas.coldstart'], ra['faas.coldstart']),
    }).coldStart,
    initType: '',
    status: status === STATUS_ERROR ? 'error' : 'success',
    errorType: status === STATUS_ERROR ? errorTypeOf(span, row.spanAttributes) : '',
    trigger: pick(sa['faas.trigger'], ra['faas.trigger']) ?? '',
    instance: pick(sa['faas.instance'], ra['faas.instance']) ?? '',
    traceId: row.traceId,
    runtime: runtimeOf(sa, ra),
    architecture: architectureOf(sa, ra),
  };
}

/** a < b for decimal strings without leading zeros. */
function decimalLess(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

/**
 * The invocations that may be pieces of another, with their span's parent: dropNestedInvocations
 * decides once the whole request is read. Those whose flags do not place the parent (older SDKs
 * send 0; `named` when the span names its invocation), and those without a name whose parent the
 * flags call remote (`remote`).
 */
type UnplacedInvocations = Map<
  InvocationRecord,
  { parentSpanId: string; named: boolean; remote: boolean }
>;

/**
 * The traces of the request with a span that names its invocation (faas.invocation_id or
 * faas.execution): only under one can a span called remote be a piece of an invocation.
 */
type NamedTraces = Set<string>;

/** Invocations whose span says it was head-sampled, with the probability. */
type Sampled = { invocation: InvocationRecord; p: number };

/** Whether Span.flags say the parent is in another process, in this one, or do not say. */
function parentPlace(flags: unknown): 'remote' | 'local' | 'unknown' {
  if (typeof flags !== 'number' || (flags & SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK) === 0) {
    return 'unknown';
  }
  return (flags & SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK) !== 0 ? 'remote' : 'local';
}

/**
 * A span of a Lambda function named without an account (missingIdentity), and its invocation:
 * settled once the request is read, when the spans of the request that name the account (the
 * invocation span instrumentation-aws-lambda gives cloud.account.id, exported after its children)
 * have been learnt (settleUnidentified).
 */
interface Unidentified {
  fn: ResolvedFunction;
  row: SpanRow;
  invocation?: InvocationRecord;
  where: string;
}

function spanPath(r: number, s: number, i: number): string {
  return `resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`;
}

function normaliseSpan(
  span: OtlpSpan,
  ctx: ResourceContext,
  scopeName: string,
  scopeVersion: string,
  r: number,
  s: number,
  i: number,
  out: NormalisedTraces,
  unplaced: UnplacedInvocations,
  namedTraces: NamedTraces,
  sampled: Sampled[],
  unidentified: Unidentified[],
  rejects: RejectCollector,
): void {
  // A WireSpan comes from the wire reader, whose string ids are valid non-zero lower-case hex and
  // whose timestamps are exact decimals: those are taken as they are.
  const wire = span instanceof WireSpan ? span : undefined;
  // Ids are checked without a result object; idToHex says why only for a rejected span.
  const traceId =
    wire !== undefined && typeof wire.traceId === 'string'
      ? wire.traceId
      : idHex(span.traceId, 16, false);
  if (traceId === undefined) {
    const why = idToHex(span.traceId, 16, false);
    rejects.reject(
      'invalid_trace_id',
      () => `${spanPath(r, s, i)}: invalid traceId (${'invalid' in why ? why.invalid : ''})`,
    );
    return;
  }
  const spanId =
    wire !== undefined && typeof wire.spanId === 'string'
      ? wire.spanId
      : idHex(span.spanId, 8, false);
  if (spanId === undefined) {
    const why = idToHex(span.spanId, 8, false);
    rejects.reject(
      'invalid_span_id',
      () => `${spanPath(r, s, i)}: invalid spanId (${'invalid' in why ? why.invalid : ''})`,
    );
    return;
  }
  const parentSpanId =
    wire !== undefined && typeof wire.parentSpanId === 'string'
      ? wire.parentSpanId
      : idHex(span.parentSpanId, 8, true);
  if (parentSpanId === undefined) {
    const why = idToHex(span.parentSpanId, 8, true);
    rejects.reject(
      'invalid_parent_span_id',
      () => `${spanPath(r, s, i)}: invalid parentSpanId (${'invalid' in why ? why.invalid : ''})`,
    );
    return;
  }
  // The wire reader also hands over the duration computed and the attributes flattened.
  let start: string | undefined;
  let durationNanos = 0;
  let endBeforeStart = false;
  if (wire !== undefined) {
    start = wire.startTimeUnixNano;
    durationNanos = wire.durationNanos;
    endBeforeStart = wire.endBeforeStart;
  } else {
    start = nanosToString(span.startTimeUnixNano);
    const end = nanosToString(span.endTimeUnixNano);
    if (end === undefined) start = undefined;
    else if (start !== undefined && end !== '0') {
      durationNanos = nanosDiff(end, start, span.endTimeUnixNano, span.startTimeUnixNano);
      endBeforeStart = decimalLess(end, start);
    }
  }
  if (endBeforeStart) {
    // trace.proto, end_time_unix_nano: "it is expected that end_time >= start_time".
    rejects.reject(
      'end_before_start',
      () => `${spanPath(r, s, i)}: endTimeUnixNano is before startTimeUnixNano`,
    );
    return;
  }
  if (start === undefined || start === '0') {
    rejects.reject(
      'invalid_timestamp',
      () => `${spanPath(r, s, i)}: missing or invalid startTimeUnixNano/endTimeUnixNano`,
    );
    return;
  }
  const kind = enumValue(span.kind, SPAN_KIND_NAMES);
  const status = span.status && typeof span.status === 'object' ? span.status : undefined;
  const statusCode = enumValue(status?.code, STATUS_NAMES);
  const spanAttributes =
    wire !== undefined ? wire.flatAttributes : flattenAttributes(span.attributes);

  // A span's own FaaS attributes (faas.trigger on the SERVER span of a service whose resource names
  // no function) change whether resolveFunction names a function, as its identity keys change which.
  const isFaas = ctx.resourceIsFaas || hasFaasSemantics(layeredLookup(spanAttributes));
  const changed = identityChanged(spanAttributes, ctx.lastIdentity) || isFaas !== ctx.lastIsFaas;
  ctx.lastIsFaas = isFaas;
  let fn: ResolvedFunction | undefined;
  if (!changed && ctx.lastKnown) {
    fn = ctx.lastFunction;
  } else {
    ctx.lastKnown = false; // until resolved: resolveFunction may throw on hostile input
    fn = ctx.resourceFunction;
    const identity = identityKey(ctx.lastIdentity);
    const key = isFaas === ctx.resourceIsFaas ? identity : `faas\u0000${identity}`;
    if (key !== '') {
      if (ctx.cache.has(key)) {
        fn = ctx.cache.get(key);
      } else {
        fn = resolveFunction(layeredLookup(spanAttributes, ctx.resourceAttributes), ctx.resolve);
        ctx.cache.set(key, fn);
      }
    }
    ctx.lastFunction = fn;
    ctx.lastKnown = true;
  }

  const events: SpanRow['events'] = [];
  if (Array.isArray(span.events)) {
    for (const e of span.events) {
      if (e === null || typeof e !== 'object') continue;
      events.push({
        timeUnixNano: nanosToString(e.timeUnixNano) ?? '0',
        name: typeof e.name === 'string' ? e.name : '',
        attributes: flattenAttributes(e.attributes),
      });
    }
  }
  const links: SpanRow['links'] = [];
  if (Array.isArray(span.links)) {
    for (const l of span.links) {
      if (l === null || typeof l !== 'object') continue;
      links.push({
        traceId: idToHexOrEmpty(l.traceId, 16),
        spanId: idToHexOrEmpty(l.spanId, 8),
        attributes: flattenAttributes(l.attributes),
      });
    }
  }

  const row: SpanRow = {
    timeUnixNano: start,
    durationNano: String(durationNanos),
    traceId,
    spanId,
    parentSpanId,
    traceState: typeof span.traceState === 'string' ? span.traceState : '',
    name: typeof span.name === 'string' ? span.name : '',
    kind: SPAN_KINDS[kind] ?? 'unspecified',
    serviceName: ctx.serviceName,
    functionId: fn?.functionId ?? '',
    statusCode: STATUS_CODES[statusCode] ?? 'unset',
    statusMessage: typeof status?.message === 'string' ? status.message : '',
    scopeName,
    scopeVersion,
    resourceAttributes: ctx.resourceAttributes,
    spanAttributes,
    events,
    links,
  };
  out.spans.push(row);
  const pending: Unidentified | undefined =
    fn?.missingIdentity !== undefined ? { fn, row, where: spanPath(r, s, i) } : undefined;
  if (pending !== undefined) unidentified.push(pending);

  // fn is only resolved from attributes with FaaS semantics (resolveFunction checks).
  if (fn === undefined || (kind !== KIND_SERVER && kind !== KIND_CONSUMER)) return;
  // The invocation is the span that enters the function's process (semconv faas-spans.md): a span
  // whose parent is in the same process is a piece of it, counted by that entry span, which may
  // come in another export (batch processors send children, which end first, before parents).
  const place = parentSpanId === '' ? 'remote' : parentPlace(span.flags);
  if (place === 'local') return;
  const startMs = wire !== undefined ? wire.startMs : nanosStringToMs(start);
  const invocation = invocationOf(fn, row, startMs, durationNanos, statusCode, span);
  out.invocations.push(invocation);
  if (pending !== undefined) pending.invocation = invocation;
  if (row.traceState !== '') {
    const p = sampledProbability(row.traceState);
    if (p !== undefined && p < 1) sampled.push({ invocation, p });
  }
  const named = invocation.requestId !== spanId;
  if (named) namedTraces.add(traceId);
  if (place === 'unknown') {
    unplaced.set(invocation, { parentSpanId, named, remote: false });
  } else if (!named && parentSpanId !== '') {
    unplaced.set(invocation, { parentSpanId, named, remote: true });
  }
}

function countSpans(rs: OtlpResourceSpans): number {
  let n = 0;
  if (!Array.isArray(rs.scopeSpans)) return 0;
  for (const ss of rs.scopeSpans) if (ss && Array.isArray(ss.spans)) n += ss.spans.length;
  return n;
}

/**
 * ExportTraceServiceRequest → one SpanRow per span, plus an InvocationRecord (source 'otel_span')
 * for each SERVER or CONSUMER span with FaaS semantics (semconv faas-spans.md: the invocation is
 * the SERVER span, or a CONSUMER span for SQS). A span with bad ids or timestamps is rejected with a
 * reason; the rest of the request is kept. Never throws.
 */
export function normaliseTraces(
  req: OtlpTraceRequest,
  options: FaasResolveOptions = {},
): NormalisedTraces {
  const rejects = new RejectCollector();
  const out: NormalisedTraces = {
    spans: [],
    invocations: [],
    rejected: 0,
    errors: [],
    reasons: {},
    errorMessage: '',
    headSampled: new Map(),
  };
  const sampled: Sampled[] = [];
  const unplaced: UnplacedInvocations = new Map();
  const namedTraces: NamedTraces = new Set();
  const unidentified: Unidentified[] = [];
  const resourceSpans = req && Array.isArray(req.resourceSpans) ? req.resourceSpans : [];
  for (let r = 0; r < resourceSpans.length; r++) {
    const rs = resourceSpans[r];
    if (!isMessage(rs)) {
      rejects.reject('malformed', () => `resourceSpans[${r}]: not an object`);
      continue;
    }
    let ctx: ResourceContext;
    try {
      const resourceAttributes = flattenAttributes(rs.resource?.attributes);
      ctx = {
        resolve: options,
        resourceAttributes,
        serviceName: resourceAttributes['service.name'] ?? '',
        resourceFunction: resolveFunction(layeredLookup(resourceAttributes), options),
        resourceIsFaas: hasFaasSemantics(layeredLookup(resourceAttributes)),
        cache: new Map(),
        lastIdentity: SPAN_IDENTITY_KEYS.map(() => undefined),
        lastFunction: undefined,
        lastIsFaas: false,
        lastKnown: false,
      };
    } catch {
      rejects.reject('malformed', () => `resourceSpans[${r}]: malformed resource`, countSpans(rs));
      continue;
    }
    const scopeSpans = Array.isArray(rs.scopeSpans) ? rs.scopeSpans : [];
    for (let s = 0; s < scopeSpans.length; s++) {
      const ss = scopeSpans[s];
      if (!isMessage(ss)) {
        rejects.reject('malformed', () => `resourceSpans[${r}].scopeSpans[${s}]: not an object`);
        continue;
      }
      if (!Array.isArray(ss.spans)) continue;
      const scope = ss.scope && typeof ss.scope === 'object' ? ss.scope : undefined;
      const scopeName = typeof scope?.name === 'string' ? scope.name : '';
      const scopeVersion = typeof scope?.version === 'string' ? scope.version : '';
      const spans = ss.spans;
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i];
        if (!isMessage(span)) {
          rejects.reject('malformed', () => `${spanPath(r, s, i)}: not an object`);
          continue;
        }
        try {
          normaliseSpan(
            span,
            ctx,
            scopeName,
            scopeVersion,
            r,
            s,
            i,
            out,
            unplaced,
            namedTraces,
            sampled,
            unidentified,
            rejects,
          );
        } catch (e) {
          rejects.reject('malformed', () => `${spanPath(r, s, i)}: ${(e as Error).message}`);
        }
      }
    }
  }
  settleUnidentified(out, unidentified, rejects, options.lambdaAccounts);
  dropNestedInvocations(out, unplaced, namedTraces);
  if (sampled.length > 0) {
    const kept = new Set(out.invocations);
    for (const { invocation, p } of sampled) {
      if (kept.has(invocation)) out.headSampled.set(invocation.functionId, p);
    }
  }
  return { ...out, ...rejectReport(rejects) };
}

/**
 * The spans of Lambda functions named without an account, now that the request's spans that name
 * one are learnt: filed under the one function known with their region and name, else refused as
 * `missing_identity` with their invocation (not stored as a second function of account '').
 */
function settleUnidentified(
  out: NormalisedTraces,
  unidentified: readonly Unidentified[],
  rejects: RejectCollector,
  accounts: LambdaAccountLookup | undefined,
): void {
  if (unidentified.length === 0) return;
  const settled = new Map<ResolvedFunction, ResolvedFunction>();
  const refused = new Set<SpanRow | InvocationRecord>();
  for (const u of unidentified) {
    let fn = settled.get(u.fn);
    if (fn === undefined) {
      fn = lambdaWithoutAccount(u.fn.region, u.fn.name, u.fn.version, accounts);
      settled.set(u.fn, fn);
    }
    const why = fn.missingIdentity;
    if (why !== undefined) {
      refused.add(u.row);
      if (u.invocation !== undefined) refused.add(u.invocation);
      rejects.reject('missing_identity', () => `${u.where}: ${why}`);
      continue;
    }
    u.row.functionId = fn.functionId;
    if (u.invocation !== undefined) {
      u.invocation.functionId = fn.functionId;
      u.invocation.account = fn.account;
    }
  }
  if (refused.size === 0) return;
  out.spans = out.spans.filter((row) => !refused.has(row));
  out.invocations = out.invocations.filter((inv) => !refused.has(inv));
}

/** Whether a stored span is one that names its invocation (the one invocationOf would name). */
function namesInvocation(row: SpanRow): boolean {
  if (row.kind !== 'server' && row.kind !== 'consumer') return false;
  const sa = row.spanAttributes;
  const ra = row.resourceAttributes;
  return (
    pick(sa['faas.invocation_id'], ra['faas.invocation_id']) !== undefined ||
    pick(sa['faas.execution'], ra['faas.execution']) !== undefined
  );
}

/**
 * Drops the invocations that are pieces of another, not invocations. A span that names its
 * invocation (faas.invocation_id) is kept: duplicates of one id collapse in storage. Without a name:
 * - flags that do not place the parent: a parent in the request of the same function makes it a
 *   piece (the per-message CONSUMER spans under an SQS batch span, a nested SERVER span): counting
 *   it would count the invocation again under its own span id, which no dedup can catch. A parent
 *   of another function is a caller (a collector exports several services' spans together): its
 *   callee's invocation is kept.
 * - flags that call the parent remote: remote only to the HTTP instrumentation, when the parent
 *   came in a traceparent header. A Lambda behind an in-process proxy (aws-serverless-express,
 *   serverless-http) gives each invocation the aws-lambda span, named, and an http SERVER span
 *   under the proxy's CLIENT span, in the same process: counted twice, the spans out-counted the
 *   REPORT lines of the minute. Such a span is a piece when, going up through spans of the same
 *   function, it is under a span of that function that names its invocation: the process names
 *   its invocations, and a real new invocation of the function (calling itself) has its own name.
 *   Under a span of another function (A calling B over HTTP) it is B's invocation and kept.
 * - a parent elsewhere is remote (API Gateway, the Knative queue-proxy, a calling service) or the
 *   invocation span of the same process exported apart. Nothing in the span tells them apart, and
 *   it is kept: dropping it on Lambda, where instrumentation-aws-lambda names every invocation, lost
 *   every request of a Lambda instrumented for HTTP only (Lambda Web Adapter), which names none. So
 *   a nested span is caught when the request holds its ancestors up to the named span: the Lambda
 *   layer flushes an invocation's spans together when it ends; a SimpleSpanProcessor, or a batch
 *   split at maxExportBatchSize, exports the nested span (which ends first) before its invocation,
 *   and it is counted again. An SDK that sends flags 0 may likewise count a nested span exported
 *   apart twice.
 * docs/decisions.md "OpenTelemetry FaaS quirks".
 */
function dropNestedInvocations(
  out: NormalisedTraces,
  unplaced: UnplacedInvocations,
  namedTraces: NamedTraces,
): void {
  if (unplaced.size === 0) return;
  let bySpan: Map<string, SpanRow> | undefined;
  // Each span's verdict once (the spans of a walk share it): walking up afresh for every remote
  // span took 16,000 such spans of one function whose parents loop 52 s.
  const underNamed = new Map<SpanRow, boolean>();
  const isUnderNamed = (spans: Map<string, SpanRow>, start: SpanRow): boolean => {
    const path: SpanRow[] = [];
    const onPath = new Set<SpanRow>();
    let row: SpanRow | undefined = start;
    let verdict = false;
    while (row !== undefined) {
      const known = underNamed.get(row);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      // Parent ids from the wire may form a loop, and nothing on it names an invocation.
      if (onPath.has(row)) break;
      if (namesInvocation(row)) {
        verdict = true;
        break;
      }
      path.push(row);
      onPath.add(row);
      const parent: SpanRow | undefined =
        row.parentSpanId === '' ? undefined : spans.get(`${row.traceId}/${row.parentSpanId}`);
      row = parent !== undefined && parent.functionId === row.functionId ? parent : undefined;
    }
    for (const r of path) underNamed.set(r, verdict);
    return verdict;
  };
  const keep = (inv: InvocationRecord): boolean => {
    const span = unplaced.get(inv);
    if (span === undefined || span.named) return true;
    // Most remote parents are callers (every request of an HTTP service): the request is only
    // indexed when one of them is in a trace with a named invocation.
    if (span.remote && !namedTraces.has(inv.traceId)) return true;
    bySpan ??= new Map(out.spans.map((s) => [`${s.traceId}/${s.spanId}`, s]));
    const parent = bySpan.get(`${inv.traceId}/${span.parentSpanId}`);
    if (parent === undefined || parent.functionId !== inv.functionId) return true;
    return span.remote ? !isUnderNamed(bySpan, parent) : false;
  };
  if (out.invocations.some((inv) => !keep(inv))) out.invocations = out.invocations.filter(keep);
}
