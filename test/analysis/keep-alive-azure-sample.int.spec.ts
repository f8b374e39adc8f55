import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fixedPolicy, hybridPolicy, replayPolicy } from '@fleetscope/analysis';
import { readInvocationCounts, readMemoryPercentiles } from '@fleetscope/traces';

const SAMPLE = join(__dirname, '..', 'fixtures', 'azure-functions', '2019-10fn');

interface Totals {
  coldStarts: number;
  idleGbSeconds: number;
}

/**
 * The hybrid histogram policy against a fixed 10-minute keep-alive on the 10 real functions of
 * the Azure 2019 sample, each replayed over its own 1,440 minutes with its app's median memory.
 */
describe('keep-alive policies on the Azure Functions 2019 10-function sample', () => {
  it('the hybrid policy has fewer cold starts than a fixed 10-minute keep-alive; both idle memory-times reported', async () => {
    const { rows } = await readInvocationCounts(
      createReadStream(join(SAMPLE, 'invocations.csv')),
      'invocations.csv',
    );
    const memory = await readMemoryPercentiles(
      createReadStream(join(SAMPLE, 'memory.csv')),
      'memory.csv',
    );
    const fixed: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const hybrid: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const lines: string[] = [];
    for (const row of rows) {
      const active: number[] = [];
      row.counts.forEach((c, m) => c > 0 && active.push(m));
      const gb = drawMedian(memory.get(`${row.owner}/${row.app}`)!.points) / 1024;
      const decision = hybridPolicy(active);
      const f = replayPolicy(active, fixedPolicy(10));
      const h = replayPolicy(active, decision.policy);
      fixed.coldStarts += f.coldStarts;
      fixed.idleGbSeconds += f.idleMinutes * 60 * gb;
      hybrid.coldStarts += h.coldStarts;
      hybrid.idleGbSeconds += h.idleMinutes * 60 * gb;
      lines.push(
        `${row.func.slice(0, 8)} ${row.trigger.padEnd(6)} ${decision.policy.kind.padEnd(10)} prewarm ${decision.policy.prewarmMinutes} keep ${decision.policy.keepAliveMinutes}: ` +
          `fixed ${f.coldStarts} cold / ${f.idleMinutes} idle min, hybrid ${h.coldStarts} / ${h.idleMinutes}`,
      );
      // Where the histogram says nothing the hybrid is the fixed 10 minutes, exactly.
      if (decision.policy.kind === 'fallback') expect(h).toEqual(f);
    }
    lines.push(
      `total: fixed 10 min ${fixed.coldStarts} cold starts, ${fixed.idleGbSeconds.toFixed(0)} idle GB-s; ` +
        `hybrid ${hybrid.coldStarts} cold starts, ${hybrid.idleGbSeconds.toFixed(0)} idle GB-s`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(hybrid.coldStarts).toBeLessThan(fixed.coldStarts);
  });
});

function drawMedian(points: { p: number; value: number }[]): number {
  return points.find((p) => p.p === 0.5)!.value;
}
