import { azureBilledMemoryMb, SeededRandom } from '@fleetscope/model';
import type { OtlpKeyValue, OtlpSpan, OtlpTraceRequest } from '@fleetscope/otlp';
import { functionKey } from './azure-trace.reader';
import {
  AzureTraceFormatError,
  type AzureDurationPercentiles,
  type AzureInvocation2021,
  type AzureInvocationCounts,
  type AzureMemoryPercentiles,
  type PercentilePoint,
} from './azure-trace.types';

const SPAN_KIND_SERVER = 2;
const MIN_DURATION_MS = 0.001;
/** Hashes are 64 hex digits; 16 (64 bits) keep names legible, and a collision is refused. */
const SHORT_ID_LENGTH = 16;

export interface AzureSynthesisOptions {
  /** Epoch ms of minute 1 of the trace (midnight UTC of --day). */
  dayStartMs: number;
  /** Seed of the draws; each function's draws also depend on its own ids, not on file order. */
  seed: number;
  /** Spans per OTLP request. */
  batchSpans: number;
  /** Put before account and function names, e.g. 'demo-' so demo data says what it is. */
  namePrefix?: string;
  /**
   * At most this many invocations per minute: a small sample of a busy trace whose idle minutes
   * (and so its keep-alive replay) stay exactly those of the file. Unset: every invocation.
   */
  capPerMinute?: number;
}

/** One OTLP/HTTP export request and where it is in the trace. */
export interface SynthesisedBatch {
  request: OtlpTraceRequest;
  spans: number;
  /** Highest trace minute (0-based) the batch holds: pacing (--speed-up) waits for it. */
  minute: number;
}

/** Where a function of the trace lands in Fleetscope, as the OTLP resource says it. */
export interface AzureFunctionResource {
  account: string;
  /** The app: the trace has no region, and apps group functions as regions do. */
  region: string;
  name: string;
  attributes: OtlpKeyValue[];
}

const str = (key: string, value: string): OtlpKeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): OtlpKeyValue => ({ key, value: { intValue: value } });

/** Value at probability u of the piecewise-linear distribution through the percentile points. */
export function drawFromPercentiles(points: readonly PercentilePoint[], u: number): number {
  if (points.length === 0) return 0;
  if (u <= points[0].p) return points[0].value;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (u <= b.p) {
      return b.p === a.p ? b.value : a.value + ((u - a.p) / (b.p - a.p)) * (b.value - a.value);
    }
  }
  return points[points.length - 1].value;
}

/** FNV-1a of a string: a function's own seed, whatever order the file lists functions in. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The id stream of a function on the import's day (see FunctionState.ids). */
function idRandom(key: string, options: AzureSynthesisOptions): SeededRandom {
  return new SeededRandom(hash32(`${key}@${options.dayStartMs}`) ^ options.seed);
}

/** Shortens hashed ids and refuses two different ids that shorten alike. */
class ShortIds {
  private readonly byShort = new Map<string, string>();

  get(scope: string, id: string): string {
    const short = id.length > SHORT_ID_LENGTH ? id.slice(0, SHORT_ID_LENGTH) : id;
    const key = `${scope}\u0000${short}`;
    const earlier = this.byShort.get(key);
    if (earlier !== undefined && earlier !== id) {
      throw new Error(`ids ${earlier} and ${id} share their first ${SHORT_ID_LENGTH} characters`);
    }
    this.byShort.set(key, id);
    return short;
  }
}

function resourceOf(
  ids: ShortIds,
  owner: string,
  app: string,
  func: string,
  prefix: string,
): AzureFunctionResource {
  const account = owner === '' ? prefix.replace(/-$/, '') : `${prefix}${ids.get('owner', owner)}`;
  const region = ids.get(`app/${owner}`, app);
  const name = `${prefix}${ids.get(`func/${owner}/${app}`, func)}`;
  return {
    account,
    region,
    name,
    // No service.name: the app is the region here, and a service.name would name it again in the
    // function's name, as the resolver takes it for the site's when there is no ARM id.
    attributes: [
      str('cloud.provider', 'azure'),
      str('cloud.platform', 'azure.functions'),
      ...(account === '' ? [] : [str('cloud.account.id', account)]),
      str('cloud.region', region),
      str('faas.name', name),
    ],
  };
}

/** Nanoseconds since the epoch as a decimal string, from whole ms and the nanoseconds beyond. */
function nanos(ms: number, subMsNanos: number): string {
  return `${ms}${String(subMsNanos).padStart(6, '0')}`;
}

interface FunctionState {
  resource: AzureFunctionResource;
  /** Start instants, durations and memory: the same whatever --day the trace lands on. */
  random: SeededRandom;
  /**
   * Trace and span ids: also seeded by the day, so the k-th invocation of a function gets other
   * ids on another --day (or in another day's file) and the collector, which drops a span whose
   * ids it has just stored, keeps it; the same import of the same day sends the same ids again.
   */
  ids: SeededRandom;
  durations: PercentilePoint[] | undefined;
  memory: PercentilePoint[] | undefined;
}

class BatchBuilder {
  private resourceSpans: { resource: { attributes: OtlpKeyValue[] }; spans: OtlpSpan[] }[] = [];
  private byResource = new Map<AzureFunctionResource, OtlpSpan[]>();
  private count = 0;

  constructor(private readonly batchSpans: number) {}

  add(resource: AzureFunctionResource, span: OtlpSpan): void {
    let spans = this.byResource.get(resource);
    if (spans === undefined) {
      spans = [];
      this.byResource.set(resource, spans);
      this.resourceSpans.push({ resource: { attributes: resource.attributes }, spans });
    }
    spans.push(span);
    this.count++;
  }

  get full(): boolean {
    return this.count >= this.batchSpans;
  }

  take(minute: number): SynthesisedBatch | undefined {
    if (this.count === 0) return undefined;
    const batch: SynthesisedBatch = {
      request: {
        resourceSpans: this.resourceSpans.map((rs) => ({
          resource: rs.resource,
          scopeSpans: [{ scope: { name: 'fleetscope-import-azure-functions' }, spans: rs.spans }],
        })),
      },
      spans: this.count,
      minute,
    };
    this.resourceSpans = [];
    this.byResource = new Map();
    this.count = 0;
    return batch;
  }
}

function span(
  state: FunctionState,
  startMs: number,
  subMsNanos: number,
  durationMs: number,
  trigger: string,
  memoryMb: number | undefined,
): OtlpSpan {
  // The ids once came from the draws' stream: it still advances past them, so that the draws
  // after them (durations, memory: the demo's figures) are those of every earlier import.
  state.random.hex(24);
  const durationNanos = Math.round(durationMs * 1e6);
  const endSub = subMsNanos + durationNanos;
  const attributes: OtlpKeyValue[] = [];
  if (trigger !== '') attributes.push(str('faas.trigger', trigger));
  // faas.max_memory is bytes (semconv).
  if (memoryMb !== undefined) attributes.push(int('faas.max_memory', memoryMb * 1048576));
  return {
    traceId: state.ids.hex(16),
    spanId: state.ids.hex(8),
    name: state.resource.name,
    kind: SPAN_KIND_SERVER,
    startTimeUnixNano: nanos(startMs, subMsNanos),
    endTimeUnixNano: nanos(startMs + Math.floor(endSub / 1e6), endSub % 1e6),
    attributes,
  };
}

/**
 * Invocation cells (function × minute with a count) held at once while a 2019 file is streamed:
 * 8 bytes each, 32 MB. A day of the public trace has a few million; a larger file is read again
 * for each further stretch of minutes that fits.
 */
export const CELLS_PER_PASS_2019 = 4_000_000;

/** FNV-1a on from a row's hash32 over its counts: another count in any minute changes it. */
function rowFingerprint(hash: number, counts: Uint32Array): number {
  let h = hash;
  for (const count of counts) {
    h ^= count;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Function2019 extends FunctionState {
  trigger: string;
  /** rowFingerprint of the row added: a row read again must be the same. */
  fingerprint: number;
}

/**
 * The 2019 trace as OTLP spans: each minute exactly its count of invocations, started at seeded
 * random instants of that minute; durations drawn from the function's published percentiles (of
 * 30-second averages, cold start excluded, so a smoothed picture of the true spread) and memory
 * from its app's, rounded up as Azure bills it. Functions missing from the duration file get
 * spans without a duration (stored as unknown). Batches come minute after minute, and within a
 * minute in the file's order of functions: each minute needs every row, so the file's rows are
 * added first (add: what each function draws with, and how many cells each minute has), then
 * its counts are read again, a stretch of minutes at a time (batches).
 */
export class Azure2019Synthesiser {
  /**
   * What only adding rows needs (names, by the files' full ids; the percentile files): let go
   * once the batches begin, as the functions hold what they draw with.
   */
  private adding:
    | {
        ids: ShortIds;
        resources: Map<string, AzureFunctionResource>;
        durations: ReadonlyMap<string, AzureDurationPercentiles>;
        memory: ReadonlyMap<string, AzureMemoryPercentiles>;
      }
    | undefined;
  private readonly functions: Function2019[] = [];
  private readonly active = new Set<AzureFunctionResource>();
  private readonly builder: BatchBuilder;
  /** Per minute, the functions with a count in it. */
  private cellsPerMinute = new Uint32Array(0);
  private readonly cap: number;
  /** Invocations to send (after capPerMinute). */
  invocations = 0;

  constructor(
    durations: ReadonlyMap<string, AzureDurationPercentiles>,
    memory: ReadonlyMap<string, AzureMemoryPercentiles>,
    private readonly options: AzureSynthesisOptions,
  ) {
    this.adding = { ids: new ShortIds(), resources: new Map(), durations, memory };
    this.builder = new BatchBuilder(options.batchSpans);
    this.cap = options.capPerMinute ?? Infinity;
  }

  /** Functions (owner/app/func) with an invocation in the file: rows without one name no span. */
  get functionCount(): number {
    return this.active.size;
  }

  /** Adds the file's next row (rows in file order): its function's draws, names and counts. */
  add(row: AzureInvocationCounts): void {
    const { options, adding } = this;
    if (adding === undefined) throw new Error('a row added after the batches began');
    const key = functionKey(row);
    let resource = adding.resources.get(key);
    if (resource === undefined) {
      resource = resourceOf(adding.ids, row.owner, row.app, row.func, options.namePrefix ?? '');
      adding.resources.set(key, resource);
    }
    const seed = hash32(`${key}/${row.trigger}`);
    this.functions.push({
      resource,
      trigger: row.trigger,
      fingerprint: rowFingerprint(seed, row.counts),
      random: new SeededRandom(seed ^ options.seed),
      ids: idRandom(`${key}/${row.trigger}`, options),
      durations: adding.durations.get(key)?.points,
      memory: adding.memory.get(`${row.owner}/${row.app}`)?.points,
    });
    if (this.cellsPerMinute.length < row.counts.length) {
      const longer = new Uint32Array(row.counts.length);
      longer.set(this.cellsPerMinute);
      this.cellsPerMinute = longer;
    }
    for (let m = 0; m < row.counts.length; m++) {
      const count = row.counts[m];
      if (count === 0) continue;
      this.cellsPerMinute[m]++;
      this.invocations += Math.min(count, this.cap);
      this.active.add(resource);
    }
  }

  /**
   * The spans, minute after minute, of the rows added, read again (`read`: the same rows in the
   * same order) once per stretch of minutes whose cells fit in `cellsPerPass`. Throws if a row
   * read again is not the one added (the file changed while it was read).
   */
  async *batches(
    read: () => AsyncIterable<AzureInvocationCounts>,
    file: string,
    cellsPerPass = CELLS_PER_PASS_2019,
  ): AsyncGenerator<SynthesisedBatch> {
    for (const stretch of this.stretches(file, cellsPerPass)) {
      for await (const row of read()) stretch.place(row);
      yield* stretch.spans();
    }
    const last = this.finish();
    if (last) yield last;
  }

  /** batches over rows held, in one pass. */
  *batchesOf(rows: Iterable<AzureInvocationCounts>): Generator<SynthesisedBatch> {
    for (const stretch of this.stretches('rows', Infinity)) {
      for (const row of rows) stretch.place(row);
      yield* stretch.spans();
    }
    const last = this.finish();
    if (last) yield last;
  }

  private finish(): SynthesisedBatch | undefined {
    return this.builder.take(this.cellsPerMinute.length - 1);
  }

  /** Consecutive minutes, as many as fit in `cellsPerPass` (at least one), to the file's end. */
  private *stretches(file: string, cellsPerPass: number): Generator<MinuteStretch> {
    this.adding = undefined;
    const perMinute = this.cellsPerMinute;
    for (let from = 0; from < perMinute.length;) {
      let to = from;
      let cells = 0;
      while (to < perMinute.length && (to === from || cells + perMinute[to] <= cellsPerPass)) {
        cells += perMinute[to++];
      }
      yield new MinuteStretch(this, from, to, perMinute, file);
      from = to;
    }
  }

  /** Whether a row read again is the f-th row added: the same function and counts. */
  isFunction(f: number, row: AzureInvocationCounts): boolean {
    const seed = hash32(`${functionKey(row)}/${row.trigger}`);
    return this.functions[f]?.fingerprint === rowFingerprint(seed, row.counts);
  }

  get size(): number {
    return this.functions.length;
  }

  /** The spans of `count` invocations of the f-th function in minute m (0-based). */
  *minute(m: number, f: number, count: number): Generator<SynthesisedBatch> {
    const { options, builder } = this;
    const minuteStartMs = options.dayStartMs + m * 60_000;
    const state = this.functions[f];
    const r = state.random;
    const n = Math.min(count, this.cap);
    for (let i = 0; i < n; i++) {
      const offsetNanos = Math.floor(r.next() * 60e9);
      // A drawn 0 ms is a real sub-millisecond run; 0 would be stored as "unknown".
      const durationMs = state.durations
        ? Math.max(MIN_DURATION_MS, drawFromPercentiles(state.durations, r.next()))
        : 0;
      // Consumption bills each execution's observed memory rounded up to 128 MB (at most 1,536).
      const memoryMb = state.memory
        ? azureBilledMemoryMb(drawFromPercentiles(state.memory, r.next()))
        : undefined;
      builder.add(
        state.resource,
        span(
          state,
          minuteStartMs + Math.floor(offsetNanos / 1e6),
          offsetNanos % 1e6,
          durationMs,
          state.trigger,
          memoryMb,
        ),
      );
      if (builder.full) yield builder.take(m)!;
    }
  }
}

/**
 * The counts of minutes [from, to) of a 2019 file, as its rows are read again: per minute, the
 * functions with a count in it (index in the file, count), in file order.
 */
class MinuteStretch {
  private readonly functions: Uint32Array;
  private readonly counts: Uint32Array;
  /** Cells of minute from + i: offsets[i] to offsets[i + 1]. */
  private readonly offsets: number[] = [0];
  private readonly next: number[];
  private row = 0;
  private line = 0;

  constructor(
    private readonly synthesiser: Azure2019Synthesiser,
    private readonly from: number,
    private readonly to: number,
    cellsPerMinute: Uint32Array,
    private readonly file: string,
  ) {
    for (let m = from; m < to; m++) this.offsets.push(this.offsets.at(-1)! + cellsPerMinute[m]);
    this.next = this.offsets.slice(0, -1);
    this.functions = new Uint32Array(this.offsets.at(-1)!);
    this.counts = new Uint32Array(this.offsets.at(-1)!);
  }

  place(row: AzureInvocationCounts): void {
    const f = this.row++;
    this.line = row.line;
    if (!this.synthesiser.isFunction(f, row)) throw this.changed();
    for (let m = this.from; m < this.to; m++) {
      const count = row.counts[m] ?? 0;
      if (count === 0) continue;
      const at = this.next[m - this.from]++;
      if (at >= this.offsets[m - this.from + 1]) throw this.changed();
      this.functions[at] = f;
      this.counts[at] = count;
    }
  }

  /** The spans of the stretch, once every row is placed. */
  *spans(): Generator<SynthesisedBatch> {
    if (
      this.row !== this.synthesiser.size ||
      this.next.some((at, i) => at !== this.offsets[i + 1])
    ) {
      throw this.changed();
    }
    for (let m = this.from; m < this.to; m++) {
      for (let at = this.offsets[m - this.from]; at < this.offsets[m - this.from + 1]; at++) {
        yield* this.synthesiser.minute(m, this.functions[at], this.counts[at]);
      }
    }
  }

  private changed(): AzureTraceFormatError {
    return new AzureTraceFormatError(this.file, this.line, 'the file changed while it was read');
  }
}

/** Azure2019Synthesiser over rows held (small files: samples, the demo's). */
export function* synthesiseAzure2019(
  rows: readonly AzureInvocationCounts[],
  durations: ReadonlyMap<string, AzureDurationPercentiles>,
  memory: ReadonlyMap<string, AzureMemoryPercentiles>,
  options: AzureSynthesisOptions,
): Generator<SynthesisedBatch> {
  const synthesiser = new Azure2019Synthesiser(durations, memory, options);
  for (const row of rows) synthesiser.add(row);
  yield* synthesiser.batchesOf(rows);
}

/**
 * The 2021 per-invocation trace as OTLP spans: each invocation at its own start (end_timestamp −
 * duration, seconds after minute 1 of the day) with its own duration. The trace names no owner
 * and no trigger. Batches follow the order rows are added in (start order: byStart2021).
 */
export class Azure2021Synthesiser {
  private readonly ids = new ShortIds();
  private readonly states = new Map<string, FunctionState>();
  private readonly builder: BatchBuilder;
  private minute = 0;

  constructor(private readonly options: AzureSynthesisOptions) {
    this.builder = new BatchBuilder(options.batchSpans);
  }

  /** Adds one invocation; returns the batch it filled, if it did. */
  add(row: AzureInvocation2021): SynthesisedBatch | undefined {
    const { options } = this;
    const key = `${row.app}/${row.func}`;
    let state = this.states.get(key);
    if (state === undefined) {
      state = {
        resource: resourceOf(this.ids, '', row.app, row.func, options.namePrefix ?? ''),
        random: new SeededRandom(hash32(key) ^ options.seed),
        ids: idRandom(key, options),
        durations: undefined,
        memory: undefined,
      };
      this.states.set(key, state);
    }
    const startNanos = Math.round(row.startSeconds * 1e9);
    const startMs = options.dayStartMs + Math.floor(startNanos / 1e6);
    this.minute = Math.max(this.minute, Math.floor(row.startSeconds / 60));
    this.builder.add(
      state.resource,
      span(
        state,
        startMs,
        ((startNanos % 1e6) + 1e6) % 1e6,
        row.durationSeconds * 1000,
        '',
        undefined,
      ),
    );
    return this.builder.full ? this.builder.take(this.minute) : undefined;
  }

  /** The last, partly filled batch, if any. */
  finish(): SynthesisedBatch | undefined {
    return this.builder.take(this.minute);
  }
}

/** Azure2021Synthesiser over rows in start order. */
export function* synthesiseAzure2021(
  rows: Iterable<AzureInvocation2021>,
  options: AzureSynthesisOptions,
): Generator<SynthesisedBatch> {
  const synthesiser = new Azure2021Synthesiser(options);
  for (const row of rows) {
    const batch = synthesiser.add(row);
    if (batch) yield batch;
  }
  const last = synthesiser.finish();
  if (last) yield last;
}

/** synthesiseAzure2021 over rows read as they come (a file streamed, inStartOrder2021). */
export async function* synthesiseAzure2021Stream(
  rows: AsyncIterable<AzureInvocation2021>,
  options: AzureSynthesisOptions,
): AsyncGenerator<SynthesisedBatch> {
  const synthesiser = new Azure2021Synthesiser(options);
  for await (const row of rows) {
    const batch = synthesiser.add(row);
    if (batch) yield batch;
  }
  const last = synthesiser.finish();
  if (last) yield last;
}

/** Epoch ms at which an invocation of the 2021 trace starts, as the synthesiser places it. */
export function azure2021StartMs(row: AzureInvocation2021, dayStartMs: number): number {
  return dayStartMs + Math.floor(Math.round(row.startSeconds * 1e9) / 1e6);
}
