import { savesMoney } from '@fleetscope/model';
import type { PlanRole, SavingRange } from '../recommendation';
import { compareRecommendations } from '../recommendation';

export * from './saving-sign';

/** What a plan needs of a recommendation (stored rows and fresh ones both fit). */
export interface PlanItem {
  functionId: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  planRole: PlanRole;
  confidenceScore: number;
  monthlyImpactUsd: number;
  savingUsd: SavingRange;
}

/**
 * One function's plan: reliability fixes first, the changes that can all be done together (those
 * that save money add up), and exclusive options (moving to containers) shown beside them, never
 * added.
 */
export interface FunctionPlan<T extends PlanItem> {
  functionId: string;
  fixes: T[];
  changes: T[];
  options: T[];
  /**
   * The saving of the changes that save money (savesMoney), which can be made together. A change
   * that costs more (a trade-off, e.g. more memory for speed) and a reliability fix are listed
   * with their own cost and never added: a cost is not a saving. Options are never added.
   */
  totalUsd: SavingRange;
}

export function buildPlans<T extends PlanItem>(items: readonly T[]): FunctionPlan<T>[] {
  const byFunction = new Map<string, FunctionPlan<T>>();
  for (const item of [...items].sort(compareRecommendations)) {
    let plan = byFunction.get(item.functionId);
    if (!plan) {
      plan = {
        functionId: item.functionId,
        fixes: [],
        changes: [],
        options: [],
        totalUsd: { lowUsd: 0, highUsd: 0 },
      };
      byFunction.set(item.functionId, plan);
    }
    switch (item.planRole) {
      case 'fix':
        plan.fixes.push(item);
        continue;
      case 'change':
        plan.changes.push(item);
        break;
      case 'option':
        plan.options.push(item);
        continue;
    }
    if (!savesMoney(item.monthlyImpactUsd)) continue;
    plan.totalUsd.lowUsd += item.savingUsd.lowUsd;
    plan.totalUsd.highUsd += item.savingUsd.highUsd;
  }
  // Plans with a fix first, then by what the plan (or its best option) is worth.
  const worth = (p: FunctionPlan<T>) =>
    Math.max(
      (p.totalUsd.lowUsd + p.totalUsd.highUsd) / 2,
      ...p.options.map((o) => o.monthlyImpactUsd),
    );
  return [...byFunction.values()].sort((a, b) => {
    const fixA = a.fixes.length > 0 ? 0 : 1;
    const fixB = b.fixes.length > 0 ? 0 : 1;
    if (fixA !== fixB) return fixA - fixB;
    if (fixA === 0 && a.fixes[0] && b.fixes[0]) {
      const bySeverity = compareRecommendations(a.fixes[0], b.fixes[0]);
      if (bySeverity !== 0) return bySeverity;
    }
    return worth(b) - worth(a);
  });
}
