import type { MetricPointRow } from '@fleetscope/model';
import { classifyInit, countHttpOutcome, mergeBuckets } from '@fleetscope/model';
import type { PrometheusLabels } from '../prometheus/exposition.types';
import { gaugePointRow } from '../prometheus/gauge-point.row';
import type { IntervalTotals } from '../prometheus/interval-rows';
import {
  prometheusHistogramToLogBuckets,
  slowestObservations,
} from '../prometheus/log-scale-buckets.converter';
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
  countGauges: [KNATIVE_METRICS.actualPods],
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
  /**
   * Pushed without naming a target: the sender's address. Each pod (its `pod_name` label) then
   * keeps its own previous scrape, because an address is not a pod's: behind a proxy every pod
   * pushes from the proxy's. Series that name no pod are the address's. A pod's first push is its
   * baseline during the warm-up after the cluster's pushes start, and counts from zero after it
   * (diffScrape).
   */
  sender?: string;
}

interface PodObservation {
  timeMs: number;
  pods: number;
  /** The zero run it belongs to: a reading of 0 after one above 0 (or as the first) starts one. */
  run: number;
}

/** Pods of one zero run already counted as cold starts, and the scrape that counted them. */
interface ColdStartClaim {
  run: number;
  pods: number;
  target: string;
  timeMs: number;
  /** The claim it replaced, put back when that scrape is undone. */
  before?: Omit<ColdStartClaim, 'before'>;
}

interface RevisionPods {
  /** Recent actual_pods readings, oldest first. */
  readings: PodObservation[];
  runs: number;
  claim?: ColdStartClaim;
}

interface ActivatorTraffic {
  rev: KnativeRevisionRef;
  requests: number;
  latencyCount: number;
  latencies: HistogramDelta[];
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
 * Cold starts (docs/decisions.md "Cold starts"): a scale from zero, seen as activator requests for a
 * revision whose `autoscaler_actual_pods` was 0 when the interval began (or at an autoscaler
 * reading inside it), is one cold start per pod the autoscaler brought up from 0: as many as the
 * highest reading after the 0, at least one (the reading may not show the new pod yet), at most
 * the activator's requests, each pod counted once however many intervals its rise spans. With the
 * default target-burst-capacity the activator stays in the path once the pod is up, so its other
 * requests are warm: counting them all made 60 cold starts of one. The init durations are the
 * slowest of the activator latencies, as many as the cold starts: the wait for the pod plus the
 * request's own service time. It needs the autoscaler's metrics; a revision without a recent
 * reading of them has its invocations of unknown start (podsReadSince).
 */
export class KnativeScrapeDiffer {
  private readonly store: ScrapeStateStore;
  private readonly maxIntervalMs: number;
  private readonly maxRevisions: number;
  /**
   * Revision key (its function id names the cluster) → recent actual_pods readings and the pods
   * counted as cold starts. A pushed scrape may name any revisions it likes, so this is bounded
   * like the store's targets.
   */
  private readonly pods = new Map<string, RevisionPods>();

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
        target: targetKey(scrape),
        describe: `${scrape.cluster}/${target}`,
        exporterOf:
          scrape.sender === undefined
            ? undefined
            : (labels) =>
                labels.pod_name
                  ? { id: `pod:${labels.pod_name}`, ephemeral: true }
                  : { id: `sender:${scrape.sender}`, ephemeral: false },
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
        interval: (step, snapshot, totals) =>
          this.readInterval(scrape, step, snapshot, totals, podReadings),
        done: () => this.recordPods(scrape.timeMs, podReadings),
      },
    );
  }

  private readInterval(
    scrape: KnativeScrape,
    step: { startMs: number; diff: SnapshotDiff },
    snapshot: ScrapeSnapshot,
    totals: IntervalTotalsByKey,
    podReadings: [string, number][],
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
    // One revision's activator traffic over every activator pod and status.
    const activator = new Map<string, ActivatorTraffic>();
    const trafficOf = (rev: KnativeRevisionRef): ActivatorTraffic => {
      const key = revisionKey(rev);
      let traffic = activator.get(key);
      if (traffic === undefined) {
        traffic = { rev, requests: 0, latencyCount: 0, latencies: [] };
        activator.set(key, traffic);
      }
      return traffic;
    };

    // Each revision's requests of this interval, for the starts no reading can tell.
    const served = new Map<string, { rev: KnativeRevisionRef; requests: number }>();
    for (const c of step.diff.counters) {
      const rev = knativeRevisionFromLabels(scrape.cluster, c.labels);
      if (rev === undefined) continue;
      if (c.name === countName) {
        addRequests(totalsFor(rev), c);
        const key = revisionKey(rev);
        const s = served.get(key) ?? { rev, requests: 0 };
        s.requests += c.delta;
        served.set(key, s);
      } else if (c.name === KNATIVE_METRICS.activatorRequestCount)
        trafficOf(rev).requests += c.delta;
    }
    for (const h of step.diff.histograms) {
      const rev = knativeRevisionFromLabels(scrape.cluster, h.labels);
      if (rev === undefined) continue;
      if (h.name === latencyName) addLatencies(totalsFor(rev), h);
      else if (h.name === KNATIVE_METRICS.activatorRequestLatencies) {
        const traffic = trafficOf(rev);
        traffic.latencyCount += h.count;
        traffic.latencies.push(h);
      }
    }

    const podsNow = new Map<string, number>();
    for (const [key, pods] of podReadings) podsNow.set(key, Math.max(podsNow.get(key) ?? 0, pods));
    // Without the autoscaler's pod readings nothing says whether a request started a pod: its
    // invocations are of unknown start (counted warm, a revision that scales to zero read 0 %
    // cold). With them, the requests no scale from zero claims are warm.
    for (const [key, { rev, requests }] of served) {
      if (requests > 0 && !podsNow.has(key) && !this.podsReadSince(key, step.startMs))
        totalsFor(rev).unknownStarts += requests;
    }
    for (const [key, traffic] of activator) {
      const coldStarts = this.countColdStarts(key, {
        requests: Math.max(traffic.requests, traffic.latencyCount),
        startMs: step.startMs,
        endMs: scrape.timeMs,
        podsAtEnd: podsNow.get(key),
        target: targetKey(scrape),
      });
      if (coldStarts === 0) continue;
      const t = totalsFor(traffic.rev);
      t.coldStarts += coldStarts;
      const slowest = slowestObservations(traffic.latencies, coldStarts, 1); // already milliseconds
      t.initDurationSumMs += slowest.sumMs;
      mergeBuckets(t.initBuckets, slowest.buckets);
    }
  }

  /** Whether the revision has an autoscaler reading from within maxIntervalMs before `startMs`. */
  private podsReadSince(key: string, startMs: number): boolean {
    const readings = this.pods.get(key)?.readings;
    const last = readings?.[readings.length - 1];
    return last !== undefined && last.timeMs >= startMs - this.maxIntervalMs;
  }

  /**
   * How many pods came up from zero in (startMs, endMs] that no earlier interval counted, at most
   * `requests`, and claims them. Only a revision that had zero pods is cold (classifyInit); each
   * zero run it went through adds the highest reading after its 0 (at least one).
   */
  private countColdStarts(
    key: string,
    traffic: {
      requests: number;
      startMs: number;
      endMs: number;
      podsAtEnd: number | undefined;
      target: string;
    },
  ): number {
    const state = this.pods.get(key);
    if (state === undefined || !(traffic.requests > 0)) return 0;
    const { startMs, endMs } = traffic;
    let atStart: PodObservation | undefined;
    const window: PodObservation[] = [];
    for (const o of state.readings) {
      if (o.timeMs <= startMs) atStart = o;
      else if (o.timeMs < endMs) window.push(o);
    }
    if (atStart !== undefined && startMs - atStart.timeMs <= this.maxIntervalMs)
      window.unshift(atStart);
    // Zero run → the most pods read since its 0, for the runs with a 0 in the interval.
    const peaks = new Map<number, number>();
    for (const o of window) {
      const peak = peaks.get(o.run);
      if (o.pods === 0) peaks.set(o.run, peak ?? 0);
      else if (peak !== undefined) peaks.set(o.run, Math.max(peak, o.pods));
    }
    const last = window[window.length - 1];
    const lastPeak = last && peaks.get(last.run);
    if (lastPeak !== undefined && traffic.podsAtEnd !== undefined)
      peaks.set(last.run, Math.max(lastPeak, traffic.podsAtEnd));

    const cold = classifyInit({
      platform: 'knative',
      servedByActivator: true,
      revisionHadZeroPods: peaks.size > 0,
    }).coldStart;
    if (cold !== true) return 0;
    const claim = state.claim;
    let uncounted = 0;
    let lastRun = -1;
    let lastUncounted = 0;
    for (const [run, peak] of peaks) {
      const counted = claim?.run === run ? claim.pods : 0;
      lastUncounted = Math.max(0, Math.max(peak, 1) - counted);
      uncounted += lastUncounted;
      lastRun = run;
    }
    const coldStarts = Math.min(traffic.requests, uncounted);
    if (coldStarts > 0) {
      // The runs before the last are over; only the last one's count matters to later intervals.
      const onLast = Math.max(0, coldStarts - (uncounted - lastUncounted));
      state.claim = {
        run: lastRun,
        pods: (claim?.run === lastRun ? claim.pods : 0) + onLast,
        target: traffic.target,
        timeMs: endMs,
        // An earlier exporter of this same scrape may have claimed already: undo goes back past it.
        before:
          claim?.target === traffic.target && claim.timeMs === endMs
            ? claim.before
            : claim && {
                run: claim.run,
                pods: claim.pods,
                target: claim.target,
                timeMs: claim.timeMs,
              },
      };
    }
    return coldStarts;
  }

  /** Drops the remembered scrape of one target. */
  forget(cluster: string, target = 'default'): void {
    this.store.forget(targetKey({ cluster, target }));
  }

  /**
   * Takes back a scrape whose rows could not be stored (see ScrapeStateStore.undo), with the cold
   * starts it counted, so the interval that covers it again counts them.
   */
  undo(scrape: Pick<KnativeScrape, 'cluster' | 'target' | 'timeMs'>): void {
    const target = targetKey(scrape);
    this.store.undo(target, scrape.timeMs);
    for (const state of this.pods.values()) {
      const claim = state.claim;
      if (claim?.target === target && claim.timeMs === scrape.timeMs) state.claim = claim.before;
    }
  }

  private recordPods(timeMs: number, readings: [string, number][]): void {
    for (const [key, pods] of readings) {
      const state = this.pods.get(key) ?? { readings: [], runs: 0 };
      this.pods.delete(key); // re-inserted last: Map order is the LRU order
      this.pods.set(key, state);
      const previous = state.readings[state.readings.length - 1];
      if (pods === 0 && (previous === undefined || previous.pods !== 0)) state.runs++;
      state.readings.push({ timeMs, pods, run: state.runs });
      if (state.readings.length > MAX_OBSERVATIONS) state.readings.shift();
    }
    // countColdStarts reads a reading up to maxIntervalMs before an interval that is itself at
    // most maxIntervalMs long: an older latest reading can no longer decide anything.
    for (const [key, state] of this.pods) {
      const last = state.readings[state.readings.length - 1];
      if (
        this.pods.size <= this.maxRevisions &&
        last &&
        timeMs - last.timeMs <= 2 * this.maxIntervalMs
      )
        break;
      this.pods.delete(key);
    }
  }
}

function targetKey(scrape: Pick<KnativeScrape, 'cluster' | 'target'>): string {
  return `${scrape.cluster}\u0000${scrape.target ?? 'default'}`;
}

function revisionKey(rev: KnativeRevisionRef): string {
  return `${rev.functionId}\u0000${rev.revision}`;
}

function addRequests(t: IntervalTotals, c: CounterDelta): void {
  const code = responseCode(c.labels);
  t.invocations += c.delta;
  countHttpOutcome(t, code, c.delta);
}

function addLatencies(t: IntervalTotals, h: HistogramDelta): void {
  t.durationSumMs += h.sum;
  mergeBuckets(t.durationBuckets, prometheusHistogramToLogBuckets(h, 1)); // already milliseconds
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
