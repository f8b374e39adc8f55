import { Agent, request as httpRequest } from 'node:http';

/** One request the load driver sends (and resends after 429/503 until acknowledged). */
export interface LoadRequest {
  path: string;
  body: Buffer;
  headers: Record<string, string>;
  /** Items it carries (spans, invocations, …), counted when acknowledged. */
  items: number;
  /** The caller's index of the request (a batch number). */
  index: number;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  /** No new request starts after this much time, and retries stop. */
  timeLimitMs: number;
}

export interface LoadResult {
  acked: LoadRequest[];
  ackedItems: number;
  /** Wall time from the first request to the last acknowledgement. */
  seconds: number;
  /** Wall time of the whole phase, failed and abandoned requests included. */
  wallSeconds: number;
  /** Latencies (ms) of the attempts answered 200. */
  okLatenciesMs: number[];
  /** Latencies (ms) of every attempt, throttled ones included. */
  allLatenciesMs: number[];
  throttled429: number;
  unavailable503: number;
  /** Seconds clients spent waiting for Retry-After. */
  retryWaitSeconds: number;
  /** Answers that are neither 200 nor retryable, by status, with one message each. */
  failures: Record<string, { count: number; sample: string }>;
  /** Requests never acknowledged (time limit or failure). */
  unacknowledged: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A request's answer: its status, its Retry-After, and its text when it is not a 200. */
export interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

/**
 * One request over the agent's kept-alive connections, its answer read whole (a 200's body is not
 * decoded). node:http rather than fetch: the benchmarks' clients share the server's cores (and
 * bench:api's its event loop), and undici's fetch took ~0.5 ms of CPU per request there (a fifth
 * of a 2-core machine at 600 requests/s) and passed large answers through web streams.
 */
export function httpCall(
  agent: Agent,
  url: URL,
  request: {
    method: 'GET' | 'POST';
    path: string;
    headers?: Record<string, string>;
    body?: Buffer;
  },
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const headers = { ...request.headers };
    if (request.body) headers['content-length'] = String(request.body.length);
    const req = httpRequest(
      {
        agent,
        method: request.method,
        hostname: url.hostname,
        port: url.port,
        path: request.path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            text: res.statusCode === 200 ? '' : Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // A server that stops answering fails the attempt instead of hanging the benchmark.
    req.setTimeout(120_000, () => req.destroy(new Error('no answer in 120 s')));
    req.end(request.body);
  });
}

/**
 * `concurrency` loops posting requests over keep-alive connections (one per loop). A 429 or 503 is honoured as a well-behaved OTLP exporter does: wait Retry-After
 * seconds, then resend the same body. Bounded in time: after `timeLimitMs` nothing new starts.
 */
export async function runLoad(requests: LoadRequest[], options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {
    acked: [],
    ackedItems: 0,
    seconds: 0,
    wallSeconds: 0,
    okLatenciesMs: [],
    allLatenciesMs: [],
    throttled429: 0,
    unavailable503: 0,
    retryWaitSeconds: 0,
    failures: {},
    unacknowledged: 0,
  };
  let next = 0;
  const started = performance.now();
  let lastAck = started;
  const deadline = started + options.timeLimitMs;
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });

  const send = async (request: LoadRequest): Promise<boolean> => {
    for (let networkErrors = 0; ;) {
      const t0 = performance.now();
      let answer: Answer;
      try {
        answer = await httpCall(agent, base, {
          method: 'POST',
          path: request.path,
          headers: request.headers,
          body: request.body,
        });
      } catch (error) {
        if (++networkErrors > 3 || performance.now() > deadline) {
          const f = (result.failures.network ??= { count: 0, sample: String(error) });
          f.count++;
          return false;
        }
        await sleep(500);
        continue;
      }
      const { status, retryAfter, text } = answer;
      const latency = performance.now() - t0;
      result.allLatenciesMs.push(latency);
      if (status === 200) {
        result.okLatenciesMs.push(latency);
        return true;
      }
      if (status === 429 || status === 503) {
        if (status === 429) result.throttled429++;
        else result.unavailable503++;
        const waitMs = Math.max(0, Number(retryAfter ?? '1') || 1) * 1000;
        if (performance.now() + waitMs > deadline + 30_000) return false;
        result.retryWaitSeconds += waitMs / 1000;
        await sleep(waitMs);
        continue;
      }
      const f = (result.failures[String(status)] ??= { count: 0, sample: text.slice(0, 300) });
      f.count++;
      return false;
    }
  };

  const worker = async (): Promise<void> => {
    while (next < requests.length && performance.now() < deadline) {
      const request = requests[next++];
      if (await send(request)) {
        result.acked.push(request);
        result.ackedItems += request.items;
        lastAck = performance.now();
      } else {
        result.unacknowledged++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  agent.destroy();
  result.unacknowledged += requests.length - next;
  result.seconds = (lastAck - started) / 1000;
  result.wallSeconds = (performance.now() - started) / 1000;
  return result;
}
