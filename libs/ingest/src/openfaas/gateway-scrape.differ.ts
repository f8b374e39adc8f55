import type { MetricPointRow } from '@fleetscope/model';
import { countHttpOutcome, mergeBuckets } from '@fleetscope/model';
import type { PrometheusLabels } from '../prometheus/exposition.types';
import { gaugePointRow } from '../prometheus/gauge-point.row';
import { prometheusHistogramToLogBuckets } from '../prometheus/log-scale-buckets.converter';
import type { ScrapeIngestResult } from '../prometheus/scrape-state.store';
import { ScrapeStateStore } from '../prometheus/scrape-state.store';
import type { ScrapeSelection } from '../prometheus/scrape-snapshot';
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
 */
export class OpenFaasScrapeDiffer {
  private readonly store: ScrapeStateStore;
  private readonly defaultNamespace: string;
  private readonly functions = new Map<string, OpenFaasFunctionRef>();

  constructor(options: OpenFaasScrapeDifferOptions = {}) {
    // A gateway is one process: a series it lacks is a function not called since it restarted.
    this.store = new ScrapeStateStore(options.maxIntervalMs ?? 15 * 60_000, undefined, false);
    this.defaultNamespace = options.defaultNamespace ?? OPENFAAS_DEFAULT_NAMESPACE;
  }

  ingest(scrape: OpenFaasScrape): ScrapeIngestResult {
    const gateway = scrape.gateway;
    return diffScrape(
      this.store,
      { ...scrape, target: gateway, describe: `gateway ${gateway}` },
      'openfaas',
      {
        selection: SELECTION,
        gauges: (snapshot) => {
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
        interval: ({ diff }, _snapshot, totals) => {
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
  }

  /** Drops the remembered scrape of a gateway (it was removed from the configuration). */
  forget(gateway: string): void {
    this.store.forget(gateway);
  }

  /** Takes back a scrape whose rows could not be stored (see ScrapeStateStore.undo). */
  undo(scrape: Pick<OpenFaasScrape, 'gateway' | 'timeMs'>): void {
    this.store.undo(scrape.gateway, scrape.timeMs);
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
