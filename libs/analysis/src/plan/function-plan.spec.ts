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
      item('f', 'provisioned-concurrency', 'change', -219),
      item('f', 'containers', 'option', 1438),
    ]);
    expect(plan.changes.map((c) => c.kind)).toEqual(['memory', 'provisioned-concurrency']);
    expect(plan.options.map((c) => c.kind)).toEqual(['containers']);
    expect((plan.totalUsd.lowUsd + plan.totalUsd.highUsd) / 2).toBeCloseTo(1, 6);
  });

  it('puts plans with a reliability fix first, critical before warning', () => {
    const plans = buildPlans([
      item('saver', 'memory', 'change', 500),
      item('risky', 'timeout-risk', 'fix', 0, 'warning'),
      item('broken', 'memory', 'fix', -3, 'critical'),
    ]);
    expect(plans.map((p) => p.functionId)).toEqual(['broken', 'risky', 'saver']);
  });
});
