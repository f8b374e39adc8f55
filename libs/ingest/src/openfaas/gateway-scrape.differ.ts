import type { MetricPointRow } from '@fleetscope/model';
import { countHttpOutcome, mergeBuckets } from '@fleetscope/model';
import { RecentMap } from '../common/recent-map';
import type { PrometheusLabels } from '../prometheus/exposition.types';
import { gaugePointRow } from '../prometheus/gauge-point.row';
import { prometheusHistogramToLogBuckets } from '../prometheus/log-scale-buckets.converter';
import type { ScrapeIngestResult } from '../prometheus/scrape-state.store';
import { ScrapeStateStore } from '../prometheus/scrape-state.store';
import type { CounterPoint, ScrapeSelection, ScrapeSnapshot } from '../prometheus/scrape-snapshot';
import { diffScrape } from '../prometheus/scrape.differ';
import type { OpenFaasFunctionRef } from './openfaas-function.identity';
import { OPENFAAS_DEFAULT_NAMESPACE, openFaasFunction } from './openfaas-function.identity';

/** Gateway metric names (openfaas/faas gateway/metrics, openfaas/docs architecture/metrics.md). */
export const OPENFAAS_METRICS = {
  invocations: 'gateway_function_invocation_total',
  duration: 'gateway_functions_seconds',
  replicas: 'gateway_service_count',
} as const;

/** Gauges kept as metric points: CE replicas, plus the Pro ones when present. */
const GAUGES: Record<string, string> = {
  gateway_service_count: '{replica}',
  gateway_service_ready_count: '{replica}',
  gateway_service_min: '{replica}',
  gateway_service_target: '1',
  gateway_invocation_function_invocation_inflight: '{request}',
  pod_memory_working_set_bytes: 'By',
};

const SELECTION: ScrapeSelection = {
  counters: [OPENFAAS_METRICS.invocations],
  histograms: [OPENFAAS_METRICS.duration],
  gauges: Object.keys(GAUGES),
};

export interface OpenFaasScrapeDifferOptions {
  /** Namespace of functions whose `function_name` has no `.namespace`. Default `openfaas-fn`. */
  defaultNamespace?: string;
  /** A longer silence between two scrapes starts over from a new baseline. Default 15 minutes. */
  maxIntervalMs?: number;
}

export interface OpenFaasScrape {
  /** The configured gateway label; it becomes the functions' region. */
  gateway: string;
  /** When the scrape was taken, epoch milliseconds. */
  timeMs: number;
  /** The body of the gateway's `GET /metrics`. */
  text: string;
  /** Count the first scrape of this gateway from zero (the gateway has just started). */
  fromZero?: boolean;
}

/**
 * A scrape whose increase was not counted: its counters are another gateway process's, not a
 * continuation or a restart of the previous scrape's.
 */
export interface OpenFaasScrapeRefusal {
  reason: 'gateway_replicas';
  message: string;
}

export type OpenFaasScrapeResult = ScrapeIngestResult & {
  /** Set when the scrape was kept as the gateway's latest but added no invocations. */
  refused?: OpenFaasScrapeRefusal;
};

/** One gateway process as last scraped: a replica, or the process a restart replaced. */
interface GatewayProcess {
  counters: Map<string, CounterPoint>;
  timeMs: number;
}

interface GatewayProcesses {
  /** The processes seen within maxIntervalMs, that of the latest scrape first. */
  processes: GatewayProcess[];
  timeMs: number;
  /** The state the latest scrape replaced, for undo. */
  previous?: GatewayProcess[];
}

/** Processes remembered per gateway: more replicas than this behind one URL are all "new". */
const MAX_PROCESSES = 8;

/**
 * A drop to at most this share of the previous scrape's counts is a restart: the new process
 * counted from zero. Replicas behind one Service share the traffic and mostly start together, so
 * another replica's counters are near the previous ones instead.
 */
const RESTART_SHARE = 0.5;

/**
 * How much `to` counted since `from` if it is the same process, undefined if a series went
 * down. Series `to` has and `from` lacks count whole; series only `from` has are left out.
 */
function riseSince(
  from: Map<string, CounterPoint>,
  to: Map<string, CounterPoint>,
): number | undefined {
  let rise = 0;
  for (const [key, point] of to) {
    if (!Number.isFinite(point.value)) continue;
    const before = from.get(key)?.value ?? 0;
    if (point.value < before) return undefined;
    rise += point.value - before;
  }
  return rise;
}

/** Both scrapes' totals over the series they share. */
function sharedTotals(
  from: Map<string, CounterPoint>,
  to: Map<string, CounterPoint>,
): [number, number] {
  let before = 0;
  let now = 0;
  for (const [key, point] of to) {
    const old = from.get(key);
    if (old === undefined || !Number.isFinite(point.value) || !Number.isFinite(old.value)) continue;
    before += old.value;
    now += point.value;
  }
  return [before, now];
}

/**
 * Which known process a scrape's counters continue. The previous scrape's is `same`; a drop
 * that no known process explains is a `restart` when the counts fell near zero, else the
 * counters of a gateway replica not seen yet; continuing another known process (the smallest
 * rise wins: replica A after B has risen over B's counters too) is `other_replica`.
 */
function whichProcess(
  known: GatewayProcess[],
  counters: Map<string, CounterPoint>,
): 'same' | 'restart' | 'other_replica' | { continues: number } {
  const latest = known[0];
  if (latest === undefined) return 'same';
  let best = -1;
  let bestRise = Infinity;
  known.forEach((process, index) => {
    const rise = riseSince(process.counters, counters);
    if (rise !== undefined && rise < bestRise) {
      best = index;
      bestRise = rise;
    }
  });
  if (best === 0) return 'same';
  if (best > 0) return { continues: best };
  const [before, now] = sharedTotals(latest.counters, counters);
  return now <= RESTART_SHARE * before ? 'restart' : 'other_replica';
}

function statusCode(labels: PrometheusLabels): number {
  const code = labels.code;
  if (code === undefined || code === '') return 200;
  const n = Number(code);
  return Number.isFinite(n) ? n : 200;
}

/**
 * Turns successive scrapes of OpenFaaS gateways into per-minute function rows (source 'openfaas').
 * It keeps the previous scrape of each gateway; the first scrape is a baseline. Invocations are the
 * increase of `gateway_function_invocation_total` over all codes, errors and timeouts by code per
 * httpInvocationOutcome (@fleetscope/model; 504 is what the watchdog answers past `exec_timeout`), durations come from
 * `gateway_functions_seconds` converted to the model's log-scale buckets. Counter resets (gateway
 * restarts) count from zero. Cold starts are not in these metrics: see `parseGatewayLogs`.
 *
 * Each gateway replica counts on its own, so a URL in front of several replicas (the gateway's
 * Service) returns another replica's counters from one scrape to the next: read as restarts, each
 * switch would add that replica's whole history. The differ remembers the processes a gateway's
 * scrapes came from; a scrape from another one than the previous scrape's adds nothing and is
 * `refused` (counted in `refusedScrapes`), a drop to near zero is still a restart.
 */
export class OpenFaasScrapeDiffer {
  private readonly store: ScrapeStateStore;
  private readonly defaultNamespace: string;
  private readonly functions = new Map<string, OpenFaasFunctionRef>();
  private readonly maxIntervalMs: number;
  /** Bounded as the store's targets: a gateway forgotten there starts over here too. */
  private readonly processes = new RecentMap<string, GatewayProcesses>(10_000);
  private refused = 0;

  constructor(options: OpenFaasScrapeDifferOptions = {}) {
    this.maxIntervalMs = options.maxIntervalMs ?? 15 * 60_000;
    this.store = new ScrapeStateStore(this.maxIntervalMs);
    this.defaultNamespace = options.defaultNamespace ?? OPENFAAS_DEFAULT_NAMESPACE;
  }

  /** Scrapes refused since start because they came from another gateway process. */
  get refusedScrapes(): number {
    return this.refused;
  }

  ingest(scrape: OpenFaasScrape): OpenFaasScrapeResult {
    const gateway = scrape.gateway;
    let snapshotSeen: ScrapeSnapshot | undefined;
    let otherProcess = false;
    const result = diffScrape(
      this.store,
      { ...scrape, target: gateway, describe: `gateway ${gateway}` },
      'openfaas',
      {
        selection: SELECTION,
        gauges: (snapshot) => {
          snapshotSeen = snapshot;
          const gauges: MetricPointRow[] = [];
          for (const gauge of snapshot.gauges) {
            const qualified = gauge.labels.function_name;
            if (qualified === undefined || Number.isNaN(gauge.value)) continue;
            // pod_* metrics carry the namespace in its own label.
            const ns = gauge.labels.namespace;
            const fn = this.fn(
              ns && !qualified.includes('.') ? `${qualified}.${ns}` : qualified,
              gateway,
            );
            gauges.push(
              gaugePointRow({
                timeMs: scrape.timeMs,
                metricName: gauge.name,
                unit: GAUGES[gauge.name] ?? '',
                value: gauge.value,
                functionId: fn.functionId,
                serviceName: fn.name,
                attributes: gauge.labels,
                resourceAttributes: resourceAttributes(fn),
              }),
            );
          }
          return gauges;
        },
        baseline: () => {
          if (snapshotSeen) this.remember(gateway, [], snapshotSeen, scrape.timeMs);
        },
        interval: ({ diff }, snapshot, totals) => {
          otherProcess = this.placeScrape(gateway, snapshot, scrape.timeMs);
          if (otherProcess) return;
          const totalsFor = (qualified: string) => {
            const fn = this.fn(qualified, gateway);
            return totals.get(fn.functionId, fn.functionId, '');
          };
          for (const c of diff.counters) {
            const qualified = c.labels.function_name;
            if (qualified === undefined) continue;
            const t = totalsFor(qualified);
            const code = statusCode(c.labels);
            t.invocations += c.delta;
            countHttpOutcome(t, code, c.delta);
          }
          for (const h of diff.histograms) {
            const qualified = h.labels.function_name;
            if (qualified === undefined) continue;
            const t = totalsFor(qualified);
            t.durationSumMs += h.sum * 1000;
            mergeBuckets(t.durationBuckets, prometheusHistogramToLogBuckets(h, 1000));
          }
        },
      },
    );
    if (!otherProcess || !result.ok) return result;
    this.refused++;
    return {
      ...result,
      counterResets: 0,
      refused: {
        reason: 'gateway_replicas',
        message:
          `gateway ${gateway}: its counters are another gateway process's than the previous ` +
          `scrape's, likely several gateway replicas behind one URL (each counts on its own); ` +
          `this scrape's increase was not counted. Scrape a URL that reaches one gateway process ` +
          `(a pod's address, or a gateway with one replica)`,
      },
    };
  }

  /** Drops the remembered scrape of a gateway (it was removed from the configuration). */
  forget(gateway: string): void {
    this.store.forget(gateway);
    this.processes.delete(gateway);
  }

  /** Takes back a scrape whose rows could not be stored (see ScrapeStateStore.undo). */
  undo(scrape: Pick<OpenFaasScrape, 'gateway' | 'timeMs'>): void {
    this.store.undo(scrape.gateway, scrape.timeMs);
    const state = this.processes.get(scrape.gateway);
    if (state?.timeMs !== scrape.timeMs) return;
    if (state.previous) {
      this.processes.restore(scrape.gateway, { processes: state.previous, timeMs: -Infinity });
    } else this.processes.delete(scrape.gateway);
  }

  /**
   * Files an interval's scrape under the gateway process its counters continue; true when that is
   * not the previous scrape's process, so the increase the store computed is across processes.
   */
  private placeScrape(gateway: string, snapshot: ScrapeSnapshot, timeMs: number): boolean {
    const known = (this.processes.get(gateway)?.processes ?? []).filter(
      (p) => timeMs - p.timeMs <= this.maxIntervalMs,
    );
    const verdict = whichProcess(known, snapshot.counters);
    if (verdict === 'same') {
      this.remember(gateway, known.slice(1), snapshot, timeMs, known);
      return false;
    }
    if (verdict === 'restart' || verdict === 'other_replica') {
      // A restarted process's predecessor is kept: on a Service it may be another replica's.
      this.remember(gateway, known, snapshot, timeMs, known);
      return verdict === 'other_replica';
    }
    const others = known.filter((_, index) => index !== verdict.continues);
    this.remember(gateway, others, snapshot, timeMs, known);
    return true;
  }

  private remember(
    gateway: string,
    others: GatewayProcess[],
    snapshot: ScrapeSnapshot,
    timeMs: number,
    previous?: GatewayProcess[],
  ): void {
    const processes = [{ counters: snapshot.counters, timeMs }, ...others].slice(0, MAX_PROCESSES);
    this.processes.set(gateway, { processes, timeMs, previous });
  }

  private fn(qualified: string, gateway: string): OpenFaasFunctionRef {
    const key = gateway + '\u0000' + qualified;
    let ref = this.functions.get(key);
    if (ref === undefined) {
      ref = openFaasFunction(qualified, gateway, this.defaultNamespace);
      if (this.functions.size > 100_000) this.functions.clear();
      this.functions.set(key, ref);
    }
    return ref;
  }
}

function resourceAttributes(fn: OpenFaasFunctionRef): Record<string, string> {
  return {
    'cloud.platform': 'openfaas',
    'faas.name': fn.name,
    'k8s.namespace.name': fn.namespace,
    'openfaas.gateway': fn.region,
  };
}
