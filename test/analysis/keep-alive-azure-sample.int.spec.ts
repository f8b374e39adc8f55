import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import {
  applicationMinutes,
  fixedPolicy,
  hybridPolicy,
  idlePeriods,
  minutesAfterLast,
  replayHybridOnline,
  replayIdle,
  replayPolicy,
  type ActiveMinutes,
} from '@fleetscope/analysis';
import { readInvocationCounts, readMemoryPercentiles } from '@fleetscope/traces';

const SAMPLE = join(__dirname, '..', 'fixtures', 'azure-functions', '2019-10fn');
const DAY = 1440;

interface Totals {
  coldStarts: number;
  idleGbSeconds: number;
}

/**
 * The hybrid histogram policy against a fixed 10-minute keep-alive on the Azure 2019 sample,
 * modelled as the paper does (docs/keep-alive.md): one instance per application, warm once any of
 * its functions ran, with the application's median memory; memory-time wasted only while the
 * application is loaded and idle within the day replayed.
 */
describe('keep-alive policies on the Azure Functions 2019 10-function sample', () => {
  // The issue asked for fewer cold starts at no more idle memory-time. With the paper's model
  // the hybrid policy wastes less memory-time but has more cold starts on this sample; the test
  // pins both numbers rather than tuning the policy (per-application reasons in docs/keep-alive.md).
  it('the hybrid policy wastes less idle memory-time than a fixed 10-minute keep-alive but has more cold starts here; both reported', async () => {
    const apps = await sampleApplications();
    const fixed: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const hybrid: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    // Online, as the paper runs it: each idle time met with what was learnt before it.
    const online: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const lines: string[] = [];
    const add = (t: Totals, r: { coldStarts: number; idleMinutes: number }, gb: number) => {
      t.coldStarts += r.coldStarts;
      t.idleGbSeconds += r.idleMinutes * 60 * gb;
    };
    for (const { key, functions, active, gb } of apps) {
      const decision = hybridPolicy(active);
      const f = replayPolicy(active, fixedPolicy(10), DAY);
      const h = replayPolicy(active, decision.policy, DAY);
      const o = replayHybridOnline(active, undefined, DAY);
      add(fixed, f, gb);
      add(hybrid, h, gb);
      add(online, o, gb);
      lines.push(
        `${key.split('/')[1].slice(0, 8)} ${functions.length} fn ${String(active.length).padStart(4)} active min, ${String(decision.histogram.total - decision.histogram.bins[0]).padStart(3)} idle >= 1 min; ${decision.policy.kind.padEnd(8)} prewarm ${decision.policy.prewarmMinutes} keep ${decision.policy.keepAliveMinutes}: ` +
          `fixed ${f.coldStarts} cold / ${f.idleMinutes} idle min, hybrid ${h.coldStarts} / ${h.idleMinutes}, online ${o.coldStarts} / ${o.idleMinutes}`,
      );
    }
    lines.push(
      `total: fixed 10 min ${fixed.coldStarts} cold starts, ${fixed.idleGbSeconds.toFixed(0)} idle GB-s; ` +
        `hybrid ${hybrid.coldStarts} cold starts, ${hybrid.idleGbSeconds.toFixed(0)} idle GB-s; ` +
        `online hybrid ${online.coldStarts} cold starts, ${online.idleGbSeconds.toFixed(0)} idle GB-s`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    // Ten applications of one function each: per application is per function on this sample.
    expect(apps).toHaveLength(10);
    expect(fixed.coldStarts).toBe(12);
    expect(hybrid.coldStarts).toBe(16);
    expect(Math.round(fixed.idleGbSeconds)).toBe(1746);
    expect(Math.round(hybrid.idleGbSeconds)).toBe(1345);
    expect(hybrid.idleGbSeconds).toBeLessThan(fixed.idleGbSeconds);
    expect(hybrid.coldStarts).toBeGreaterThan(fixed.coldStarts);
  });

  // Not only the paper's policy: no policy of the same kind does it here. Every (pre-warm,
  // keep-alive) pair per application, each picked with hindsight of the day it is replayed on
  // (the in-sample hybrid policy and every fixed keep-alive are such pairs), combined across the
  // ten applications: none has fewer cold starts than the fixed 10 minutes at no more idle
  // memory-time. Idle times are whole minutes, so the pairs worth trying are the breakpoints where
  // an idle time changes sides (docs/keep-alive.md, "On the Azure 2019 10-function sample").
  it('no (pre-warm, keep-alive) pair per application, even chosen with hindsight, beats the fixed 10 minutes on both counts', async () => {
    const apps = await sampleApplications();
    // fewest[c]: the least idle GB-s with c cold starts in all, over the applications so far.
    let fewest: number[] = [0];
    let fixed: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    for (const { active, gb } of apps) {
      const f = replayPolicy(active, fixedPolicy(10), DAY);
      fixed = {
        coldStarts: fixed.coldStarts + f.coldStarts,
        idleGbSeconds: fixed.idleGbSeconds + f.idleMinutes * 60 * gb,
      };
      const options = paretoOptions(active, gb);
      const next: number[] = [];
      fewest.forEach((gbs, c) => {
        for (const [cold, idleGbs] of options) {
          const total = gbs + idleGbs;
          if (!(next[c + cold] <= total)) next[c + cold] = total;
        }
      });
      fewest = next;
    }
    const best = Math.min(...fewest.slice(0, fixed.coldStarts).filter((v) => v !== undefined));
    process.stdout.write(
      `fixed 10 min: ${fixed.coldStarts} cold starts, ${fixed.idleGbSeconds.toFixed(0)} idle GB-s; ` +
        `the least idle GB-s with fewer cold starts, any pair per application: ${best.toFixed(0)}\n`,
    );
    expect(fixed.coldStarts).toBe(12);
    // The search holds the fixed 10 minutes (or a pair as good): it is not searching too little.
    expect(fewest[fixed.coldStarts]).toBeLessThanOrEqual(fixed.idleGbSeconds + 1e-6);
    expect(best).toBeGreaterThan(fixed.idleGbSeconds);
    // 1,771 until an idle of exactly k whole minutes counted warm under a k-minute keep-alive.
    expect(Math.round(best)).toBe(1799);
  });
});

interface SampleApplication {
  key: string;
  functions: number[][];
  /** Minutes in which any of its functions ran. */
  active: number[];
  /** The application's median memory, GB. */
  gb: number;
}

async function sampleApplications(): Promise<SampleApplication[]> {
  const { rows } = await readInvocationCounts(
    createReadStream(join(SAMPLE, 'invocations.csv')),
    'invocations.csv',
  );
  const memory = await readMemoryPercentiles(
    createReadStream(join(SAMPLE, 'memory.csv')),
    'memory.csv',
  );
  const apps = new Map<string, number[][]>();
  for (const row of rows) {
    const active: number[] = [];
    row.counts.forEach((c, m) => c > 0 && active.push(m));
    const key = `${row.owner}/${row.app}`;
    apps.set(key, [...(apps.get(key) ?? []), active]);
  }
  return [...apps].map(([key, functions]) => ({
    key,
    functions,
    active: applicationMinutes(functions),
    gb: medianOf(memory.get(key)!.points) / 1024,
  }));
}

/**
 * For each number of cold starts, the least idle GB-s any (pre-warm p, keep-alive k) pair gives
 * the application. With whole-minute idle times t, an idle time is cold when t < p or t ≥ k (t
 * whole idle minutes are a gap longer than t), so between two breakpoints a smaller k or a larger p
 * only saves memory: the pairs worth trying are p in {0} ∪ {t + 1} and k in {p} ∪ {t + 1} ∪ {the
 * minutes observed after the last}, with k ≥ p.
 */
function paretoOptions(active: ActiveMinutes, gb: number): [cold: number, idleGbs: number][] {
  const idle = idlePeriods(active);
  const afterLast = minutesAfterLast(active, DAY);
  const values = [...new Set(idle)];
  const best = new Map<number, number>();
  for (const p of [0, ...values.map((t) => t + 1)]) {
    for (const k of [p, ...values.map((t) => t + 1), afterLast]) {
      if (k < p) continue;
      const r = replayIdle(
        idle,
        active.length,
        { kind: 'fixed', prewarmMinutes: p, keepAliveMinutes: k },
        afterLast,
      );
      const gbs = r.idleMinutes * 60 * gb;
      if (!(best.get(r.coldStarts)! <= gbs)) best.set(r.coldStarts, gbs);
    }
  }
  return [...best];
}

function medianOf(points: { p: number; value: number }[]): number {
  return points.find((p) => p.p === 0.5)!.value;
}
