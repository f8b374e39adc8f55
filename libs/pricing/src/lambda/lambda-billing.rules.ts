import {
  LAMBDA_INIT_BILLED_FOR_ZIP_FROM,
  LAMBDA_ONE_MS_BILLING_FROM,
} from '../catalogue/default-prices';

export type LambdaArchitecture = 'x86_64' | 'arm64';

/** A stored architecture (the inventory's, the settings history's) as Lambda prices it; undefined when it is neither. */
export const lambdaArchitectureOf = (
  value: string | null | undefined,
): LambdaArchitecture | undefined => (value === 'arm64' || value === 'x86_64' ? value : undefined);

/** How a function is packaged and run, which decides whether its on-demand INIT is billed. */
export type LambdaRuntimeKind = 'managed-zip' | 'custom-runtime' | 'container-image';

export const LAMBDA_RUNTIME_KINDS: readonly LambdaRuntimeKind[] = [
  'managed-zip',
  'custom-runtime',
  'container-image',
];

const ONE_MS_BILLING_FROM_MS = Date.parse(`${LAMBDA_ONE_MS_BILLING_FROM}T00:00:00Z`);
const INIT_BILLED_FOR_ZIP_FROM_MS = Date.parse(`${LAMBDA_INIT_BILLED_FOR_ZIP_FROM}T00:00:00Z`);

/** 'provided.al2023' and friends are custom runtimes; an Image package is a container image. */
export function lambdaRuntimeKind(
  runtime: string,
  /** 'Zip' or 'Image' as GetFunction names it; anything else reads as a ZIP package. */
  packageType: string | null,
): LambdaRuntimeKind {
  if (packageType === 'Image') return 'container-image';
  if (runtime.startsWith('provided')) return 'custom-runtime';
  return 'managed-zip';
}

/**
 * Whether the INIT phase of an on-demand cold start is billed. Custom runtimes and container
 * images always were; managed runtimes in ZIP packages are from 2025-08-01 (AWS Compute Blog,
 * "AWS Lambda standardizes billing for INIT Phase").
 */
export function isOnDemandInitBilled(kind: LambdaRuntimeKind, at: Date): boolean {
  switch (kind) {
    case 'custom-runtime':
    case 'container-image':
      return true;
    case 'managed-zip':
      return at.getTime() >= INIT_BILLED_FOR_ZIP_FROM_MS;
  }
}

/** Duration is rounded up to 1 ms since 2020-12-01, to 100 ms before. */
export function billingGranularityMs(at: Date): number {
  return at.getTime() >= ONE_MS_BILLING_FROM_MS ? 1 : 100;
}

export function roundUpToGranularityMs(durationMs: number, at: Date): number {
  if (!(durationMs > 0)) return 0;
  const step = billingGranularityMs(at);
  return Math.ceil(durationMs / step - 1e-9) * step;
}

/** Lambda bills memory in GB as MB / 1024. */
export function gbSeconds(memoryMb: number, durationMs: number): number {
  return (memoryMb / 1024) * (durationMs / 1000);
}

/** Configured ephemeral storage above the free 512 MB, in GB. */
export function billableEphemeralStorageGb(ephemeralStorageMb: number | undefined): number {
  return Math.max(0, ((ephemeralStorageMb ?? 512) - 512) / 1024);
}

/**
 * Whether SnapStart restores pay the per-GB restore fee and the snapshot cache: Python and .NET
 * do, Java does not. The Billed Restore Duration is duration for every runtime (AWS Lambda
 * "Monitoring for Lambda SnapStart"; docs/decisions.md).
 */
export function isSnapStartCharged(runtime: string): boolean {
  return /^(python|dotnet)/.test(runtime);
}
