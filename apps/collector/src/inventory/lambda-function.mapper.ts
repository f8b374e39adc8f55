import type {
  FunctionConfiguration,
  ProvisionedConcurrencyConfigListItem,
} from '@aws-sdk/client-lambda';
import { SNAP_START_LABEL, functionId, parseLambdaArn } from '@fleetscope/model';
import type { FunctionConfigUpdate } from '@fleetscope/storage';

/** A listed function lacks a field the inventory needs: ask GetFunctionConfiguration for it. */
export function needsFullConfiguration(fn: FunctionConfiguration): boolean {
  return fn.MemorySize === undefined || fn.Timeout === undefined;
}

/**
 * Provisioned concurrency of a function across its aliases and versions: what is allocated is what
 * is billed (Lambda pricing, "Provisioned Concurrency"), so an IN_PROGRESS ramp counts what is
 * already there. 0 when none is configured.
 */
export function allocatedProvisionedConcurrency(
  configs: readonly ProvisionedConcurrencyConfigListItem[],
): number {
  let total = 0;
  for (const c of configs) total += c.AllocatedProvisionedConcurrentExecutions ?? 0;
  return total;
}

/**
 * A Lambda FunctionConfiguration (ListFunctions / GetFunctionConfiguration) as an inventory row of
 * source 'api'. The identity comes from the FunctionArn, as for every other Lambda source.
 * Architectures is absent on functions created before arm64 existed: those run on x86_64.
 * Undefined when the ARN is not a function ARN.
 */
export function lambdaConfigUpdate(
  fn: FunctionConfiguration,
  provisioned: readonly ProvisionedConcurrencyConfigListItem[] | undefined,
): FunctionConfigUpdate | undefined {
  const arn = fn.FunctionArn ? parseLambdaArn(fn.FunctionArn) : undefined;
  if (!arn) return undefined;
  const identity = {
    platform: 'aws_lambda' as const,
    account: arn.account,
    region: arn.region,
    name: arn.name,
  };
  const labels: Record<string, string> = {};
  if (fn.SnapStart?.ApplyOn && fn.SnapStart.ApplyOn !== 'None') {
    labels[SNAP_START_LABEL] = fn.SnapStart.ApplyOn;
  }
  for (const c of provisioned ?? []) {
    const qualifier = c.FunctionArn ? parseLambdaArn(c.FunctionArn)?.qualifier : undefined;
    if (qualifier) {
      labels[`aws.lambda.provisioned_concurrency.${qualifier}`] = String(
        c.AllocatedProvisionedConcurrentExecutions ?? 0,
      );
    }
  }
  return {
    functionId: functionId(identity),
    ...identity,
    runtime: fn.Runtime || undefined,
    architecture: fn.Architectures?.[0] ?? 'x86_64',
    packageType: fn.PackageType || undefined,
    memoryMb: fn.MemorySize,
    timeoutMs: fn.Timeout === undefined ? undefined : fn.Timeout * 1000,
    ephemeralStorageMb: fn.EphemeralStorage?.Size,
    // Unknown (the call failed) keeps what the API said before; none configured clears it.
    provisionedConcurrency: provisioned ? allocatedProvisionedConcurrency(provisioned) : undefined,
    labels,
  };
}
