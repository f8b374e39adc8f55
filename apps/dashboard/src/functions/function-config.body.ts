import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import type { FunctionConfigUpdate } from '@fleetscope/storage';

const positive = z.number().int().positive();
const schema = z
  .object({
    memoryMb: positive.max(10_240).optional(),
    timeoutMs: positive.max(3_600_000).optional(),
    architecture: z.enum(['x86_64', 'arm64']).optional(),
    runtime: z.string().max(64).optional(),
    packageType: z.enum(['Zip', 'Image']).optional(),
    ephemeralStorageMb: positive.max(10_240).optional(),
    provisionedConcurrency: z.number().int().min(0).optional(),
    minScale: z.number().int().min(0).optional(),
    maxScale: z.number().int().min(0).optional(),
    podCpu: z.number().positive().optional(),
    podMemoryMb: positive.optional(),
    version: z.string().max(128).optional(),
  })
  .strict();

/** Validates a PUT /api/functions/:id/config body; a 400 names each bad field. */
export function parseConfigUpdate(body: unknown): Omit<FunctionConfigUpdate, 'functionId'> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BadRequestException(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}
