import { gzipSync } from 'node:zlib';
import type { FleetFunction, LambdaFleet } from './lambda-fleet';
import { SeededRandom } from './seeded-random';

export interface LogEvent {
  id: string;
  timestamp: number;
  message: string;
}

/** One CloudWatch Logs subscription DATA_MESSAGE: the events of one log stream. */
export interface SubscriptionDelivery {
  fn: FleetFunction;
  message: {
    messageType: 'DATA_MESSAGE';
    owner: string;
    logGroup: string;
    logStream: string;
    subscriptionFilters: string[];
    logEvents: LogEvent[];
  };
  invocations: number;
  /** Application lines (kept as log rows). */
  appLines: number;
}

export interface LogGeneratorOptions {
  fleet: LambdaFleet;
  seed: number;
  baseTimeMs: number;
  invocationsPerDelivery?: number;
  /** Mean application lines per invocation. */
  appLinesPerInvocation?: number;
}

const APP_MESSAGES = [
  (r: SeededRandom) => `processed order ${100000 + r.int(900000)} in ${r.int(400)} ms`,
  (r: SeededRandom) => `cache miss for key user:${r.int(1_000_000)}`,
  (r: SeededRandom) => `{"level":"info","msg":"request handled","status":200,"items":${r.int(50)}}`,
  (r: SeededRandom) => `retrying DynamoDB call (attempt ${1 + r.int(3)})`,
];

/**
 * Lambda platform lines as CloudWatch Logs stores them (docs/decisions.md "Lambda platform records"): per
 * invocation START, END and REPORT (tab-separated, Billed Duration rounded up to 1 ms, Init
 * Duration on a sandbox's first invocation after its INIT_START line, XRAY TraceId when the
 * function has active tracing), plus some application lines in the Node.js text format
 * (`<ISO time>\t<request id>\tINFO\t<message>`). Request ids are random UUIDs. Deliveries are
 * generated in order (a sandbox's first invocation is cold), so the same seed yields the same data.
 */
export class LambdaLogGenerator {
  private readonly rnd: SeededRandom;
  private readonly clock = new Map<string, number>();
  private eventId = 0n;

  constructor(private readonly options: LogGeneratorOptions) {
    this.rnd = new SeededRandom(options.seed);
    this.eventId = 36_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000n;
  }

  next(): SubscriptionDelivery {
    const rnd = this.rnd;
    const fn = this.options.fleet.pick(rnd);
    const logStream = rnd.pick(fn.instances);
    const key = `${fn.name}|${logStream}`;
    const seen = this.clock.get(key);
    let t = seen ?? this.options.baseTimeMs + rnd.int(60_000);
    const events: LogEvent[] = [];
    const push = (timestamp: number, message: string): void => {
      this.eventId += 1n + BigInt(rnd.int(1000));
      events.push({ id: this.eventId.toString(), timestamp, message });
    };
    let cold = seen === undefined;
    let appLines = 0;
    const n = this.options.invocationsPerDelivery ?? 20;
    const appRate = this.options.appLinesPerInvocation ?? 0.5;
    for (let i = 0; i < n; i++) {
      const requestId = rnd.uuid();
      let initMs = 0;
      if (cold) {
        initMs = rnd.logNormal(fn.runtime.startsWith('java') ? 900 : 220, 0.4);
        push(
          t,
          `INIT_START Runtime Version: ${fn.runtimeVersion}\tRuntime Version ARN: arn:aws:lambda:${fn.region}::runtime:${rnd.hex(32)}\n`,
        );
        t += Math.ceil(initMs);
      }
      push(t, `START RequestId: ${requestId} Version: ${fn.version}\n`);
      const durationMs = Math.max(0.8, rnd.logNormal(fn.medianMs, 0.6));
      while (rnd.next() < appRate / (1 + appRate)) {
        const at = t + Math.floor(rnd.next() * durationMs);
        push(
          at,
          `${new Date(at).toISOString()}\t${requestId}\tINFO\t${rnd.pick(APP_MESSAGES)(rnd)}\n`,
        );
        appLines++;
      }
      const end = t + Math.ceil(durationMs);
      push(end, `END RequestId: ${requestId}\n`);
      const maxMem = Math.min(fn.memoryMb, Math.round(60 + rnd.logNormal(fn.memoryMb * 0.2, 0.3)));
      let report =
        `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\t` +
        `Memory Size: ${fn.memoryMb} MB\tMax Memory Used: ${maxMem} MB\t`;
      if (initMs > 0) report += `Init Duration: ${initMs.toFixed(2)} ms\t`;
      if (fn.traced) {
        const seconds = Math.floor(t / 1000).toString(16);
        report += `XRAY TraceId: 1-${seconds}-${rnd.hex(12)}\tSegmentId: ${rnd.hex(8)}\tSampled: true\t`;
      }
      push(end, `${report}\n`);
      cold = false;
      // The next request on this sandbox arrives after an idle gap.
      t = end + 1 + Math.floor(rnd.logNormal(200, 1.5));
    }
    this.clock.set(key, t);
    return {
      fn,
      message: {
        messageType: 'DATA_MESSAGE',
        owner: fn.account,
        logGroup: `/aws/lambda/${fn.name}`,
        logStream,
        subscriptionFilters: ['fleetscope'],
        logEvents: events,
      },
      invocations: n,
      appLines,
    };
  }
}

/** The body a CloudWatch Logs subscription destination receives: `{"awslogs":{"data":…}}`. */
export function cloudWatchBody(delivery: SubscriptionDelivery): Buffer {
  const data = gzipSync(JSON.stringify(delivery.message)).toString('base64');
  return Buffer.from(JSON.stringify({ awslogs: { data } }));
}

/** A Firehose HTTP endpoint request whose records are base64(gzip(subscription JSON)). */
export function firehoseBody(
  requestId: string,
  timestamp: number,
  deliveries: SubscriptionDelivery[],
): Buffer {
  const records = deliveries.map((d) => ({
    data: gzipSync(JSON.stringify(d.message)).toString('base64'),
  }));
  return Buffer.from(JSON.stringify({ requestId, timestamp, records }));
}
