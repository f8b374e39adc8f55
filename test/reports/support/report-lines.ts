import { gzipSync } from 'node:zlib';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
const DAY_MS = 86_400_000;

/** `count` invocations of `name` on day `dayOffset` of `weekFromMs`, at 10 GB for 600 s each. */
export function reportLines(name: string, weekFromMs: number, dayOffset: number, count: number) {
  const base = weekFromMs + dayOffset * DAY_MS + 3_600_000;
  const logEvents = Array.from({ length: count }, (_, i) => {
    // The first invocation starts cold with 1,000 ms of INIT, billed (managed runtime, after
    // 2025-08-01), so its Billed Duration holds it.
    const init = i === 0 ? 'Init Duration: 1000.00 ms\t' : '';
    const billed = i === 0 ? 601_000 : 600_000;
    return {
      id: `${name}-${dayOffset}-${i}`,
      timestamp: base + i * 60_000,
      message:
        `REPORT RequestId: ${name}-${weekFromMs}-${dayOffset}-${i}-0000-4000-8000-000000000000\t` +
        `Duration: 600000.00 ms\tBilled Duration: ${billed} ms\tMemory Size: 10240 MB\t` +
        `Max Memory Used: 512 MB\t${init}`,
    };
  });
  const message = {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: `/aws/lambda/${name}`,
    logStream: `2026/01/01/[$LATEST]${name}${dayOffset}`,
    subscriptionFilters: ['fleetscope'],
    logEvents,
  };
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

/** Delivers subscription payloads to the collector as a CloudWatch Logs subscription would. */
export async function deliver(ingestUrl: string, bodies: unknown[]): Promise<void> {
  for (const body of bodies) {
    const response = await fetch(`${ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
  }
}
