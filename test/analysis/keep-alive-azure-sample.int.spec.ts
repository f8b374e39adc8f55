import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_HYBRID_OPTIONS,
  fixedPolicy,
  hybridPolicy,
  replayHybridOnline,
  replayPolicy,
} from '@fleetscope/analysis';
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
  // The issue asked for fewer cold starts at no more idle memory-time; on this sample the paper's
  // policy does the opposite trade, and the test says so rather than tuning it (docs/keep-alive.md).
  it('the hybrid policy wastes less idle memory-time than a fixed 10-minute keep-alive but has more cold starts here; both reported', async () => {
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
    // Online, as the paper runs it: with our 10-minute fallback and with the paper's 4 hours.
    const online: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const onlinePaper: Totals = { coldStarts: 0, idleGbSeconds: 0 };
    const lines: string[] = [];
    for (const row of rows) {
      const active: number[] = [];
      row.counts.forEach((c, m) => c > 0 && active.push(m));
      const gb = drawMedian(memory.get(`${row.owner}/${row.app}`)!.points) / 1024;
      const decision = hybridPolicy(active);
      // The paper's own fallback (keep alive for the whole 4-hour range) picks the same here.
      expect(
        hybridPolicy(active, { ...DEFAULT_HYBRID_OPTIONS, fallbackKeepAliveMinutes: 240 }).policy,
      ).toEqual(decision.policy.kind === 'fallback' ? expect.anything() : decision.policy);
      const f = replayPolicy(active, fixedPolicy(10));
      const h = replayPolicy(active, decision.policy);
      fixed.coldStarts += f.coldStarts;
      fixed.idleGbSeconds += f.idleMinutes * 60 * gb;
      const o = replayHybridOnline(active);
      const op = replayHybridOnline(active, {
        ...DEFAULT_HYBRID_OPTIONS,
        fallbackKeepAliveMinutes: 240,
      });
      online.coldStarts += o.coldStarts;
      online.idleGbSeconds += o.idleMinutes * 60 * gb;
      onlinePaper.coldStarts += op.coldStarts;
      onlinePaper.idleGbSeconds += op.idleMinutes * 60 * gb;
      hybrid.coldStarts += h.coldStarts;
      hybrid.idleGbSeconds += h.idleMinutes * 60 * gb;
      lines.push(
        `${row.func.slice(0, 8)} ${row.trigger.padEnd(6)} ${String(active.length).padStart(4)} active min, ${String(decision.histogram.total - decision.histogram.bins[0]).padStart(3)} idle >= 1 min; ${decision.policy.kind.padEnd(10)} prewarm ${decision.policy.prewarmMinutes} keep ${decision.policy.keepAliveMinutes}: ` +
          `fixed ${f.coldStarts} cold / ${f.idleMinutes} idle min, hybrid ${h.coldStarts} / ${h.idleMinutes}`,
      );
      // Where the histogram says nothing the hybrid is the fixed 10 minutes, exactly.
      if (decision.policy.kind === 'fallback') expect(h).toEqual(f);
    }
    lines.push(
      `total: fixed 10 min ${fixed.coldStarts} cold starts, ${fixed.idleGbSeconds.toFixed(0)} idle GB-s; ` +
        `hybrid ${hybrid.coldStarts} cold starts, ${hybrid.idleGbSeconds.toFixed(0)} idle GB-s`,
    );
    lines.push(
      `online hybrid: ${online.coldStarts} cold starts, ${online.idleGbSeconds.toFixed(0)} idle GB-s; ` +
        `with the paper's 4-hour fallback ${onlinePaper.coldStarts} cold starts, ${onlinePaper.idleGbSeconds.toFixed(0)} idle GB-s`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(hybrid.idleGbSeconds).toBeLessThan(fixed.idleGbSeconds);
    expect(hybrid.coldStarts).toBeGreaterThan(fixed.coldStarts);
  });
});

function drawMedian(points: { p: number; value: number }[]): number {
  return points.find((p) => p.p === 0.5)!.value;
}
