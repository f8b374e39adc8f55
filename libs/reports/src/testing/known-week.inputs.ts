import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { DailyUsage, ReportFunction, WeeklyReportInputs } from '../build/report-inputs';

/** A week of known invocations whose costs are worked out by hand in weekly-report.builder.spec.ts. */
// The configured catalogue of a process with the default node price (FLEETSCOPE_NODE_*_HOUR_USD).
export const catalogue = defaultCatalogue.withKubernetesNodePrice({
  vcpuHourUsd: 0.0336,
  gibHourUsd: 0.0045,
});
export const pricing = new PricingService(catalogue);
export const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function lambda(
  name: string,
  account: string,
  extra: Partial<ReportFunction> = {},
): ReportFunction {
  return {
    functionId: `aws_lambda~${account}~us-east-1~${name}`,
    name,
    platform: 'aws_lambda',
    account,
    region: 'us-east-1',
    architecture: 'x86_64',
    runtimeKind: 'managed-zip',
    runtime: 'nodejs22.x',
    ephemeralStorageMb: null,
    pod: null,
    ...extra,
  };
}

export function usage(fn: ReportFunction, date: string, u: Partial<DailyUsage>): DailyUsage {
  return {
    functionId: fn.functionId,
    dayStartMs: day(date),
    sources: ['lambda_report'],
    invocations: 0,
    coldStarts: 0,
    memoryMb: 0,
    billedDurationMs: 0,
    unbilledInitMs: 0,
    initDurationMs: 0,
    provisioned: null,
    snapStart: null,
    podSeconds: 0,
    ...u,
  };
}

export const api = lambda('api', '111111111111');
export const batch = lambda('batch', '222222222222', { architecture: 'arm64' });
export const warm = lambda('warm', '111111111111');
export const custom = lambda('custom', '111111111111', {
  runtimeKind: 'custom-runtime',
  ephemeralStorageMb: 1024,
});
export const ksvc: ReportFunction = {
  functionId: 'knative~shop~prod~ksvc',
  name: 'ksvc',
  platform: 'knative',
  account: 'shop',
  region: 'prod',
  architecture: 'x86_64',
  runtimeKind: 'managed-zip',
  runtime: '',
  ephemeralStorageMb: null,
  pod: { vcpu: 0.5, memoryMb: 512 },
};

// 2025-W31 runs Monday 2025-07-28 to Sunday 2025-08-03: managed-runtime INIT is billed from
// 2025-08-01, so the week holds days on both sides of the change. The previous week is 2025-W30.
export const inputs: WeeklyReportInputs = {
  week: '2025-W31',
  generatedAtMs: day('2025-08-04'),
  functions: [api, batch, warm, custom, ksvc],
  days: [
    // Previous week: api 500k × 100 ms at 1024 MB; ksvc one pod for 12 hours.
    usage(api, '2025-07-22', {
      invocations: 500_000,
      memoryMb: 1024,
      billedDurationMs: 50_000_000,
    }),
    usage(ksvc, '2025-07-21', {
      invocations: 1_000,
      podSeconds: 43_200,
      sources: ['knative_queue_proxy'],
    }),
    // batch used 7.4 billion arm64 GB-seconds on 1 July, in neither week: it moves the account
    // towards the 7.5 billion GB-second tier boundary.
    usage(batch, '2025-07-01', {
      invocations: 1_000_000,
      memoryMb: 10240,
      billedDurationMs: 7.4e11,
    }),
    // This week.
    usage(ksvc, '2025-07-28', {
      invocations: 2_000,
      podSeconds: 86_400,
      sources: ['knative_queue_proxy'],
    }),
    usage(custom, '2025-07-29', {
      invocations: 10_000,
      coldStarts: 20,
      memoryMb: 512,
      billedDurationMs: 1_000_000, // REPORT Billed Duration, with the 5,000 ms of INIT in it
      initDurationMs: 5_000,
    }),
    usage(batch, '2025-07-30', { invocations: 1_000_000, memoryMb: 10240, billedDurationMs: 2e10 }),
    usage(api, '2025-07-31', {
      invocations: 1_000_000,
      coldStarts: 10,
      memoryMb: 1024,
      billedDurationMs: 100_000_000, // INIT of a managed runtime is not billed yet
      initDurationMs: 2_000,
    }),
    usage(api, '2025-08-01', {
      invocations: 1_000_000,
      coldStarts: 10,
      memoryMb: 1024,
      billedDurationMs: 100_002_000, // billed INIT included from this day on
      initDurationMs: 2_000,
    }),
    usage(batch, '2025-08-02', { invocations: 1_000_000, memoryMb: 10240, billedDurationMs: 2e10 }),
    usage(warm, '2025-08-03', {
      invocations: 100_000,
      memoryMb: 2048,
      billedDurationMs: 36_000_000,
      provisioned: { concurrency: 2, enabledSeconds: 86_400, billedDurationMs: 36_000_000 },
    }),
  ],
  // As GET /api/coldstarts counts the week's: every cold start of api and custom has its INIT.
  coldStarts: [
    { functionId: api.functionId, coldStartsWithInit: 20, latencyAddedMs: 4_000 },
    { functionId: custom.functionId, coldStartsWithInit: 20, latencyAddedMs: 5_000 },
  ],
  recommendations: [],
};
