import type { MetricPointRow } from '@fleetscope/model';
import { classifyInit, countHttpOutcome, mergeBuckets } from '@fleetscope/model';
import type { PrometheusLabels } from '../prometheus/exposition.types';
import { gaugePointRow } from '../prometheus/gauge-point.row';
import type { IntervalTotals } from '../prometheus/interval-rows';
import { prometheusHistogramToLogBuckets } from '../prometheus/log-scale-buckets.converter';
import type { CounterDelta, HistogramDelta, SnapshotDiff } from '../prometheus/scrape-delta';
import type { ScrapeIngestResult } from '../prometheus/scrape-state.store';
import { ScrapeStateStore } from '../prometheus/scrape-state.store';
import type { ScrapeSelection, ScrapeSnapshot } from '../prometheus/scrape-snapshot';
import type { IntervalTotalsByKey } from '../prometheus/scrape.differ';
import { diffScrape } from '../prometheus/scrape.differ';
import type { KnativeRevisionRef } from './knative-revision.identity';
import { knativeRevisionFromLabels } from './knative-revision.identity';

/**
 * Legacy (OpenCensus-era, Knative ≤ 1.19) Prometheus names: queue-proxy, activator and autoscaler.
 * Latencies are in milliseconds (knative/docs serving metrics; queue-proxy stats_reporter.go).
 */
export const KNATIVE_METRICS = {
  requestCount: 'revision_request_count',
  requestLatencies: 'revision_request_latencies',
  appRequestCount: 'revision_app_request_count',
  appRequestLatencies: 'revision_app_request_latencies',
  activatorRequestCount: 'activator_request_count',
  activatorRequestLatencies: 'activator_request_latencies',
  actualPods: 'autoscaler_actual_pods',
} as const;

const GAUGES: Record<string, string> = {
  autoscaler_actual_pods: '{pod}',
  autoscaler_desired_pods: '{pod}',
  autoscaler_requested_pods: '{pod}',
  autoscaler_not_ready_pods: '{pod}',
  autoscaler_pending_pods: '{pod}',
  autoscaler_terminating_pods: '{pod}',
  autoscaler_panic_mode: '1',
  autoscaler_stable_request_concurrency: '{request}',
  autoscaler_panic_request_concurrency: '{request}',
  autoscaler_target_concurrency_per_pod: '{request}',
  activator_request_concurrency: '{request}',
  revision_queue_depth: '{request}',
};

const SELECTION: ScrapeSelection = {
  counters: [
    KNATIVE_METRICS.requestCount,
    KNATIVE_METRICS.appRequestCount,
    KNATIVE_METRICS.activatorRequestCount,
  ],
  histograms: [
    KNATIVE_METRICS.requestLatencies,
    KNATIVE_METRICS.appRequestLatencies,
    KNATIVE_METRICS.activatorRequestLatencies,
  ],
  gauges: Object.keys(GAUGES),
};

export interface KnativeScrapeDifferOptions {
  /** A longer silence between two scrapes of a target starts a new baseline. Default 15 minutes. */
  maxIntervalMs?: number;
  /**
   * Revisions whose autoscaler readings are kept at most; the least recently seen is forgotten
   * first. Default 10,000, as many as the targets whose previous scrape is kept.
   */
  maxRevisions?: number;
}

export interface KnativeScrape {
  /** The configured cluster name; it becomes the functions' region. */
  cluster: string;
  /**
   * Which endpoint was scraped (a Prometheus federation URL, the activator, the autoscaler, one
   * queue-proxy pod). Each target keeps its own previous scrape. Default 'default'.
   */
  target?: string;
  timeMs: number;
  text: string;
  /** Count the first scrape of this target from zero (e.g. a queue-proxy pod that just started). */
  fromZero?: boolean;
}

interface PodObservation {
  timeMs: number;
  pods: number;
}

function responseCode(labels: PrometheusLabels): number {
  const code = Number(labels.response_code);
  if (labels.response_code && Number.isFinite(code)) return code;
  const cls = labels.response_code_class;
  if (cls && cls.length === 3 && cls.endsWith('xx')) return Number(cls[0]) * 100;
  return 200;
}

const MAX_OBSERVATIONS = 8;

/**
 * Turns scrapes of Knative's legacy Prometheus metrics into per-minute rows per revision (source
 * 'knative'). Invocations and errors are the increase of the queue-proxy `revision_request_count`
 * (`revision_app_request_count` when the former is absent); errors and timeouts by status per
 * httpInvocationOutcome (@fleetscope/model); durations come from `revision_request_latencies` (else the app latencies).
 *
 * Cold starts (docs/decisions.md "Cold starts"): requests counted by the activator for a revision whose
 * `autoscaler_actual_pods` was 0 when the interval began (or at any autoscaler reading inside it).
 * This is an approximation: with the default target-burst-capacity the activator also stays in the
 * path for warm revisions with little spare capacity, but those are not counted unless the revision
 * had zero pods; all activator requests of a cold interval are counted, including ones queued behind
 * the first. The activator latency of those requests is the init duration: it covers the wait for a
 * pod plus the request's own service time. It needs the autoscaler's metrics; without them no cold
 * start is reported.
 */
export class KnativeScrapeDiffer {
  private readonly store: ScrapeStateStore;
  private readonly maxIntervalMs: number;
  private readonly maxRevisions: number;
  /**
   * Revision key (its function id names the cluster) → recent actual_pods readings, oldest first.
   * A pushed scrape may name any revisions it likes, so this is bounded like the store's targets.
   */
  private readonly pods = new Map<string, PodObservation[]>();

  constructor(options: KnativeScrapeDifferOptions = {}) {
    this.maxIntervalMs = options.maxIntervalMs ?? 15 * 60_000;
    this.maxRevisions = Math.max(1, options.maxRevisions ?? 10_000);
    this.store = new ScrapeStateStore(this.maxIntervalMs);
  }

  /** Targets whose previous scrape is kept, and revisions whose pod readings are. */
  get size(): { targets: number; revisions: number } {
    return { targets: this.store.size, revisions: this.pods.size };
  }

  ingest(scrape: KnativeScrape): ScrapeIngestResult {
    const target = scrape.target ?? 'default';
    const podReadings: [string, number][] = [];
    return diffScrape(
      this.store,
      {
        ...scrape,
        target: `${scrape.cluster}\u0000${target}`,
        describe: `${scrape.cluster}/${target}`,
      },
      'knative',
      {
        selection: SELECTION,
        gauges: (snapshot) => {
          const gauges: MetricPointRow[] = [];
          for (const gauge of snapshot.gauges) {
            const rev = knativeRevisionFromLabels(scrape.cluster, gauge.labels);
            if (rev === undefined || Number.isNaN(gauge.value)) continue;
            if (gauge.name === KNATIVE_METRICS.actualPods)
              podReadings.push([revisionKey(rev), gauge.value]);
            gauges.push(
              gaugePointRow({
                timeMs: scrape.timeMs,
                metricName: gauge.name,
                unit: GAUGES[gauge.name] ?? '',
                value: gauge.value,
                functionId: rev.functionId,
                serviceName: rev.name,
                attributes: gauge.labels,
                resourceAttributes: resourceAttributes(rev),
              }),
            );
          }
          return gauges;
        },
        baseline: () => this.recordPods(scrape.timeMs, podReadings),
        interval: (step, snapshot, totals) => {
          this.readInterval(scrape, step, snapshot, totals);
          this.recordPods(scrape.timeMs, podReadings);
        },
      },
    );
  }

  private readInterval(
    scrape: KnativeScrape,
    step: { startMs: number; diff: SnapshotDiff },
    snapshot: ScrapeSnapshot,
    totals: IntervalTotalsByKey,
  ): void {
    const has = (name: string): boolean => {
      for (const c of snapshot.counters.values()) if (c.name === name) return true;
      return false;
    };
    const hasHistogram = (name: string): boolean => {
      for (const h of snapshot.histograms.values()) if (h.name === name) return true;
      return false;
    };
    const countName = has(KNATIVE_METRICS.requestCount)
      ? KNATIVE_METRICS.requestCount
      : KNATIVE_METRICS.appRequestCount;
    const latencyName = hasHistogram(KNATIVE_METRICS.requestLatencies)
      ? KNATIVE_METRICS.requestLatencies
      : KNATIVE_METRICS.appRequestLatencies;

    const totalsFor = (rev: KnativeRevisionRef): IntervalTotals =>
      totals.get(revisionKey(rev), rev.functionId, rev.revision);
    // Activator traffic is a cold start only while the revision had zero pods (classifyInit).
    const coldRevision = (rev: KnativeRevisionRef): boolean =>
      classifyInit({
        platform: 'knative',
        servedByActivator: true,
        revisionHadZeroPods: this.hadZeroPods(revisionKey(rev), step.startMs, scrape.timeMs),
      }).coldStart === true;

    for (const c of step.diff.counters) {
      const rev = knativeRevisionFromLabels(scrape.cluster, c.labels);
      if (rev === undefined) continue;
      if (c.name === countName) addRequests(totalsFor(rev), c);
      else if (c.name === KNATIVE_METRICS.activatorRequestCount && coldRevision(rev)) {
        totalsFor(rev).coldStarts += c.delta;
      }
    }
    for (const h of step.diff.histograms) {
      const rev = knativeRevisionFromLabels(scrape.cluster, h.labels);
      if (rev === undefined) continue;
      if (h.name === latencyName) addLatencies(totalsFor(rev), h, false);
      else if (h.name === KNATIVE_METRICS.activatorRequestLatencies && coldRevision(rev)) {
        addLatencies(totalsFor(rev), h, true);
      }
    }
  }

  /** Drops the remembered scrape of one target. */
  forget(cluster: string, target = 'default'): void {
    this.store.forget(`${cluster}\u0000${target}`);
  }

  /** Takes back a scrape whose rows could not be stored (see ScrapeStateStore.undo). */
  undo(scrape: Pick<KnativeScrape, 'cluster' | 'target' | 'timeMs'>): void {
    this.store.undo(`${scrape.cluster}\u0000${scrape.target ?? 'default'}`, scrape.timeMs);
  }

  private recordPods(timeMs: number, readings: [string, number][]): void {
    for (const [key, pods] of readings) {
      const list = this.pods.get(key) ?? [];
      this.pods.delete(key); // re-inserted last: Map order is the LRU order
      this.pods.set(key, list);
      list.push({ timeMs, pods });
      if (list.length > MAX_OBSERVATIONS) list.shift();
    }
    // hadZeroPods reads a reading up to maxIntervalMs before an interval that is itself at most
    // maxIntervalMs long: an older latest reading can no longer decide anything.
    for (const [key, list] of this.pods) {
      const last = list[list.length - 1];
      if (
        this.pods.size <= this.maxRevisions &&
        last &&
        timeMs - last.timeMs <= 2 * this.maxIntervalMs
      )
        break;
      this.pods.delete(key);
    }
  }

  /** Was the revision at zero pods when (startMs, endMs] began, or at a reading inside it? */
  private hadZeroPods(key: string, startMs: number, endMs: number): boolean {
    const list = this.pods.get(key);
    if (list === undefined) return false;
    let atStart: PodObservation | undefined;
    for (const o of list) {
      if (o.timeMs <= startMs) atStart = o;
      else if (o.timeMs < endMs && o.pods === 0) return true;
    }
    return (
      atStart !== undefined && atStart.pods === 0 && startMs - atStart.timeMs <= this.maxIntervalMs
    );
  }
}

function revisionKey(rev: KnativeRevisionRef): string {
  return `${rev.functionId}\u0000${rev.revision}`;
}

function addRequests(t: IntervalTotals, c: CounterDelta): void {
  const code = responseCode(c.labels);
  t.invocations += c.delta;
  countHttpOutcome(t, code, c.delta);
}

function addLatencies(t: IntervalTotals, h: HistogramDelta, init: boolean): void {
  const buckets = prometheusHistogramToLogBuckets(h, 1); // already milliseconds
  if (init) {
    t.initDurationSumMs += h.sum;
    mergeBuckets(t.initBuckets, buckets);
  } else {
    t.durationSumMs += h.sum;
    mergeBuckets(t.durationBuckets, buckets);
  }
}

function resourceAttributes(rev: KnativeRevisionRef): Record<string, string> {
  return {
    'cloud.platform': 'knative',
    'faas.name': rev.name,
    'faas.version': rev.revision,
    'k8s.namespace.name': rev.namespace,
    'k8s.cluster.name': rev.region,
  };
}
