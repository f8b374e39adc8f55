/**
 * Kubernetes names a function's Deployment or Service and its namespace by DNS-1123 labels, and
 * faas-netes and Knative refuse any other name: a name outside the rule is no OpenFaaS or Knative
 * function. Where such a name would go into a URL path, `..` (or `%2e%2e`, which URLs read alike)
 * would take a call out of /function/ or the namespace.
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_LABEL_MAX = 63;

/** Why `value` (the `what` of a function, e.g. `OpenFaaS namespace`) is not a DNS-1123 label. */
export function dnsLabelProblem(what: string, value: string): string | undefined {
  if (value.length <= DNS_LABEL_MAX && DNS_LABEL.test(value)) return undefined;
  return (
    `${what} "${value}" is not a DNS-1123 label (lowercase letters, digits and '-', ` +
    `starting and ending with a letter or digit, at most ${DNS_LABEL_MAX} characters)`
  );
}
