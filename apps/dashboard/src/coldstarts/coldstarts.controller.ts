import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ColdStartsService, type ColdStartReport } from '@fleetscope/analysis-jobs';
import { COLD_START_GROUPS, type ColdStartGroup } from '@fleetscope/storage';
import { parseRange } from '../functions/time-range';
import { JsonInSlices } from '../http/json-in-slices';

export function parseGroupBy(groupBy: string | undefined): ColdStartGroup {
  if (groupBy === undefined || groupBy === '') return 'function';
  if (!(COLD_START_GROUPS as readonly string[]).includes(groupBy)) {
    throw new BadRequestException(
      `groupBy: expected one of ${COLD_START_GROUPS.join(', ')}, got "${groupBy}"`,
    );
  }
  return groupBy as ColdStartGroup;
}

/** GET /api/coldstarts: the report of a range, with the range read. */
export interface ColdStartsResponse extends ColdStartReport {
  /** The range read, ISO-8601. */
  from: string;
  to: string;
}

@ApiTags('coldstarts')
@Controller('api/coldstarts')
export class ColdStartsController {
  constructor(private readonly coldStarts: ColdStartsService) {}

  @Get()
  @JsonInSlices('groups')
  @ApiOperation({
    summary:
      'Cold starts grouped: counts, rates, init and restore percentiles, latency and cost added; provisioned concurrency, SnapStart and proactive inits apart',
  })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'ISO-8601 or epoch ms; default now − 24 h',
  })
  @ApiQuery({ name: 'to', required: false, description: 'ISO-8601 or epoch ms; default now' })
  @ApiQuery({ name: 'groupBy', required: false, enum: COLD_START_GROUPS })
  async list(
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('groupBy') groupBy?: string,
  ): Promise<ColdStartsResponse> {
    const grouping = parseGroupBy(groupBy);
    const range = parseRange(from, to);
    const report = await this.coldStarts.report(range, grouping);
    return {
      from: new Date(range.fromMs).toISOString(),
      to: new Date(range.toMs).toISOString(),
      ...report,
    };
  }
}
