/**
 * Edge-input fuzzing at volume (issue 15): 100,000 fast-check cases over the OTLP JSON and protobuf,
 * REPORT-line, Telemetry API, CloudWatch and Firehose decoders and the API's query parameters,
 * sent to the real all-in-one Fleetscope (in this process, embedded ClickHouse). Prints cases/s and
 * the counts per target; exits 1 on any 5xx, any crash (a request the server did not answer), any
 * rows ClickHouse refused after validation passed them, or any accepted item not stored. Run: npm run bench:fuzz   (knobs: BENCH_FUZZ_CASES, BENCH_FUZZ_CONCURRENCY,
 * BENCH_FUZZ_SEED)
 */
import { loadavg } from 'node:os';
import fc from 'fast-check';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  FUZZ_ARBITRARIES,
  FUZZ_TARGETS,
  type FuzzCase,
  type FuzzTarget,
} from '../fuzz/support/fuzz-cases';
import { emptyFigures, sendCase, tally, type TargetFigures } from '../fuzz/support/fuzz-runner';
import { fmt, knob } from './support/bench-figures';
import { QUIET_SCHEDULES } from './support/quiet-schedules';

const CASES = knob('FUZZ_CASES', 100_000);
const CONCURRENCY = knob('FUZZ_CONCURRENCY', 64);
const SEED = knob('FUZZ_SEED', 20261204);
const CHUNK = 500;

interface Accounted {
  spans: string[];
  functions: string[];
}

async function storedItems(fleetscope: RunningFleetscope, accounted: Accounted): Promise<number> {
  const count = async (query: string, names: string[]): Promise<number> => {
    if (names.length === 0) return 0;
    const result = await fleetscope.clickhouse.client.query({
      query,
      query_params: { names },
      format: 'JSONEachRow',
    });
    return Number((await result.json<{ n: string | number }>())[0].n);
  };
  return (
    (await count(
      'SELECT count() AS n FROM spans WHERE service_name IN {names:Array(String)}',
      accounted.spans,
    )) +
    (await count(
      'SELECT count() AS n FROM invocations WHERE function_id IN {names:Array(String)}',
      accounted.functions,
    )) +
    (await count(
      'SELECT count() AS n FROM logs WHERE function_id IN {names:Array(String)}',
      accounted.functions,
    ))
  );
}

async function main(): Promise<void> {
  const fleetscope = await startFleetscope({
    ...QUIET_SCHEDULES,
    FLEETSCOPE_RETENTION_DAYS: '30',
    FLEETSCOPE_LOG_LEVEL: 'error',
    // Each case names a sandbox of its own, most without a platform.initStart to wait for.
    FLEETSCOPE_TELEMETRY_INIT_WAIT_MS: '0',
  });
  const figures = Object.fromEntries(FUZZ_TARGETS.map((t) => [t, emptyFigures()])) as Record<
    FuzzTarget,
    TargetFigures
  >;
  const accounted = Object.fromEntries(
    FUZZ_TARGETS.map((t) => [t, { spans: [], functions: [] }]),
  ) as unknown as Record<FuzzTarget, Accounted>;
  const crashes: string[] = [];
  let sent = 0;
  let seed = SEED;
  const started = performance.now();
  try {
    while (sent < CASES && crashes.length === 0) {
      // Round-robin over the targets, a chunk at a time (the cases of a chunk are held in memory).
      const cases: FuzzCase[] = [];
      for (const target of FUZZ_TARGETS) {
        const n = Math.min(Math.ceil(CHUNK / FUZZ_TARGETS.length), CASES - sent - cases.length);
        if (n <= 0) break;
        for (const make of fc.sample(FUZZ_ARBITRARIES[target], { numRuns: n, seed: seed++ })) {
          cases.push(make(`fuzz-${target.replace('_', '-')}-${sent + cases.length}`));
        }
      }
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < cases.length) {
            const c = cases[next++];
            try {
              const outcome = await sendCase(fleetscope, c);
              tally(figures, c, outcome);
              if (outcome.accepted) {
                if (c.accounting.kind === 'spans')
                  accounted[c.target].spans.push(c.accounting.serviceName);
                if (c.accounting.kind === 'lambda')
                  accounted[c.target].functions.push(c.accounting.functionId);
              }
            } catch (error) {
              crashes.push(`${c.target} ${c.method} ${c.path}: ${String(error)}`);
            }
          }
        }),
      );
      sent += cases.length;
      process.stderr.write(`\r${fmt(sent)} / ${fmt(CASES)} cases`);
    }
    const seconds = (performance.now() - started) / 1000;
    await fleetscope.flush();
    process.stderr.write('\n');
    let failed = crashes.length > 0;
    console.log(
      `bench:fuzz: ${fmt(sent)} cases in ${fmt(seconds, 1)} s = ${fmt(sent / seconds)} cases/s ` +
        `(concurrency ${CONCURRENCY}, seed ${SEED}, load average ${loadavg()
          .map((l) => fmt(l, 1))
          .join(' ')})`,
    );
    console.log(
      'target          cases   5xx  refused by storage  accepted items  stored items  answers by status',
    );
    for (const target of FUZZ_TARGETS) {
      const f = figures[target];
      f.storedItems = await storedItems(fleetscope, accounted[target]);
      const statuses = Object.entries(f.byStatus)
        .map(([s, n]) => `${s}: ${fmt(n)}`)
        .join(', ');
      const counted = f.acceptedItems > 0 || f.storedItems > 0;
      console.log(
        `${target.padEnd(14)} ${fmt(f.cases).padStart(6)} ${fmt(f.serverErrors).padStart(5)} ${fmt(f.refusedByStorage).padStart(19)} ` +
          `${(counted ? fmt(f.acceptedItems) : '—').padStart(15)} ${(counted ? fmt(f.storedItems) : '—').padStart(13)}  ${statuses}`,
      );
      if (f.serverErrors > 0 || f.refusedByStorage > 0 || f.acceptedItems !== f.storedItems) {
        failed = true;
      }
    }
    console.log(`crashes (requests not answered): ${crashes.length}`);
    for (const crash of crashes.slice(0, 5)) console.log(`  ${crash}`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await fleetscope.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
