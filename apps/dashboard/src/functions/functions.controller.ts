import {
  applyDecorators,
  BadRequestException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { histogramPercentiles, lambdaIdentityProblem, type Percentiles } from '@fleetscope/model';
import {
  FunctionConfigRepository,
  FunctionSettingsRepository,
  FunctionsRepository,
  InvocationsRepository,
  minutesRead,
  type FunctionConfig,
  type MergedInvocation,
} from '@fleetscope/storage';
import {
  FleetService,
  fleetColdStarts,
  type FleetColdStarts,
  type FunctionSummary,
} from './fleet.service';
import { requireFunctionId } from '../http/function-id.param';
import { JsonInSlices } from '../http/json-in-slices';
import {
  FUNCTION_CONFIG_BODY_SCHEMA,
  checkScaleOrderWithStored,
  parseConfigUpdate,
} from './function-config.body';
import { parseRange, parseStep } from './time-range';

/**
 * `from`/`to`, both optional (the last 24 hours by default). Without @ApiQuery a @Query parameter
 * is documented as required.
 */
const RangeQuery = () =>
  applyDecorators(
    ApiQuery({
      name: 'from',
      required: false,
      description: 'ISO-8601 (UTC unless it has an offset) or epoch ms; default now − 24 h',
    }),
    ApiQuery({ name: 'to', required: false, description: 'ISO-8601 or epoch ms; default now' }),
  );

/** GET /api/functions: the fleet page. */
export interface FunctionListResponse {
  /** The range read, ISO-8601. */
  from: string;
  to: string;
  functions: FunctionSummary[];
  fleet: FleetColdStarts;
}

/** One step of GET /api/functions/{id}/timeseries. */
export interface TimeseriesStep {
  /** The step's start, ISO-8601. */
  time: string;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /**
   * Of the step's invocations, those no source said started cold or warm: coldStarts counts the
   * others only, and is not known when these are all of them.
   */
  unknownStarts: number;
  durationMs: Percentiles & { max: number | null };
  /** Busy milliseconds per millisecond of the step the range reads (Little's law). */
  averageConcurrency: number;
  maxMemoryUsedMb: number | null;
}

export interface FunctionTimeseriesResponse {
  id: string;
  stepSeconds: number;
  points: TimeseriesStep[];
}

/** An invocation merged across its sources, with its start as ISO-8601 too. */
export type InvocationView = MergedInvocation & { startTime: string };

export interface FunctionInvocationsResponse {
  id: string;
  /** Newest first. */
  invocations: InvocationView[];
}

/** GET /api/functions/{id}: each part null when nothing of it is stored (not both: 404). */
export interface FunctionResponse {
  summary: FunctionSummary | null;
  config: FunctionConfig | null;
}

const BAD_INPUT = ApiResponse({
  status: 400,
  description: 'a query parameter or the function id is malformed; the message names it',
});

@ApiTags('functions')
@Controller('api/functions')
export class FunctionsController {
  constructor(
    private readonly fleet: FleetService,
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly invocationsRepository: InvocationsRepository,
    private readonly settings: FunctionSettingsRepository,
  ) {}

  @Get()
  @JsonInSlices('functions')
  @ApiOperation({ summary: 'Every function seen in the range, with counts, percentiles and cost' })
  @RangeQuery()
  @BAD_INPUT
  async list(
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<FunctionListResponse> {
    const range = parseRange(from, to);
    const functions = await this.fleet.list(range);
    return {
      from: new Date(range.fromMs).toISOString(),
      to: new Date(range.toMs).toISOString(),
      functions,
      // The overview's cold-start card: the rate's rule stays in one place (cold-start.math.ts).
      fleet: fleetColdStarts(functions),
    };
  }

  @Get(':id/timeseries')
  @ApiOperation({
    summary: 'Invocations, errors, cold starts, duration percentiles and concurrency per step',
  })
  @RangeQuery()
  @BAD_INPUT
  @ApiQuery({
    name: 'step',
    required: false,
    description: '60, 5m, 1h, 1d; chosen from the range by default',
  })
  async timeseries(
    @Param('id') id: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('step') step?: string,
  ): Promise<FunctionTimeseriesResponse> {
    requireFunctionId(id);
    const range = parseRange(from, to);
    const stepSeconds = parseStep(step, range);
    const points = await this.functions.timeseries(id, range, stepSeconds);
    const read = minutesRead(range);
    const stepMs = stepSeconds * 1000;
    return {
      id,
      stepSeconds,
      points: points.map((p) => ({
        time: new Date(p.timeMs).toISOString(),
        invocations: p.invocations,
        errors: p.errors,
        timeouts: p.timeouts,
        coldStarts: p.coldStarts,
        // Of the step's invocations, those no source said started cold or warm: coldStarts counts
        // the others only, and is not known when these are all of them.
        unknownStarts: p.unknownStarts,
        durationMs: {
          // Clamped to the step's exact maximum, as on the fleet page.
          ...histogramPercentiles(p.durationBuckets, { max: p.durationMaxMs }),
          max: p.durationMaxMs > 0 ? p.durationMaxMs : null,
        },
        // Little's law: busy milliseconds per step over the part of the step the range reads
        // (a range starting or ending within a step, the step still in progress).
        averageConcurrency:
          p.durationSumMs /
          (Math.min(p.timeMs + stepMs, read.toMs) - Math.max(p.timeMs, read.fromMs)),
        maxMemoryUsedMb: p.maxMemoryUsedMb > 0 ? p.maxMemoryUsedMb : null,
      })),
    };
  }

  @Get(':id/invocations')
  @ApiOperation({
    summary:
      'Invocations of one function, newest first, each merged across its sources (span, REPORT line, platform.report): every field from the most exact source that knows it',
  })
  @RangeQuery()
  @BAD_INPUT
  @ApiQuery({ name: 'requestId', required: false, description: 'one invocation by its request id' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 100' })
  async invocations(
    @Param('id') id: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('requestId') requestId?: string,
    @Query('limit') limit?: string,
  ): Promise<FunctionInvocationsResponse> {
    requireFunctionId(id);
    const range = parseRange(from, to);
    // Digits only: Number() also reads 0x10, 1e2 and ' 5'.
    const count =
      limit === undefined || limit === '' ? 100 : /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > 1000) {
      throw new BadRequestException(`limit: expected an integer from 1 to 1000, got "${limit}"`);
    }
    const invocations = await this.invocationsRepository.merged(id, {
      ...range,
      requestId,
      limit: count,
    });
    return {
      id,
      invocations: invocations.map((inv) => ({
        ...inv,
        startTime: new Date(inv.startTimeMs).toISOString(),
      })),
    };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One function: the summary over the range and its merged configuration',
  })
  @RangeQuery()
  @BAD_INPUT
  @ApiResponse({ status: 404, description: 'nothing stored or configured for this function' })
  async one(
    @Param('id') id: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<FunctionResponse> {
    requireFunctionId(id);
    const range = parseRange(from, to);
    const [summary] = await this.fleet.list(range, id);
    const config = (await this.configs.merged([id])).get(id);
    if (!summary && !config) throw new NotFoundException(`no data for function ${id}`);
    return { summary: summary ?? null, config: config ?? null };
  }

  @Put(':id/config')
  @ApiOperation({ summary: 'Inventory by hand: memoryMb, timeoutMs, architecture, runtime, …' })
  @ApiBody({ schema: FUNCTION_CONFIG_BODY_SCHEMA })
  @ApiResponse({
    status: 400,
    description: 'the function id or a field of the body is malformed; the message names it',
  })
  async putConfig(@Param('id') id: string, @Body() body: unknown): Promise<FunctionConfig> {
    const identity = requireFunctionId(id);
    // As ingest files a Lambda function: a typo in its account or region "succeeded" on a
    // function of its own that no page lists, the real one unchanged.
    const wrong =
      identity.platform === 'aws_lambda'
        ? lambdaIdentityProblem(identity.account, identity.region, {
            account: 'id: the account',
            region: 'id: the region',
          })
        : undefined;
    if (wrong) throw new BadRequestException(wrong);
    const update = parseConfigUpdate(identity.platform, body);
    if (update.minScale !== undefined || update.maxScale !== undefined)
      checkScaleOrderWithStored(update, (await this.configs.merged([id])).get(id));
    await this.configs.upsert('manual', [
      {
        functionId: id,
        platform: identity.platform,
        account: identity.account,
        region: identity.region,
        name: identity.name,
        ...update,
      },
    ]);
    // From now on: the settings history prices the time before at what was in force then.
    await this.settings.record('manual', [
      {
        functionId: id,
        observedAtMs: Date.now(),
        architecture: update.architecture,
        memoryMb: update.memoryMb ?? undefined,
        provisionedConcurrency: update.provisionedConcurrency ?? undefined,
      },
    ]);
    // The upsert above stored a row for it.
    return (await this.configs.merged([id])).get(id)!;
  }
}
