import { dnsLabelProblem, functionId, OPENFAAS_DEFAULT_NAMESPACE } from '@fleetscope/model';
import type { FunctionIdentity } from '@fleetscope/model';

export { OPENFAAS_DEFAULT_NAMESPACE };

export interface OpenFaasFunctionRef extends FunctionIdentity {
  functionId: string;
  /** The Kubernetes namespace (the same as `account`). */
  namespace: string;
}

/**
 * OpenFaaS names a function `name.namespace` in its metrics (docs/decisions.md "Identity"). Kubernetes
 * names and namespaces contain no dots, so the last dot splits them; a bare name belongs to the
 * default namespace. The gateway label is the region.
 */
export function openFaasFunction(
  qualifiedName: string,
  gateway: string,
  defaultNamespace: string = OPENFAAS_DEFAULT_NAMESPACE,
): OpenFaasFunctionRef {
  const dot = qualifiedName.lastIndexOf('.');
  const name = dot > 0 ? qualifiedName.slice(0, dot) : qualifiedName;
  const namespace =
    dot > 0 && dot < qualifiedName.length - 1 ? qualifiedName.slice(dot + 1) : defaultNamespace;
  const identity: FunctionIdentity = {
    platform: 'openfaas',
    account: namespace,
    region: gateway,
    name,
  };
  return { ...identity, namespace, functionId: functionId(identity) };
}

/**
 * Why a function a log line names (`name` or `name.namespace`, split as openFaasFunction does)
 * cannot be an OpenFaaS function: its name and the namespace it names are DNS-1123 labels
 * (dnsLabelProblem, the rule tuning jobs hold the names they call to).
 */
export function openFaasFunctionNameProblem(qualifiedName: string): string | undefined {
  const dot = qualifiedName.lastIndexOf('.');
  if (dot <= 0) return dnsLabelProblem('function name', qualifiedName);
  return (
    dnsLabelProblem('function name', qualifiedName.slice(0, dot)) ??
    dnsLabelProblem('namespace', qualifiedName.slice(dot + 1))
  );
}
