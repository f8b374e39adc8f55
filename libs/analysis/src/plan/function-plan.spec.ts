import type { PlanItem } from './function-plan';
import { FOLLOW_UP_NOTE, buildPlans, withPlanNotes } from './function-plan';

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

  it('fs-busy (PC saving priced at a memory the plan shrinks): with "measure 640 MB" beside provisioned concurrency 10 priced at today\'s 1769 MB, the PC change is a follow-up outside the total, not 125.44–608.34', () => {
    const measure: PlanItem = {
      ...item('fs-busy', 'memory', 'change', 241.17),
      savingUsd: { lowUsd: 0.0008, highUsd: 482.33 },
      evidence: { finding: 'over-provisioned' },
    };
    const pc: PlanItem = {
      ...item('fs-busy', 'provisioned-concurrency', 'change', 125.73),
      savingUsd: { lowUsd: 125.44, highUsd: 126.02 },
    };
    const [plan] = buildPlans([measure, pc]);
    expect(plan.changes.map((c) => c.kind)).toEqual(['memory']);
    expect(plan.followUps.map((c) => c.kind)).toEqual(['provisioned-concurrency']);
    expect(plan.totalUsd).toEqual({ lowUsd: 0.0008, highUsd: 482.33 });
  });

  it('a measured size change prices provisioned concurrency at the size it recommends (runAnalyzers): both are changes and add up', () => {
    const measured: PlanItem = {
      ...item('f', 'memory', 'change', 100),
      evidence: { finding: 'measured-better-size' },
    };
    const [plan] = buildPlans([measured, item('f', 'provisioned-concurrency', 'change', 10)]);
    expect(plan.followUps).toEqual([]);
    expect(plan.totalUsd).toEqual({ lowUsd: 88, highUsd: 132 });
  });

  it('a follow-up says so in its reason and evidence, once; other recommendations are left as they are', () => {
    const recs = [
      {
        ...item('f', 'memory', 'change', 241),
        reason: 'Measure.',
        evidence: { finding: 'over-provisioned' },
      },
      { ...item('f', 'provisioned-concurrency', 'change', 125), reason: 'Level 10.', evidence: {} },
      { ...item('g', 'provisioned-concurrency', 'change', 125), reason: 'Level 3.', evidence: {} },
    ];
    const noted = withPlanNotes(recs);
    expect(noted[0]).toBe(recs[0]);
    expect(noted[1].reason).toBe(`Level 10. ${FOLLOW_UP_NOTE}`);
    expect(noted[1].evidence).toEqual({ planNote: FOLLOW_UP_NOTE });
    expect(noted[2]).toBe(recs[2]);
    expect(withPlanNotes(noted)[1]).toBe(noted[1]);
  });
});
