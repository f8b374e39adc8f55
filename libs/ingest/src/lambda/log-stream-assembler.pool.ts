import type { LambdaStreamContext, LambdaStreamOptions } from './log-stream.assembler';
import { LambdaLogStreamAssembler } from './log-stream.assembler';
import type { IngestResult } from '../common/ingest-result';
import { RecentMap } from '../common/recent-map';

/** Pool key of a stream: function id + sandbox. */
export function lambdaStreamKey(functionId: string, instance: string): string {
  return `${functionId}|${instance}`;
}

export interface LambdaLogStreamAssemblerPoolOptions extends LambdaStreamOptions {
  /** Streams kept at most; the least recently used is dropped first. Default 10,000. */
  maxStreams?: number;
}

/**
 * The assemblers of many log streams, kept across deliveries so that per-sandbox state (an INIT
 * before the first invocation, a reset after a timeout) survives a batch boundary. Bounded: a
 * sandbox lives at most a few hours, and a dropped stream only loses that small state.
 * One pool per process (the collector owns it); the ingest functions take it as an option and
 * work without one (state then lives for one call).
 */
/** A stream a captured parse touched: how to put it back (null: the parse created it). */
interface Touched {
  assembler: LambdaLogStreamAssembler;
  restore: (() => void) | null;
}

export class LambdaLogStreamAssemblerPool {
  private readonly streams: RecentMap<string, LambdaLogStreamAssembler>;
  private readonly streamOptions: LambdaStreamOptions;
  /** Set while capture() runs a parse. */
  private touched: Map<string, Touched> | undefined;
  private readonly createdListeners: ((key: string) => void)[] = [];
  private readonly droppedListeners: ((key: string) => void)[] = [];

  constructor(options: LambdaLogStreamAssemblerPoolOptions = {}) {
    this.streams = new RecentMap(Math.max(1, options.maxStreams ?? 10_000));
    this.streamOptions = {
      includePlatformLogs: options.includePlatformLogs,
      proactiveInitGapMs: options.proactiveInitGapMs,
    };
  }

  get size(): number {
    return this.streams.size;
  }

  /** Whether the stream `key` (function id + instance) has state here. */
  has(key: string): boolean {
    return this.streams.has(key);
  }

  /** Calls `listener` with the key of every stream get() creates, as it creates it. */
  onStreamCreated(listener: (key: string) => void): void {
    this.createdListeners.push(listener);
  }

  /** Calls `listener` with the key of every stream an undo (capture()) takes back out. */
  onStreamDropped(listener: (key: string) => void): void {
    this.droppedListeners.push(listener);
  }

  /**
   * The assembler of `ctx`'s stream (function id + instance), created on first use. Without an
   * instance, a new one that is not kept: the deliveries of an unnamed sandbox may come from any
   * sandbox of the function, and one's state (the reset after a timeout, an INIT) would classify
   * another's invocations (a timeout in one made the next invocation of any other a cold start).
   * Its state then lives for one delivery; an Init Duration still marks a cold start.
   */
  get(key: string, ctx: LambdaStreamContext): LambdaLogStreamAssembler {
    if (ctx.instance === '') return new LambdaLogStreamAssembler(ctx, this.streamOptions);
    let assembler = this.streams.get(key);
    const created = !assembler;
    if (assembler) {
      if (this.touched && !this.touched.has(key))
        this.touched.set(key, { assembler, restore: assembler.saveState() });
    } else {
      assembler = new LambdaLogStreamAssembler(ctx, this.streamOptions);
      if (this.touched && !this.touched.has(key))
        this.touched.set(key, { assembler, restore: null });
    }
    this.streams.set(key, assembler);
    if (created) for (const listener of this.createdListeners) listener(key);
    return assembler;
  }

  /**
   * Runs the parse of one delivery and returns with its result an `undo` that puts every stream
   * the parse touched back as it was. Call it when the delivery was not stored: its sender sends
   * it again, and the second parse must find the state the first one used up (the reset after a
   * timeout, an INIT), as the scrapes' and the OTLP metrics' state is undone. A stream another
   * delivery has moved on since is left as it is. `parse` must be synchronous.
   */
  capture<T>(parse: () => T): { result: T; undo: () => void } {
    const touched = new Map<string, Touched>();
    this.touched = touched;
    let result: T;
    try {
      result = parse();
    } finally {
      this.touched = undefined;
    }
    const revisions = new Map([...touched].map(([key, t]) => [key, t.assembler.revision]));
    const undo = (): void => {
      for (const [key, { assembler, restore }] of touched) {
        if (assembler.revision !== revisions.get(key)) continue;
        if (restore === null) {
          if (this.streams.get(key) === assembler) {
            this.streams.delete(key);
            for (const listener of this.droppedListeners) listener(key);
          }
        } else {
          restore();
          if (!this.streams.has(key)) this.streams.restore(key, assembler);
        }
      }
    };
    return { result, undo };
  }

  /** Drops streams whose last record is older than `olderThanMs` (epoch ms); returns how many. */
  evictIdle(olderThanMs: number, into?: IngestResult): number {
    let n = 0;
    for (const [key, assembler] of this.streams.entries()) {
      if (assembler.lastSeenMs < olderThanMs) {
        if (into) assembler.drainInto(into);
        this.streams.delete(key);
        n++;
      }
    }
    return n;
  }
}
