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
  /** Read for the memory finding (a size still to measure). */
  evidence?: Record<string, unknown>;
}

/** What the plan-total rule reads of a recommendation (the weekly report's rows fit too). */
export type PlanTotalItem = Pick<
  PlanItem,
  'functionId' | 'kind' | 'planRole' | 'monthlyImpactUsd'
> &
  Partial<Pick<PlanItem, 'evidence'>>;

/** Kinds priced at the memory the function runs at: they change when it does. */
const PRICED_AT_MEMORY: ReadonlySet<string> = new Set(['provisioned-concurrency', 'keep-alive']);

/**
 * A memory change whose size is still to be measured (one size seen: "over-provisioned, measure
 * N MB"): the analyses after it were priced at today's memory (runAnalyzers re-prices them only
 * at a size it recommends), and the size it leads to is not known.
 */
export function isMemoryToMeasure(item: PlanTotalItem): boolean {
  return (
    item.kind === 'memory' &&
    item.planRole === 'change' &&
    item.evidence?.['finding'] === 'over-provisioned'
  );
}

/**
 * A change priced at today's memory beside a memory change still to measure: a follow-up to
 * re-evaluate after that change, never added to the plan's total. Its saving may shrink with the
 * memory (provisioned concurrency is billed per GB allocated) and its durations change with the
 * CPU share, so it is not re-priced at a guessed size (docs/decisions.md "One plan per function").
 */
export function isFollowUp(item: PlanTotalItem, sameFunction: readonly PlanTotalItem[]): boolean {
  return (
    item.planRole === 'change' &&
    PRICED_AT_MEMORY.has(item.kind) &&
    sameFunction.some((other) => other.functionId === item.functionId && isMemoryToMeasure(other))
  );
}

/**
 * Whether a recommendation adds to its plan's total: a change that saves money (savesMoney) and is
 * not a follow-up. Fixes, options, costs and follow-ups are listed, never added. The one rule the
 * plans, the run summary and the weekly report share.
 */
export function inPlanTotal(item: PlanTotalItem, sameFunction: readonly PlanTotalItem[]): boolean {
  return (
    item.planRole === 'change' &&
    savesMoney(item.monthlyImpactUsd) &&
    !isFollowUp(item, sameFunction)
  );
}

/**
 * One function's plan: reliability fixes first, the changes that can all be done together (those
 * that save money add up), the follow-ups to re-evaluate after a memory change still to measure,
 * and exclusive options (moving to containers) shown beside them, never added.
 */
export interface FunctionPlan<T extends PlanItem> {
  functionId: string;
  fixes: T[];
  changes: T[];
  /** Changes priced at today's memory beside a memory change still to measure (isFollowUp). */
  followUps: T[];
  options: T[];
  /**
   * The saving of the changes that save money (savesMoney), which can be made together. A change
   * that costs more (a trade-off, e.g. more memory for speed) and a reliability fix are listed
   * with their own cost and never added: a cost is not a saving. Follow-ups and options are never
   * added.
   */
  totalUsd: SavingRange;
}

export function buildPlans<T extends PlanItem>(items: readonly T[]): FunctionPlan<T>[] {
  const byFunction = new Map<string, FunctionPlan<T>>();
  const itemsOf = new Map<string, T[]>();
  for (const item of items) {
    const same = itemsOf.get(item.functionId);
    if (same) same.push(item);
    else itemsOf.set(item.functionId, [item]);
  }
  for (const item of [...items].sort(compareRecommendations)) {
    let plan = byFunction.get(item.functionId);
    if (!plan) {
      plan = {
        functionId: item.functionId,
        fixes: [],
        changes: [],
        followUps: [],
        options: [],
        totalUsd: { lowUsd: 0, highUsd: 0 },
      };
      byFunction.set(item.functionId, plan);
    }
    const sameFunction = itemsOf.get(item.functionId) ?? [];
    switch (item.planRole) {
      case 'fix':
        plan.fixes.push(item);
        continue;
      case 'change':
        (isFollowUp(item, sameFunction) ? plan.followUps : plan.changes).push(item);
        break;
      case 'option':
        plan.options.push(item);
        continue;
    }
    if (!inPlanTotal(item, sameFunction)) continue;
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

/** What the plans add up: the sum of every plan's total (options, fixes and follow-ups left out). */
export function plansTotal(plans: readonly FunctionPlan<PlanItem>[]): SavingRange {
  return plans.reduce(
    (sum, p) => ({
      lowUsd: sum.lowUsd + p.totalUsd.lowUsd,
      highUsd: sum.highUsd + p.totalUsd.highUsd,
    }),
    { lowUsd: 0, highUsd: 0 },
  );
}

/** The sentence a follow-up's reason ends with (withPlanNotes). */
export const FOLLOW_UP_NOTE =
  'Priced at today’s memory: the memory change to measure first may lower this figure (a smaller size allocates fewer GB, and durations change with the CPU share). Re-evaluate after that change; not added to the plan’s total.';

/**
 * The recommendations with each follow-up saying so in its reason and `evidence.planNote`, so the
 * stored rows (the API, the weekly report) read as the plans count them.
 */
export function withPlanNotes<
  T extends PlanTotalItem & { reason: string; evidence: Record<string, unknown> },
>(items: readonly T[]): T[] {
  const toMeasure = items.filter(isMemoryToMeasure);
  return items.map((item) =>
    isFollowUp(item, toMeasure) && item.evidence['planNote'] !== FOLLOW_UP_NOTE
      ? {
          ...item,
          reason: `${item.reason} ${FOLLOW_UP_NOTE}`,
          evidence: { ...item.evidence, planNote: FOLLOW_UP_NOTE },
        }
      : item,
  );
}
