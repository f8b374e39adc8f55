// A CloudWatch Logs subscription filter's destination: posts each delivery to Fleetscope's
// collector as it came ({"awslogs":{"data":…}}). CloudWatch Logs cannot post to an HTTP endpoint
// itself. Node.js 20 or later (fetch); no dependencies.
const token = process.env.FLEETSCOPE_INGEST_TOKEN;
/** Answers below 500 that a retry, or a fix of this function's settings, can turn into a 200. */
const THROWN = new Set([401, 403, 404, 429]);

/** Where deliveries go: the payload does not name its region, so the function's own is sent. */
function endpoint() {
  const url = new URL('/ingest/lambda/cloudwatch', process.env.FLEETSCOPE_INGEST_URL);
  url.searchParams.set('region', process.env.FLEETSCOPE_REGION || process.env.AWS_REGION);
  return url;
}

export async function handler(event) {
  const response = await fetch(endpoint(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(event),
    signal: AbortSignal.timeout(Number(process.env.FLEETSCOPE_TIMEOUT_MS || 10000)),
  });
  const answer = await response.text();
  // CloudWatch Logs invokes this function asynchronously: a thrown error is retried by Lambda
  // (twice, then to the function's on-failure destination, if it has one). Busy (429, 503) and
  // server errors may pass; a wrong FLEETSCOPE_INGEST_TOKEN (401, 403) or a URL that is not the
  // collector's (404: the dashboard's port) is cured by fixing the setting, so the
  // delivery is kept for then too. One refused as unreadable or too large (400, 413) would be
  // refused again: it is logged and dropped.
  if (THROWN.has(response.status) || response.status >= 500) {
    throw new Error(`Fleetscope answered ${response.status}: ${answer.slice(0, 500)}`);
  }
  if (!response.ok)
    console.error(`Fleetscope refused the delivery (${response.status}): ${answer}`);
  return { status: response.status };
}
