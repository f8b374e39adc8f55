import type { FunctionIdentity } from '@fleetscope/model';
import { functionId } from '@fleetscope/model';
import type { LambdaLogStreamAssemblerPool } from '../log-stream-assembler.pool';
import { lambdaStreamKey } from '../log-stream-assembler.pool';
import { parseTelemetryEventObject } from '../telemetry-event.parser';

/** How a held delivery was let through: a delivery of its sandbox was parsed, or the wait ran out. */
export type SandboxInitWaitOutcome = 'released' | 'timed_out';

export interface SandboxInitGateOptions {
  /** The longest a delivery is held, ms; 0 holds none. */
  maxWaitMs: number;
  /** Bytes of bodies held at once; a delivery that would go beyond is not held. Default 16 MiB. */
  maxHeldBytes?: number;
}

/** The sandbox a Telemetry API delivery comes from, as its sender names it. */
export interface TelemetrySandbox {
  identity: FunctionIdentity;
  /** '' when the sender does not name it: then nothing is held. */
  instance: string;
}

interface Held {
  timer: NodeJS.Timeout;
  bytes: number;
  release: ((outcome: SandboxInitWaitOutcome) => void)[];
}

const DEFAULT_MAX_HELD_BYTES = 16 * 1024 * 1024;

/**
 * Sandboxes remembered as seen after the pool has let their state go (it keeps at most 10,000 by
 * default): a fleet with more live sandboxes than that would otherwise hold every batch of a
 * sandbox whose state was evicted, for maxWaitMs each time.
 */
const REMEMBERED_SANDBOXES = 100_000;

/**
 * Holds a sandbox's Telemetry API deliveries until the one with its platform.initStart has been
 * parsed, for at most maxWaitMs. The initStart alone names the version, runtime and start
 * (on-demand, provisioned, SnapStart) of every invocation of a sandbox, and the rows stored cannot
 * be corrected after: the per-minute aggregates are keyed by version. A forwarder that sends
 * batches concurrently, or retries one, can deliver the sandbox's first invocations before its
 * init; parsed first, they would be stored without its version and as warm starts.
 *
 * Held is a delivery of a sandbox this process has no state for (LambdaLogStreamAssemblerPool)
 * that carries events but no init record (platform.initStart or platform.restoreStart). It is
 * not acknowledged while held: the route answers once it is parsed and stored, as any other.
 * The sandbox's held deliveries go on, in the order they came, as soon as another delivery of
 * it is parsed, or all together once the first has waited maxWaitMs; later ones find the state
 * they leave and never wait. Bounded: a delivery waits at most maxWaitMs, the bodies held take at
 * most maxHeldBytes (one that would go beyond is not held), and only a sandbox's first
 * deliveries are read twice (JSON, for their event types).
 *
 * What a wait cannot cover: an initStart that comes later than maxWaitMs (a retry spaced by
 * Retry-After, a sender that forwards one batch at a time and lost the first), a sender that does
 * not name the sandbox (`instance`), and a collector restarted between the two (its pool is
 * empty; its first delivery of each sandbox then waits maxWaitMs once).
 */
export class SandboxInitGate {
  private readonly held = new Map<string, Held>();
  /** Sandboxes whose state the pool created, oldest first (at most REMEMBERED_SANDBOXES). */
  private readonly seen = new Set<string>();
  /** Of `seen`, those whose state was created for the first time, until another creation of it. */
  private readonly firstSeen = new Set<string>();
  private heldBytes = 0;
  private readonly maxWaitMs: number;
  private readonly maxHeldBytes: number;

  constructor(
    private readonly pool: LambdaLogStreamAssemblerPool,
    options: SandboxInitGateOptions,
  ) {
    this.maxWaitMs = Math.max(0, options.maxWaitMs);
    this.maxHeldBytes = Math.max(0, options.maxHeldBytes ?? DEFAULT_MAX_HELD_BYTES);
    pool.onStreamCreated((key) => {
      if (this.seen.has(key)) this.firstSeen.delete(key);
      else bounded(this.firstSeen, key);
      this.remember(key);
      this.release(key, 'released');
    });
    // A delivery not stored is parsed again when its sender retries: a sandbox first seen in it
    // is as if never seen; one seen before stays seen (its stream had only been evicted).
    pool.onStreamDropped((key) => {
      if (this.firstSeen.delete(key)) this.seen.delete(key);
    });
  }

  /** Bytes of the bodies held now. */
  get holding(): number {
    return this.heldBytes;
  }

  /**
   * Undefined when `body` (a Telemetry API batch from `sandbox`) may be parsed now; otherwise a
   * promise that resolves when it may, saying why.
   */
  wait(body: Buffer, sandbox: TelemetrySandbox): Promise<SandboxInitWaitOutcome> | undefined {
    if (!sandbox.instance || this.maxWaitMs === 0) return undefined;
    const key = lambdaStreamKey(functionId(sandbox.identity), sandbox.instance);
    if (this.pool.has(key) || this.seen.has(key)) return undefined;
    if (this.heldBytes + body.length > this.maxHeldBytes) return undefined;
    if (!lacksInit(body)) return undefined;
    let held = this.held.get(key);
    if (!held) {
      const timer = setTimeout(() => this.release(key, 'timed_out'), this.maxWaitMs);
      held = { timer, bytes: 0, release: [] };
      this.held.set(key, held);
    }
    held.bytes += body.length;
    this.heldBytes += body.length;
    const { release } = held;
    return new Promise((resolve) => release.push(resolve));
  }

  private remember(key: string): void {
    this.seen.delete(key);
    bounded(this.seen, key);
  }

  private release(key: string, outcome: SandboxInitWaitOutcome): void {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    clearTimeout(held.timer);
    this.heldBytes -= held.bytes;
    for (const resolve of held.release) resolve(outcome);
  }
}

/**
 * Whether a batch has events but no init record. Not a batch (a body the parser will refuse):
 * false, nothing to wait for.
 */
function lacksInit(body: Buffer): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return false;
  }
  const events = Array.isArray(value) ? (value as unknown[]) : [value];
  let any = false;
  for (const event of events) {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) continue;
    const parsed = parseTelemetryEventObject(event as Record<string, unknown>);
    if (typeof parsed === 'string') continue;
    if (parsed.event.kind === 'initStart' || parsed.event.kind === 'restoreStart') return false;
    any = true;
  }
  return any;
}

/** Adds `key` last to `set`, dropping its oldest key beyond REMEMBERED_SANDBOXES. */
function bounded(set: Set<string>, key: string): void {
  set.add(key);
  if (set.size > REMEMBERED_SANDBOXES) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}
