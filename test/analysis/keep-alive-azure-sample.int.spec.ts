import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import {
  applicationMinutes,
  fixedPolicy,
  hybridPolicy,
  replayHybridOnline,
  replayPolicy,
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
    const fixed: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const hybrid: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    // Online, as the paper runs it: each idle time met with what was learnt before it.
    const online: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const lines: string[] = [];
    const add = (t: Totals, r: { coldStarts: number; idleMinutes: number }, gb: number) => {
      t.coldStarts += r.coldStarts;
      t.idleGbSeconds += r.idleMinutes * 60 * gb;
    };
    for (const [key, functions] of apps) {
      const active = applicationMinutes(functions);
      const gb = medianOf(memory.get(key)!.points) / 1024;
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
    expect(apps.size).toBe(10);
    expect(fixed.coldStarts).toBe(12);
    expect(hybrid.coldStarts).toBe(16);
    expect(Math.round(fixed.idleGbSeconds)).toBe(1746);
    expect(Math.round(hybrid.idleGbSeconds)).toBe(1345);
    expect(hybrid.idleGbSeconds).toBeLessThan(fixed.idleGbSeconds);
    expect(hybrid.coldStarts).toBeGreaterThan(fixed.coldStarts);
  });
});

function medianOf(points: { p: number; value: number }[]): number {
  return points.find((p) => p.p === 0.5)!.value;
}
