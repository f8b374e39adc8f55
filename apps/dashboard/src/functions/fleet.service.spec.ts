import { groupColdStarts } from '@fleetscope/analysis-jobs';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { ColdStartRow, FunctionConfig, FunctionTotals } from '@fleetscope/storage';
import { summarise } from './fleet.service';

const ID = 'aws_lambda~123456789012~us-east-1~snap';
const AT = new Date('2026-01-15T00:00:00Z');
const pricing = new PricingService(defaultCatalogue);
const RANGE = { fromMs: AT.getTime() - 3_600_000, toMs: AT.getTime() };

function totals(restores: number, billedRestoreSumMs: number): FunctionTotals {
  return {
    functionId: ID,
    version: '3',
    invocations: 10,
    errors: 0,
    timeouts: 0,
    coldStarts: restores,
    unknownStarts: 0,
    restores,
    durationSumMs: 1000,
    durationMaxMs: 200,
    durationBuckets: { indexes: [], counts: [] },
    initBuckets: { indexes: [], counts: [] },
    initDurationSumMs: 0,
    billedRestoreSumMs,
    maxMemoryUsedMb: 0,
    billedMbMs: 1000 * 1024,
    billedMsKnownMemory: 1000,
    billedMsUnknownMemory: 0,
    lastMemorySizeMb: 1024,
  };
}

function coldStartRow(restores: number, billedRestoreSumMs: number): ColdStartRow {
  return {
    key: ID,
    functionId: ID,
    memorySizeMb: 1024,
    version: '3',
    invocations: 10,
    coldStarts: 0,
    unknownStarts: 0,
    provisionedInits: 0,
    restores,
    initDurationSumMs: 0,
    initBuckets: { indexes: [], counts: [] },
    restoreDurationSumMs: 2 * billedRestoreSumMs,
    billedRestoreSumMs,
  };
}

const configOf = (runtime: string) =>
  ({ functionId: ID, runtime, architecture: 'x86_64', memoryMb: 1024 }) as FunctionConfig;

describe(summarise.name, () => {
  // AWS bills the Billed Restore Duration as duration for every runtime; the per-GB restore fee
  // (and the snapshot cache) only for Python and .NET; Java has no extra charge (docs/decisions.md).
  it.each([
    ['java21', 2, 240],
    ['python3.12', 2, 240],
    ['dotnet8', 3, 0],
  ])(
    'prices the SnapStart restores of a %s function as the cold-start report does',
    (runtime, restores, billedRestoreMs) => {
      const config = configOf(runtime);
      const withRestores = summarise(totals(restores, billedRestoreMs), config, RANGE, pricing);
      const without = summarise(totals(0, 0), config, RANGE, pricing);
      const report = groupColdStarts(
        [coldStartRow(restores, billedRestoreMs)],
        [],
        new Map([[ID, config]]),
        'function',
        new Date(RANGE.toMs),
        pricing,
      );
      const fleetRestoreUsd = withRestores.costUsd! - without.costUsd!;
      expect(report.totals.snapStart.costUsd).toBeCloseTo(fleetRestoreUsd, 5);
    },
  );
});
