import {
  BadGatewayException,
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  TuningConflictError,
  TuningJobsService,
  TuningPlatformError,
  TuningRequestError,
  TuningTargetError,
  type TuningJobView,
} from '@fleetscope/analysis-jobs';

/**
 * Retry-After of a 503 when the platform gave no hint: Lambda's control-plane limits are per
 * second, and a Kubernetes API server's 429 asks for a second or so; a few seconds more lets
 * the burst that throttled the read pass.
 */
export const TUNING_RETRY_AFTER_SECONDS = 5;
/** A hint above this is taken as an hour: a client should not be told to wait longer. */
const MAX_RETRY_AFTER_SECONDS = 3600;

/** Whole seconds for Retry-After: the platform's hint, rounded up, or the default. */
export function tuningRetryAfter(hint: number | undefined): number {
  if (hint === undefined || !Number.isFinite(hint) || hint < 0) return TUNING_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(hint)));
}

/** POST /api/tuning-jobs: the queued job. */
export interface TuningJobCreated {
  id: string;
}

export interface TuningJobListResponse {
  /** Newest first. */
  jobs: TuningJobView[];
}

@ApiTags('tuning')
@Controller('api/tuning-jobs')
export class TuningJobsController {
  constructor(private readonly tuning: TuningJobsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queues a memory-tuning job (platform, function, memorySizes, architectures, strategy, …); the analyzer runs it',
  })
  @ApiBody({
    description:
      'Only platform and function are required; the rest default to Power Tuning\'s values (README "Memory-tuning jobs"). A JSON string payload is sent as that JSON (as Power Tuning); any other string as a string. Lambda: each size is set on $LATEST while its version is published, so callers of the unqualified function run at each candidate size for a few seconds per size (per call with onlyColdStarts).',
    schema: {
      example: {
        platform: 'aws-lambda',
        function: 'arn:aws:lambda:eu-west-1:123456789012:function:orders',
        memorySizes: [128, 256, 512, 1024, 1536, 3008],
        architectures: ['x86_64', 'arm64'],
        invocationsPerSize: 50,
        mode: 'adaptive',
        strategy: 'balanced',
        balancedWeight: 0.5,
        payload: { orderId: 42 },
        discardTopBottom: 0.2,
        applyPick: false,
      },
    },
  })
  @ApiResponse({ status: 202, description: 'queued: the id to follow it by' })
  @ApiResponse({
    status: 400,
    description: 'a field of the body is malformed; the message names it',
  })
  @ApiResponse({ status: 409, description: 'a job for this function is already queued or running' })
  @ApiResponse({ status: 422, description: 'the platform does not have this function' })
  @ApiResponse({ status: 502, description: 'the platform failed or was unreachable reading it' })
  @ApiResponse({
    status: 503,
    description: 'the platform throttled the read: Retry-After says when to retry',
  })
  async create(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TuningJobCreated> {
    try {
      return await this.tuning.create(body);
    } catch (error) {
      if (error instanceof TuningRequestError) throw new BadRequestException(error.message);
      // One job per function: the function as the platform resolves it, however it is spelled.
      if (error instanceof TuningConflictError) throw new ConflictException(error.message);
      if (error instanceof TuningTargetError) throw new UnprocessableEntityException(error.message);
      // The platform throttled the read (retry later: Retry-After says when), or failed or was
      // unreachable (a gateway's error): nothing is known of the function.
      if (error instanceof TuningPlatformError) {
        if (error.reason !== 'throttled') throw new BadGatewayException(error.message);
        void reply.header('Retry-After', String(tuningRetryAfter(error.retryAfterSeconds)));
        throw new ServiceUnavailableException(error.message);
      }
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Tuning jobs, newest first' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 100' })
  @ApiResponse({ status: 400, description: 'limit is not a whole number from 1 to 1000' })
  async list(@Query('limit') limit?: string): Promise<TuningJobListResponse> {
    // Digits only, as the other limits: Number() also read 1e2, 0x10 and ' 5'.
    const n = limit === undefined || limit === '' ? 100 : /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new BadRequestException(
        `limit: expected a whole number from 1 to 1000, got "${limit}"`,
      );
    return { jobs: await this.tuning.list(n) };
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A job: status, progress, invocationsUsed, per-size results, the pick, what the job cost and the prices used (for Lambda, prices.durationTiers: the monthly duration tier the account was in)',
  })
  @ApiResponse({
    status: 200,
    description:
      "jobCost {invocations, usd, snapStartCacheUsd?, unrecordedInvocations?}: usd prices the invocations the job stored; unrecordedInvocations, when present, counts further calls it made whose run stopped (killed, shut down, cancelled or failed mid-batch) before storing them. Those are not in usd, which is then a lower bound: the function's own logs have their durations. noPick: why a finished job has no pick (no size ran successfully, or none at least 3 times), null when it has one or has not finished. restorePending {since, attempts, nextAttemptAt, lastError}: the job's restore still fails after its retries, so the function may be left at a size the job measured; the job stays queued (error 'restore pending: …') and the analyzer tries again, each wait twice the last (at most an hour), until it succeeds or the job is cancelled (DELETE: nobody puts it back then)",
  })
  @ApiResponse({ status: 404, description: 'no tuning job with this id' })
  async get(@Param('id') id: string): Promise<TuningJobView> {
    const job = await this.tuning.get(id);
    if (!job) throw new NotFoundException(`no tuning job ${id}`);
    return job;
  }

  @Delete(':id')
  @ApiOperation({
    summary:
      'Cancels a job; the runner restores the function. A job whose restore is pending stops retrying it: the function is left as it is',
  })
  @ApiResponse({ status: 404, description: 'no tuning job with this id' })
  async cancel(@Param('id') id: string): Promise<TuningJobView> {
    const job = await this.tuning.cancel(id);
    if (!job) throw new NotFoundException(`no tuning job ${id}`);
    return job;
  }
}
