/** What an HTTP answer says of the invocation behind it. */
export type HttpInvocationOutcome = 'success' | 'error' | 'timeout';

/**
 * The one rule for platforms that count invocations by HTTP status (Knative's queue-proxy and
 * kn.serving.invocation.duration, the OpenFaaS gateway), whether scraped or sent over OTLP:
 * - 504 is a timeout: Knative's queue-proxy answers it past the revision's timeoutSeconds and the
 *   OpenFaaS watchdog past exec_timeout. Like a Lambda record's status, it is not an error too.
 * - any other 5xx is an error of the function;
 * - a 4xx is the caller's mistake the function answered, not a failure: the HTTP semantic
 *   conventions leave a server span's status unset for 4xx (semconv docs/http/http-spans.md "Status").
 */
export function httpInvocationOutcome(statusCode: number): HttpInvocationOutcome {
  if (statusCode === 504) return 'timeout';
  if (statusCode >= 500 && statusCode <= 599) return 'error';
  return 'success';
}

/** Adds `count` answers with `statusCode` to a row's errors or timeouts, per the rule above. */
export function countHttpOutcome(
  row: { errors: number; timeouts: number },
  statusCode: number,
  count: number,
): void {
  const outcome = httpInvocationOutcome(statusCode);
  if (outcome === 'error') row.errors += count;
  else if (outcome === 'timeout') row.timeouts += count;
}
