import { functionId } from '@fleetscope/model';
import type { FunctionIdentity } from '@fleetscope/model';
import type { PrometheusLabels } from '../prometheus/exposition.types';

export interface KnativeRevisionRef extends FunctionIdentity {
  functionId: string;
  namespace: string;
  /** The revision: the function's version column. */
  revision: string;
}

/**
 * A Knative function is (namespace, Service) on a cluster, its revision the version (docs/decisions.md
 * "Identity"). A Configuration deployed without a Service falls back to the configuration name.
 */
export function knativeRevision(
  cluster: string,
  namespace: string,
  service: string,
  revision: string,
): KnativeRevisionRef {
  const identity: FunctionIdentity = {
    platform: 'knative',
    account: namespace,
    region: cluster,
    name: service,
  };
  return { ...identity, namespace, revision, functionId: functionId(identity) };
}

/** Reads the legacy (OpenCensus) label set: namespace_name, service_name, configuration_name, revision_name. */
export function knativeRevisionFromLabels(
  cluster: string,
  labels: PrometheusLabels,
): KnativeRevisionRef | undefined {
  const namespace = labels.namespace_name ?? '';
  const revision = labels.revision_name ?? '';
  const service = labels.service_name || labels.configuration_name || revision;
  if (!service) return undefined;
  return knativeRevision(cluster, namespace, service, revision);
}
