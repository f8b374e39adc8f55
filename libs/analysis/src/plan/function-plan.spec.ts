import type { PlanItem } from './function-plan';
import { buildPlans } from './function-plan';

function item(
  functionId: string,
  kind: string,
  planRole: PlanItem['planRole'],
  usd: number,
  severity: PlanItem['severity'] = 'info',
): PlanItem {
  return {
    functionId,
    kind,
    severity,
    planRole,
    confidenceScore: 0.8,
    monthlyImpactUsd: usd,
    savingUsd: { lowUsd: usd * 0.8, highUsd: usd * 1.2 },
  };
}

describe(buildPlans.name, () => {
  it('defect 11 (totals add alternatives that exclude each other): memory and PC add up, containers are an option outside the total', () => {
    const [plan] = buildPlans([
      item('f', 'memory', 'change', 220),
      item('f', 'provisioned-concurrency', 'change', 19),
      item('f', 'containers', 'option', 1438),
    ]);
    expect(plan.changes.map((c) => c.kind)).toEqual(['memory', 'provisioned-concurrency']);
    expect(plan.options.map((c) => c.kind)).toEqual(['containers']);
    expect((plan.totalUsd.lowUsd + plan.totalUsd.highUsd) / 2).toBeCloseTo(239, 6);
  });

  it('puts plans with a reliability fix first, critical before warning', () => {
    const plans = buildPlans([
      item('saver', 'memory', 'change', 500),
      item('risky', 'timeout-risk', 'fix', 0, 'warning'),
      item('broken', 'memory', 'fix', -3, 'critical'),
    ]);
    expect(plans.map((p) => p.functionId)).toEqual(['broken', 'risky', 'saver']);
  });

  it('negative savings summed as savings: a change that costs more is listed with its own cost and never added to the total, as the weekly report marks it "In total: no"', () => {
    const raise: PlanItem = {
      ...item('f', 'memory', 'change', -0.64),
      savingUsd: { lowUsd: -0.65, highUsd: -0.63 },
    };
    const [alone] = buildPlans([raise]);
    expect(alone.changes).toEqual([raise]);
    expect(alone.totalUsd).toEqual({ lowUsd: 0, highUsd: 0 });

    const [mixed] = buildPlans([raise, item('f', 'provisioned-concurrency', 'change', 100)]);
    expect(mixed.changes.map((c) => c.kind)).toEqual(['provisioned-concurrency', 'memory']);
    expect(mixed.totalUsd).toEqual({ lowUsd: 80, highUsd: 120 });
  });

  it('a reliability fix is done whatever it costs: its cost is shown on the fix, not netted into the saving total', () => {
    const [plan] = buildPlans([
      item('f', 'memory', 'fix', -3, 'critical'),
      item('f', 'provisioned-concurrency', 'change', 10),
    ]);
    expect(plan.fixes).toHaveLength(1);
    expect(plan.totalUsd).toEqual({ lowUsd: 8, highUsd: 12 });
  });
});
