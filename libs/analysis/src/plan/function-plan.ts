import type { PlanRole, SavingRange } from '../recommendation';
import { compareRecommendations } from '../recommendation';

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
 * One function's plan: reliability fixes first, the changes that can all be done together (their
 * savings add up), and exclusive options (moving to containers) shown beside them, never added.
 */
export interface FunctionPlan<T extends PlanItem> {
  functionId: string;
  fixes: T[];
  changes: T[];
  options: T[];
  /** Fixes and changes together: the only total that can be acted on as a whole. */
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
        break;
      case 'change':
        plan.changes.push(item);
        break;
      case 'option':
        plan.options.push(item);
        continue;
    }
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
