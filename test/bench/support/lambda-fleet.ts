import { SeededRandom } from './seeded-random';

/** One synthetic Lambda function of the benchmark fleet. */
export interface FleetFunction {
  name: string;
  account: string;
  region: string;
  /** '$LATEST' or a published version number. */
  version: string;
  /** Alias in the invoked ARN ('' when invoked unqualified). */
  alias: string;
  memoryMb: number;
  runtime: string;
  /** As INIT_START prints it (`Runtime Version: nodejs:20.v13`). */
  runtimeVersion: string;
  language: string;
  architecture: 'x86_64' | 'arm64';
  /** X-Ray active tracing on: REPORT lines carry `XRAY TraceId`. */
  traced: boolean;
  /** Median handler duration (ms). */
  medianMs: number;
  /** Log stream names, one per sandbox. */
  instances: string[];
}

export interface FleetOptions {
  functions: number;
  seed: number;
  /** Epoch ms the log stream dates are taken from. */
  baseTimeMs: number;
  /** Share of functions with X-Ray active tracing. */
  tracedShare?: number;
}

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];
const ACCOUNTS = ['123456789012', '210987654321', '555566667777'];
const MEMORY = [128, 256, 512, 1024, 1536, 2048, 3008];
const RUNTIMES: { runtime: string; version: string; language: string }[] = [
  { runtime: 'nodejs20.x', version: 'nodejs:20.v13', language: 'nodejs' },
  { runtime: 'nodejs22.x', version: 'nodejs:22.v5', language: 'nodejs' },
  { runtime: 'python3.12', version: 'python:3.12.v18', language: 'python' },
  { runtime: 'java21', version: 'java:21.v9', language: 'java' },
];
const DOMAINS = ['orders', 'payments', 'users', 'catalog', 'search', 'billing', 'images', 'events'];
const VERBS = ['get', 'put', 'list', 'sync', 'process', 'notify', 'resize', 'export'];

/**
 * A deterministic fleet: names like `orders-process-17`, a few accounts and regions, memory
 * sizes and runtimes in realistic proportions, 1–6 sandboxes per function. Traffic is skewed
 * (Zipf, exponent 0.8): a few functions take most invocations, as in real fleets.
 */
export class LambdaFleet {
  readonly functions: FleetFunction[] = [];
  private readonly cumulative: number[] = [];

  constructor(readonly options: FleetOptions) {
    const rnd = new SeededRandom(options.seed);
    const date = new Date(options.baseTimeMs).toISOString().slice(0, 10).replace(/-/g, '/');
    let total = 0;
    for (let i = 0; i < options.functions; i++) {
      const rt = RUNTIMES[rnd.int(RUNTIMES.length)];
      const version = rnd.chance(0.6) ? '$LATEST' : String(1 + rnd.int(40));
      const instances = Array.from(
        { length: 1 + rnd.int(6) },
        () => `${date}/[${version}]${rnd.hex(16)}`,
      );
      this.functions.push({
        name: `${rnd.pick(DOMAINS)}-${rnd.pick(VERBS)}-${i}`,
        account: rnd.pick(ACCOUNTS),
        region: rnd.pick(REGIONS),
        version,
        alias: version === '$LATEST' ? '' : rnd.chance(0.5) ? 'live' : '',
        memoryMb: rnd.pick(MEMORY),
        runtime: rt.runtime,
        runtimeVersion: rt.version,
        language: rt.language,
        architecture: rnd.chance(0.3) ? 'arm64' : 'x86_64',
        traced: rnd.chance(options.tracedShare ?? 0.3),
        medianMs: 5 + rnd.logNormal(60, 1.2),
        instances,
      });
      total += 1 / Math.pow(i + 1, 0.8);
      this.cumulative.push(total);
    }
    for (let i = 0; i < this.cumulative.length; i++) this.cumulative[i] /= total;
  }

  /** A function drawn with the fleet's traffic skew. */
  pick(rnd: SeededRandom): FleetFunction {
    const u = rnd.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.functions[lo];
  }
}

export function invokedArn(fn: FleetFunction): string {
  const base = `arn:aws:lambda:${fn.region}:${fn.account}:function:${fn.name}`;
  return fn.alias ? `${base}:${fn.alias}` : base;
}
