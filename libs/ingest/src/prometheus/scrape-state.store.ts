import type { FunctionMinuteRow, MetricPointRow } from '@fleetscope/model';
import type { PrometheusParseError, PrometheusParseResult } from './exposition.types';
import { parsePrometheusText } from './exposition-text.parser';
import type { SnapshotDiff, VanishedSeries } from './scrape-delta';
import { diffSnapshots, vanishedSince } from './scrape-delta';
import type { ScrapeSnapshot } from './scrape-snapshot';
import { RecentMap } from '../common/recent-map';

/** Why a scrape was refused; the HTTP layer answers 400 with `message` and counts by reason. */
export type ScrapeRejectReason = 'invalid_time' | 'no_samples' | 'out_of_order';

/** The outcome of feeding one scrape to a differ. */
export type ScrapeIngestResult =
  | {
      ok: true;
      /**
       * 'interval': rows describe (startMs, endMs]. 'baseline': first scrape of the target, or the
       * first after a gap longer than `maxIntervalMs`; it is remembered and yields no rows.
       */
      kind: 'interval' | 'baseline';
      startMs: number;
      endMs: number;
      rows: FunctionMinuteRow[];
      /** Gauges of this scrape (replicas, pods) as metric points tied to their function. */
      gauges: MetricPointRow[];
      /** Series whose counters went back (exporter restart), handled as counting from zero. */
      counterResets: number;
      parseErrorCount: number;
      parseErrors: PrometheusParseError[];
    }
  | {
      ok: false;
      reason: ScrapeRejectReason;
      message: string;
      parseErrorCount: number;
      parseErrors: PrometheusParseError[];
    };

export type ScrapeFailure = Extract<ScrapeIngestResult, { ok: false }>;

/**
 * Parses a scrape's text and checks what every differ needs: a time in epoch ms and at least one
 * sample. Returns the parse and its error counts, or the refusal to answer with.
 */
export function parseScrape(
  text: string,
  timeMs: number,
):
  | {
      ok: true;
      parsed: PrometheusParseResult;
      errors: Pick<ScrapeFailure, 'parseErrorCount' | 'parseErrors'>;
    }
  | ScrapeFailure {
  const parsed = parsePrometheusText(text);
  const errors = { parseErrorCount: parsed.errorCount, parseErrors: parsed.errors };
  if (!Number.isFinite(timeMs) || timeMs <= 0) {
    return {
      ok: false,
      reason: 'invalid_time',
      message: 'scrape time must be epoch milliseconds',
      ...errors,
    };
  }
  if (parsed.sampleCount === 0) {
    return {
      ok: false,
      reason: 'no_samples',
      message: 'the scrape holds no valid sample',
      ...errors,
    };
  }
  return { ok: true, parsed, errors };
}

export type ScrapeStep =
  | { kind: 'baseline' }
  | { kind: 'interval'; startMs: number; diff: SnapshotDiff }
  | { kind: 'out_of_order'; previousMs: number };

interface ScrapeState {
  snapshot: ScrapeSnapshot;
  timeMs: number;
  /** Series seen in an earlier scrape that this one lacks, kept for at most maxIntervalMs. */
  vanished?: VanishedSeries;
}

interface TargetState extends ScrapeState {
  /** The state this one replaced, so an interval whose rows were not stored can be undone. */
  previous?: ScrapeState;
}

/**
 * The key one exporter's previous scrape is kept under when the scrapes of `target` come from
 * several exporters, each pushing only its own series (queue-proxy sidecars behind one proxy).
 */
export function exporterTarget(target: string, exporter: string): string {
  return `${target}\u0000${exporter}`;
}

/** Missing series remembered per target at least; more when a scrape holds more series. */
const MIN_VANISHED = 1_000;

/**
 * The previous scrape of every target (gateway, cluster endpoint, pushing sidecar) a differ has
 * seen; the least recently seen are forgotten past `maxTargets`.
 */
export class ScrapeStateStore {
  private readonly targets: RecentMap<string, TargetState>;
  /** Scrapes whose exporters keep their own states (exporterTarget): when each was first seen. */
  private readonly streams: RecentMap<string, { sinceMs: number }>;

  /**
   * `rememberVanished`: diff a series missing from the previous scrape against its last value
   * (VanishedSeries), for targets whose series go missing while their counters keep counting
   * (Prometheus /federate, pods behind a Service). Off for one process's own exporter (an OpenFaaS
   * gateway), whose series are missing only until a function's first call after a restart, and
   * then count from zero.
   */
  constructor(
    private readonly maxIntervalMs: number,
    maxTargets = 10_000,
    private readonly rememberVanished = true,
  ) {
    this.targets = new RecentMap(maxTargets);
    this.streams = new RecentMap(maxTargets);
  }

  /**
   * Records a scrape of `target`, whose exporters keep their own states, at `timeMs`, and says
   * whether it falls in the warm-up: within maxIntervalMs of the first scrape of the target this
   * process saw. Every exporter that was running when watching began has sent a scrape by then,
   * so one first seen later has just started (see diffScrape). Not again after a silence: a
   * cluster of functions that scale to zero is silent by design, and the pods of its next burst
   * are new, their first pushes their first requests (a warm-up after each silence lost them); a
   * pod that ran through a silence was seen before it and keeps its own state.
   */
  warmingUp(target: string, timeMs: number): boolean {
    const stream = this.streams.get(target);
    const sinceMs = stream === undefined ? timeMs : Math.min(stream.sinceMs, timeMs);
    this.streams.set(target, { sinceMs });
    return timeMs - sinceMs <= this.maxIntervalMs;
  }

  /**
   * Records `snapshot` as the latest scrape of `target` and says what happened since the previous
   * one. With `fromZero`, a target seen for the first time is diffed against an empty scrape (the
   * caller knows the exporter has just started).
   */
  advance(target: string, snapshot: ScrapeSnapshot, timeMs: number, fromZero: boolean): ScrapeStep {
    const previous = this.targets.get(target);
    if (previous !== undefined && timeMs <= previous.timeMs) {
      return { kind: 'out_of_order', previousMs: previous.timeMs };
    }
    const continues = previous !== undefined && timeMs - previous.timeMs <= this.maxIntervalMs;
    // Bounded by the scrape's own size, so a push naming new series every time cannot grow it.
    const maxVanished = Math.max(MIN_VANISHED, snapshot.counters.size + snapshot.histograms.size);
    this.targets.set(target, {
      snapshot,
      timeMs,
      vanished:
        continues && this.rememberVanished
          ? vanishedSince(
              previous.snapshot,
              previous.timeMs,
              previous.vanished,
              snapshot,
              timeMs,
              this.maxIntervalMs,
              maxVanished,
            )
          : undefined,
      previous: previous && {
        snapshot: previous.snapshot,
        timeMs: previous.timeMs,
        vanished: previous.vanished,
      },
    });
    if (previous === undefined) {
      if (!fromZero) return { kind: 'baseline' };
      return {
        kind: 'interval',
        startMs: timeMs - Math.min(this.maxIntervalMs, 60_000),
        diff: diffSnapshots(undefined, snapshot),
      };
    }
    if (!continues) return { kind: 'baseline' };
    return {
      kind: 'interval',
      startMs: previous.timeMs,
      diff: diffSnapshots(
        previous.snapshot,
        snapshot,
        previous.vanished,
        timeMs - this.maxIntervalMs,
      ),
    };
  }

  /** The time of the latest scrape kept for `target`. */
  latestMs(target: string): number | undefined {
    return this.targets.get(target)?.timeMs;
  }

  forget(target: string): void {
    this.targets.delete(target);
    this.streams.delete(target);
  }

  /**
   * Takes back the scrape of `target` at `timeMs` when its rows could not be stored, so the next
   * scrape is diffed against the one before and the interval is not lost, and that of each of
   * its exporters (exporterTarget). Does nothing for a key with a later scrape recorded since.
   */
  undo(target: string, timeMs: number): void {
    this.undoOne(target, timeMs);
    // Only a failed store gets here, so a walk over the kept targets is cheap enough.
    const prefix = exporterTarget(target, '');
    for (const [key] of this.targets.entries()) {
      if (key.startsWith(prefix)) this.undoOne(key, timeMs);
    }
  }

  private undoOne(target: string, timeMs: number): void {
    const current = this.targets.get(target);
    if (current?.timeMs !== timeMs) return;
    if (current.previous) this.targets.restore(target, current.previous);
    else this.targets.delete(target);
  }

  get size(): number {
    return this.targets.size;
  }
}
