import { z } from 'zod';
import type { Candidate, SearchOptions, TuningArchitecture, TuningPlatform } from '../tuning.types';
import { functionNameProblem, platformFunctionName } from './function-target';

/** Power Tuning's default power values (template.yml). */
export const DEFAULT_MEMORY_SIZES = [128, 256, 512, 1024, 1536, 3008];
/** `{min, max}` expands to multiples of this (Power Tuning's "ALL" uses 64 MB steps). */
export const MEMORY_STEP_MB = 64;
/** Most sizes one job measures, listed or as a range. */
const MAX_SIZES = 64;

/** The sizes each platform can be set to: every size a request names, listed or a range's end. */
const LIMITS: Record<TuningPlatform, { min: number; max: number }> = {
  // Lambda: 128–10,240 MB in 1 MB steps.
  'aws-lambda': { min: 128, max: 10_240 },
  openfaas: { min: 16, max: 65_536 },
  knative: { min: 16, max: 65_536 },
};

/** Bounded by the platform's LIMITS in the refinement below, where the platform is known. */
const size = z.number().int('memory sizes are whole MB').positive();

/** A union that matches none of its forms says which forms it takes, not zod's 'Invalid input'. */
const oneOf =
  (message: string): z.ZodErrorMap =>
  (issue, ctx) =>
    issue.code === 'invalid_union' ? { message } : { message: ctx.defaultError };
const APPLY_PICK_FORMS = "applyPick must be false, 'function' or 'alias:NAME'";

export const tuningRequestSchema = z
  .object({
    platform: z.enum(['aws-lambda', 'openfaas', 'knative']),
    function: z.string().trim().min(1, 'function is required').max(512),
    memorySizes: z
      .union(
        [
          z.array(size).min(1, 'memorySizes must not be empty').max(MAX_SIZES),
          z.object({ min: size, max: size }).strict(),
        ],
        {
          errorMap: oneOf('give a list of whole MB sizes ([128, 512, 1024]) or a range {min, max}'),
        },
      )
      .optional(),
    architectures: z
      .array(z.enum(['x86_64', 'arm64']))
      .min(1)
      .max(2)
      .refine((a) => new Set(a).size === a.length, 'architectures must not repeat')
      .optional(),
    invocationsPerSize: z.number().int().min(5).max(1000).default(50),
    mode: z.enum(['adaptive', 'grid']).default('adaptive'),
    strategy: z.enum(['cost', 'speed', 'balanced']).default('cost'),
    balancedWeight: z.number().min(0).max(1).default(0.5),
    payload: z.unknown().optional(),
    weightedPayloads: z
      .array(z.object({ payload: z.unknown(), weight: z.number().positive() }).strict())
      .min(1)
      .optional(),
    parallelInvocation: z.boolean().default(false),
    discardTopBottom: z.number().min(0).max(0.4).default(0.2),
    onlyColdStarts: z.boolean().default(false),
    sleepBetweenRunsMs: z.number().int().min(0).max(60_000).default(0),
    dryRun: z.boolean().default(false),
    applyPick: z
      .union(
        [
          z.literal(false),
          z.literal('function'),
          z.string().regex(/^alias:[A-Za-z0-9_-]{1,128}$/, APPLY_PICK_FORMS),
        ],
        { errorMap: oneOf(APPLY_PICK_FORMS) },
      )
      .default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const nameProblem = functionNameProblem(
      r.platform,
      platformFunctionName(r.platform, r.function),
    );
    if (nameProblem) ctx.addIssue({ code: 'custom', path: ['function'], message: nameProblem });
    if (r.payload !== undefined && r.weightedPayloads !== undefined)
      ctx.addIssue({ code: 'custom', message: 'give payload or weightedPayloads, not both' });
    const limit = LIMITS[r.platform];
    const sizes = Array.isArray(r.memorySizes)
      ? r.memorySizes
      : r.memorySizes
        ? [r.memorySizes.min, r.memorySizes.max]
        : [];
    const outside = sizes.filter((m) => m < limit.min || m > limit.max);
    for (const m of outside)
      ctx.addIssue({
        code: 'custom',
        path: ['memorySizes'],
        message: `${m} MB is outside ${limit.min}–${limit.max} MB for ${r.platform}`,
      });
    // A range is counted, never listed, before it is known to be small: listing 128–1e10 MB in
    // 64 MB steps held the event loop for 16 s before failing.
    if (r.memorySizes && !Array.isArray(r.memorySizes) && outside.length === 0) {
      const { min, max } = r.memorySizes;
      const count = rangeCount(min, max);
      if (min > max)
        ctx.addIssue({ code: 'custom', path: ['memorySizes'], message: 'min is above max' });
      else if (count > MAX_SIZES)
        ctx.addIssue({
          code: 'custom',
          path: ['memorySizes'],
          message: `${min}–${max} MB in ${MEMORY_STEP_MB} MB steps is ${count} sizes, more than ${MAX_SIZES}: narrow the range or list the sizes`,
        });
    }
    if (r.platform !== 'aws-lambda' && (r.architectures?.length ?? 0) > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['architectures'],
        message: `${r.platform} cannot switch architecture: give at most one`,
      });
    if (r.platform !== 'aws-lambda' && r.onlyColdStarts)
      ctx.addIssue({
        code: 'custom',
        path: ['onlyColdStarts'],
        message: 'onlyColdStarts needs Lambda versions: aws-lambda only',
      });
  });

export type TuningRequestInput = z.input<typeof tuningRequestSchema>;
export type TuningRequest = z.output<typeof tuningRequestSchema>;

export type ParsedTuningRequest =
  { ok: true; request: TuningRequest } | { ok: false; message: string };

/** Validates a POST body; the message names each offending field. */
export function parseTuningRequest(body: unknown): ParsedTuningRequest {
  const parsed = tuningRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const message = parsed.error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, message };
}

/** The sizes a request asks for, ascending and without repeats. */
export function memorySizesOf(request: TuningRequest): number[] {
  const m = request.memorySizes;
  if (!m) return [...DEFAULT_MEMORY_SIZES];
  if (Array.isArray(m)) return [...new Set(m)].sort((a, b) => a - b);
  return rangeSizes(m.min, m.max);
}

/** How many sizes rangeSizes(min, max) lists, for min <= max, without listing them. */
function rangeCount(min: number, max: number): number {
  if (min === max) return 1;
  const multiplesBelowMax = Math.ceil(max / MEMORY_STEP_MB) - Math.ceil(min / MEMORY_STEP_MB);
  return multiplesBelowMax + (min % MEMORY_STEP_MB === 0 ? 0 : 1) + 1;
}

/** Both ends and every multiple of the step between them, ascending. */
function rangeSizes(min: number, max: number): number[] {
  const sizes = new Set([min, max]);
  for (let s = Math.ceil(min / MEMORY_STEP_MB) * MEMORY_STEP_MB; s < max; s += MEMORY_STEP_MB)
    sizes.add(s);
  return [...sizes].sort((a, b) => a - b);
}

/**
 * Sizes × architectures; with no architectures asked, the function's own. With the default
 * sizes, the function's current size is added: it is the baseline every saving is stated against.
 */
export function candidatesOf(
  request: TuningRequest,
  current: { architecture: TuningArchitecture; memoryMb: number },
): Candidate[] {
  const architectures = request.architectures ?? [current.architecture];
  const sizes = memorySizesOf(request);
  const limit = LIMITS[request.platform];
  if (
    !request.memorySizes &&
    !sizes.includes(current.memoryMb) &&
    current.memoryMb >= limit.min &&
    current.memoryMb <= limit.max
  )
    sizes.push(current.memoryMb);
  sizes.sort((a, b) => a - b);
  return architectures.flatMap((architecture) =>
    sizes.map((memoryMb) => ({ architecture, memoryMb })),
  );
}

/** The search options of a request (a dry run is one invocation per size, nothing picked). */
export function searchOptionsOf(request: TuningRequest): SearchOptions {
  return {
    mode: request.dryRun ? 'grid' : request.mode,
    strategy: request.strategy,
    balancedWeight: request.balancedWeight,
    invocationsPerSize: request.dryRun ? 1 : request.invocationsPerSize,
    discardTopBottom: request.onlyColdStarts ? 0 : request.discardTopBottom,
    onlyColdStarts: request.onlyColdStarts,
  };
}
