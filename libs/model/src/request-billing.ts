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
