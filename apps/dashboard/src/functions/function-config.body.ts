import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import type { Platform } from '@fleetscope/model';
import type { FunctionConfigUpdate } from '@fleetscope/storage';

const int = (min: number, max: number) =>
  z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
/** Printable text: a NUL or other control character in a runtime name is a mistake. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !/\p{Cc}/u.test(v), 'must not contain control characters');

/**
 * The ranges each platform allows. Lambda: memory 128–10,240 MB, timeout up to 900 s, ephemeral
 * storage 512–10,240 MB (Lambda quotas, docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 * Knative and OpenFaaS: Kubernetes pods, bounded by what a node could have and by the UInt32 and
 * Float64 columns of function_configs (migrations/0001_initial.sql).
 */
const common = {
  architecture: z.enum(['x86_64', 'arm64']).optional(),
  runtime: text(64).optional(),
  version: text(128).optional(),
};
const lambda = z
  .object({
    ...common,
    memoryMb: int(128, 10_240).optional(),
    timeoutMs: int(1, 900_000).optional(),
    packageType: z.enum(['Zip', 'Image']).optional(),
    ephemeralStorageMb: int(512, 10_240).optional(),
    provisionedConcurrency: int(0, 1_000_000).optional(),
  })
  .strict();
const pods = {
  ...common,
  memoryMb: int(1, 1_048_576).optional(),
  timeoutMs: int(1, 86_400_000).optional(),
  minScale: int(0, 1_000_000).optional(),
  maxScale: int(0, 1_000_000).optional(),
  podCpu: z.number().positive().max(1024, 'must be at most 1024 (vCPU)').optional(),
  podMemoryMb: int(1, 1_048_576).optional(),
};
const withScaleOrder = <T extends z.ZodRawShape>(shape: z.ZodObject<T>) =>
  shape.superRefine((v, ctx) => {
    const { minScale, maxScale } = v as { minScale?: number; maxScale?: number };
    if (minScale !== undefined && maxScale !== undefined && minScale > maxScale) {
      ctx.addIssue({ code: 'custom', path: ['minScale'], message: 'must not exceed maxScale' });
    }
  });
const knativeOrOpenFaas = withScaleOrder(z.object(pods).strict());
/** A platform Fleetscope does not know the rules of: every field, in the widest ranges. */
const other = withScaleOrder(
  z
    .object({
      ...pods,
      packageType: z.enum(['Zip', 'Image']).optional(),
      ephemeralStorageMb: int(1, 1_048_576).optional(),
      provisionedConcurrency: int(0, 1_000_000).optional(),
    })
    .strict(),
);

const SCHEMAS: Record<Platform, z.ZodTypeAny> = {
  aws_lambda: lambda,
  knative: knativeOrOpenFaas,
  openfaas: knativeOrOpenFaas,
  // Not modelled field by field yet: the widest ranges, which still fit the columns.
  gcp_cloud_functions: other,
  gcp_cloud_run: other,
  azure_functions: other,
  other,
};

const LAMBDA_ONLY = ['packageType', 'ephemeralStorageMb', 'provisionedConcurrency'];
const PODS_ONLY = ['minScale', 'maxScale', 'podCpu', 'podMemoryMb'];

function message(platform: Platform, issue: z.ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) =>
        platform === 'aws_lambda' && PODS_ONLY.includes(key)
          ? `${key}: not a Lambda setting (Knative and OpenFaaS only)`
          : platform !== 'aws_lambda' && LAMBDA_ONLY.includes(key)
            ? `${key}: a Lambda setting, not one of ${platform}`
            : `${key}: unknown field`,
      )
      .join('; ');
  }
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

/** Validates a PUT /api/functions/:id/config body for the function's platform; a 400 names each bad field. */
export function parseConfigUpdate(
  platform: Platform,
  body: unknown,
): Omit<FunctionConfigUpdate, 'functionId'> {
  const parsed = SCHEMAS[platform].safeParse(body);
  if (!parsed.success) {
    throw new BadRequestException(parsed.error.issues.map((i) => message(platform, i)).join('; '));
  }
  return parsed.data as Omit<FunctionConfigUpdate, 'functionId'>;
}
