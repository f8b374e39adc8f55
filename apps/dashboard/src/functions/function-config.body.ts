import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import type { SchemaObject } from '@nestjs/swagger';
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
 * The ranges each platform allows. Lambda: memory 128–10,240 MB, timeout 1–900 whole seconds, ephemeral
 * storage 512–10,240 MB (Lambda quotas, docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 * Knative and OpenFaaS: Kubernetes pods, bounded by what a node could have and by the UInt32 and
 * Float64 columns of function_configs (migrations/0001_initial.sql).
 */
type Range = readonly [min: number, max: number];
const LAMBDA_RANGES = {
  memoryMb: [128, 10_240],
  timeoutMs: [1000, 900_000],
  ephemeralStorageMb: [512, 10_240],
  provisionedConcurrency: [0, 1_000_000],
} as const satisfies Record<string, Range>;
const POD_RANGES = {
  memoryMb: [1, 1_048_576],
  timeoutMs: [1, 86_400_000],
  minScale: [0, 1_000_000],
  maxScale: [0, 1_000_000],
  podMemoryMb: [1, 1_048_576],
} as const satisfies Record<string, Range>;
const MAX_POD_CPU = 1024;

const ranged = (r: Range) => int(r[0], r[1]).optional();
const common = {
  architecture: z.enum(['x86_64', 'arm64']).optional(),
  runtime: text(64).optional(),
  version: text(128).optional(),
};
const lambda = z
  .object({
    ...common,
    memoryMb: ranged(LAMBDA_RANGES.memoryMb),
    timeoutMs: int(...LAMBDA_RANGES.timeoutMs)
      .multipleOf(1000, 'must be a whole number of seconds (Lambda timeouts are 1–900 s)')
      .optional(),
    packageType: z.enum(['Zip', 'Image']).optional(),
    ephemeralStorageMb: ranged(LAMBDA_RANGES.ephemeralStorageMb),
    provisionedConcurrency: ranged(LAMBDA_RANGES.provisionedConcurrency),
  })
  .strict();
const pods = {
  ...common,
  memoryMb: ranged(POD_RANGES.memoryMb),
  timeoutMs: ranged(POD_RANGES.timeoutMs),
  minScale: ranged(POD_RANGES.minScale),
  maxScale: ranged(POD_RANGES.maxScale),
  podCpu: z
    .number()
    .positive()
    .max(MAX_POD_CPU, `must be at most ${MAX_POD_CPU} (vCPU)`)
    .optional(),
  podMemoryMb: ranged(POD_RANGES.podMemoryMb),
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
      ephemeralStorageMb: int(1, POD_RANGES.podMemoryMb[1]).optional(),
      provisionedConcurrency: ranged(LAMBDA_RANGES.provisionedConcurrency),
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

/**
 * Refuses an update whose minScale or maxScale, with the other as stored before (`stored`), would
 * have minScale above maxScale: each alone passed the body's own check (withScaleOrder), and a
 * function with maxScale 2 was priced at its minScale of 5 pods. A value the update sets to null
 * clears it.
 */
export function checkScaleOrderWithStored(
  update: Pick<FunctionConfigUpdate, 'minScale' | 'maxScale'>,
  stored: { minScale?: number | null; maxScale?: number | null } | undefined,
): void {
  const minScale = update.minScale === undefined ? stored?.minScale : update.minScale;
  const maxScale = update.maxScale === undefined ? stored?.maxScale : update.maxScale;
  if (minScale === null || minScale === undefined || maxScale === null || maxScale === undefined)
    return;
  if (minScale <= maxScale) return;
  throw new BadRequestException(
    update.minScale !== undefined && update.maxScale === undefined
      ? `minScale: ${minScale} must not exceed the maxScale ${maxScale} stored for the function`
      : `maxScale: ${maxScale} must not be below the minScale ${minScale} stored for the function`,
  );
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

const rangeText = (name: string): string =>
  [
    name in LAMBDA_RANGES
      ? `Lambda ${LAMBDA_RANGES[name as keyof typeof LAMBDA_RANGES].join('–')}`
      : undefined,
    name in POD_RANGES
      ? `Knative/OpenFaaS ${POD_RANGES[name as keyof typeof POD_RANGES].join('–')}`
      : undefined,
  ]
    .filter((t) => t !== undefined)
    .join('; ');

const integer = (name: string, what: string): SchemaObject => ({
  type: 'integer',
  description: `${what} (${rangeText(name)})`,
});

/** The body's OpenAPI schema, from the same ranges the validation uses. */
export const FUNCTION_CONFIG_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  description:
    'Every field optional; fields are checked against the platform of the function id, and a field of another platform is refused.',
  properties: {
    memoryMb: integer('memoryMb', 'Memory, MB'),
    timeoutMs: integer('timeoutMs', 'Timeout, ms'),
    architecture: { type: 'string', enum: ['x86_64', 'arm64'] },
    runtime: {
      type: 'string',
      maxLength: 64,
      description: 'e.g. nodejs22.x; no control characters',
    },
    version: { type: 'string', maxLength: 128 },
    packageType: { type: 'string', enum: ['Zip', 'Image'], description: 'Lambda' },
    ephemeralStorageMb: integer('ephemeralStorageMb', 'Ephemeral storage, MB'),
    provisionedConcurrency: integer('provisionedConcurrency', 'Provisioned concurrency'),
    minScale: integer('minScale', 'Minimum instances, at most maxScale'),
    maxScale: integer('maxScale', 'Maximum instances'),
    podCpu: {
      type: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: MAX_POD_CPU,
      description: 'vCPU per pod (Knative/OpenFaaS)',
    },
    podMemoryMb: integer('podMemoryMb', 'Memory per pod, MB'),
  },
};
