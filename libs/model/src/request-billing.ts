import type { Platform } from './function-identity';

/**
 * The time one request is billed for, where the platform bills each request on its own and a
 * span is all Fleetscope sees of it (the aggregate keeps sums, too late to round): Cloud Run's
 * request-based billing and Cloud Functions round each request up to 100 ms; Azure Functions
 * Consumption bills at least 100 ms, in whole ms (research/coldstart_cost.md, "Cloud Run",
 * "Azure"). null where the platform says what it billed (Lambda's REPORT lines) or bills
 * otherwise (pods). Cloud Run bills an instance's time once however many requests it runs at once:
 * with concurrency above 1 this overstates its bill.
 */
export function billedRequestMs(platform: Platform, durationMs: number): number | null {
  if (!(durationMs >= 0)) return null;
  switch (platform) {
    case 'gcp_cloud_run':
    case 'gcp_cloud_functions':
      return Math.max(100, Math.ceil(durationMs / 100) * 100);
    case 'azure_functions':
      return Math.max(100, Math.ceil(durationMs));
    case 'aws_lambda':
    case 'knative':
    case 'openfaas':
    case 'other':
      return null;
  }
}

/**
 * The memory Azure Functions Consumption bills an execution at: its memory rounded up to 128 MB,
 * at least 128 and at most 1,536 MB (Microsoft Learn, functions-consumption-costs). The importer and
 * the span normaliser store each execution at it, so the aggregate's MB·ms is the bill.
 */
export function azureBilledMemoryMb(memoryMb: number): number {
  return Math.min(1536, Math.max(128, Math.ceil(memoryMb / 128) * 128));
}

/**
 * The memory one request is billed at, where a span says what it used rather than a configured
 * size (Azure Functions Consumption); elsewhere the size as given. Stored in place of the raw
 * figure (the span keeps its faas.max_memory), since the aggregate sums billed ms × this memory.
 * An unknown size (null, or 0 as the aggregate stores it) stays unknown, not the least billed.
 */
export function billedRequestMemoryMb(platform: Platform, memoryMb: number | null): number | null {
  if (memoryMb === null || !(memoryMb > 0)) return memoryMb;
  return platform === 'azure_functions' ? azureBilledMemoryMb(memoryMb) : memoryMb;
}
