import { azureBilledMemoryMb } from '@fleetscope/model';
import { CostAccumulator } from '../catalogue/cost-accumulator';
import type { PriceCatalogue } from '../catalogue/price-catalogue';
import type { CostResult } from '../catalogue/price.types';

/*
 * Cloud Run / Cloud Run functions (Cloud Functions 2nd gen) and Azure Functions Consumption, priced
 * from the catalogue (meters gcp.cloud-run.request-based.* and azure.functions.consumption.*).
 */

/** Usage of a Cloud Run service or a 2nd-gen Cloud Function billed per request. */
export interface CloudRunUsage {
  requests: number;
  /** Instance-seconds billed while serving (requests' time, each rounded up to 100 ms). */
  billableSeconds: number;
  vcpu: number;
  memoryGib: number;
}

/** Cloud Run request-based billing: vCPU-seconds, GiB-seconds and requests; tier by region. */
export function cloudRunUsageCost(
  usage: CloudRunUsage,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const cost = new CostAccumulator(catalogue, at, region);
  cost.add('gcp.cloud-run.request-based.vcpu', usage.billableSeconds * usage.vcpu);
  cost.add('gcp.cloud-run.request-based.memory', usage.billableSeconds * usage.memoryGib);
  cost.add('gcp.cloud-run.requests', usage.requests);
  return cost.result();
}

/** Cloud Run's billing step: each request's time rounded up to 100 ms. */
export function cloudRunBillableSeconds(durationMs: number): number {
  return (Math.ceil(durationMs / 100) * 100) / 1000;
}

/**
 * The vCPU a service gets when its configuration is unknown: Cloud Run's default of 1; Cloud
 * Functions 2nd gen by memory (cloud.google.com/functions/docs/configuring/memory).
 */
export function defaultGcpVcpu(
  platform: 'gcp_cloud_run' | 'gcp_cloud_functions',
  memoryMb: number,
): number {
  if (platform === 'gcp_cloud_run') return 1;
  if (memoryMb <= 128) return 0.083;
  if (memoryMb <= 256) return 0.167;
  if (memoryMb <= 512) return 0.333;
  if (memoryMb <= 1024) return 0.583;
  if (memoryMb <= 2048) return 1;
  if (memoryMb <= 8192) return 2;
  if (memoryMb <= 16384) return 4;
  return 8;
}

/** Usage of an Azure Functions Consumption app. */
export interface AzureConsumptionUsage {
  executions: number;
  gbSeconds: number;
}

/** Azure Functions Consumption: execution time (GB-s) and executions. Free grants not deducted. */
export function azureFunctionsUsageCost(
  usage: AzureConsumptionUsage,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const cost = new CostAccumulator(catalogue, at, region);
  cost.add('azure.functions.consumption.execution-time', usage.gbSeconds);
  cost.add('azure.functions.consumption.executions', usage.executions);
  return cost.result();
}

/** The least memory Consumption bills an execution at (azureBilledMemoryMb of anything below). */
const AZURE_MIN_BILLED_MB = azureBilledMemoryMb(0);

/**
 * One execution's billed GB-seconds on Consumption: memory rounded up to 128 MB (128–1,536 MB),
 * time rounded up to 1 ms with a 100 ms minimum (functions-consumption-costs).
 */
export function azureExecutionGbSeconds(durationMs: number, memoryMb: number): number {
  const mb = azureBilledMemoryMb(memoryMb);
  const ms = Math.max(100, Math.ceil(durationMs));
  return ((mb / 1024) * ms) / 1000;
}

export type GcpAzurePlatform = 'gcp_cloud_run' | 'gcp_cloud_functions' | 'azure_functions';

/** What the per-minute aggregate knows of a function's use over a range. */
export interface AggregateUsage {
  invocations: number;
  /** Σ billed ms × memory MB (each invocation's time rounded up to 1 ms). */
  billedMbMs: number;
  /**
   * The memory the billed time ran at; of time at several sizes, their mean weighted by billed
   * time, so that billedMbMs / memoryMb is the billed ms (Cloud Run's and Cloud Functions' vCPU
   * time). Cloud Functions' default vCPU is then the mean's: the sums do not say each size's time.
   */
  memoryMb: number;
  /** Configured vCPU, when the inventory knows it (GCP). */
  vcpu?: number | null;
}

/**
 * A Cloud Run, Cloud Functions or Azure Functions bill from aggregate sums. Each request's own
 * step (Cloud Run's and Cloud Functions' 100 ms rounding, Azure's 100 ms minimum) is applied
 * when its span is stored (billedRequestMs in @fleetscope/model), so the sums hold billed time;
 * rows stored before that hold the raw time, and Azure's least bill, 100 ms at 128 MB an
 * execution, is kept here for them. The memory bill is the sums' MB·ms as they are: `memoryMb`
 * may be a mean of several sizes, which no execution ran at, and no step of memory is taken of it.
 */
export function aggregateUsageCost(
  platform: GcpAzurePlatform,
  usage: AggregateUsage,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const memoryMb = Math.max(1, usage.memoryMb);
  switch (platform) {
    case 'azure_functions': {
      // Each execution's memory is stored at its billed size (azureBilledMemoryMb, applied by the
      // importer and the span normaliser), so the sums already hold the billed MB·ms. Rounding
      // their mean up (257 MB of a day at 256 and 384 MB to 384) would bill every execution at the
      // larger. Rows stored before the normaliser applied it hold the span's raw memory.
      const mbMs = Math.max(usage.billedMbMs, usage.invocations * 100 * AZURE_MIN_BILLED_MB);
      return azureFunctionsUsageCost(
        { executions: usage.invocations, gbSeconds: mbMs / 1024 / 1000 },
        at,
        region,
        catalogue,
      );
    }
    case 'gcp_cloud_run':
    case 'gcp_cloud_functions':
      return cloudRunUsageCost(
        {
          requests: usage.invocations,
          billableSeconds: usage.billedMbMs / memoryMb / 1000,
          vcpu: usage.vcpu ?? defaultGcpVcpu(platform, memoryMb),
          memoryGib: memoryMb / 1024,
        },
        at,
        region,
        catalogue,
      );
  }
}
