import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { parsePolicySpec, policySpecProblem, type PolicySpec } from '@fleetscope/analysis';
import { KeepAliveReplayService, type KeepAliveReplayReport } from '@fleetscope/analysis-jobs';
import { parseRange } from '../functions/time-range';

const DEFAULT_POLICIES = ['fixed:10m', 'hybrid'];
const MAX_POLICIES = 8;

/** `policy=fixed:10m&policy=hybrid` or `policy=fixed:10m,hybrid`; both policies by default. */
export function parsePolicies(
  value: string | string[] | undefined,
): { name: string; spec: PolicySpec }[] {
  const names = (Array.isArray(value) ? value : value ? [value] : DEFAULT_POLICIES)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (names.length === 0 || names.length > MAX_POLICIES) {
    throw new BadRequestException(`policy: name 1 to ${MAX_POLICIES} policies`);
  }
  return [...new Set(names)].map((name) => {
    const spec = parsePolicySpec(name);
    if (!spec) {
      throw new BadRequestException(
        `policy: ${policySpecProblem(name) ?? `cannot read "${name}"`}`,
      );
    }
    return { name, spec };
  });
}

/** GET /api/keepalive/replay: the replay of a range, with the range read. */
export interface KeepAliveReplayResponse extends KeepAliveReplayReport {
  /** The range read, ISO-8601. */
  from: string;
  to: string;
}

@ApiTags('keepalive')
@Controller('api/keepalive')
export class KeepAliveController {
  constructor(private readonly replays: KeepAliveReplayService) {}

  @Get('replay')
  @ApiOperation({
    summary:
      'Keep-alive policies replayed over each function’s stored minutes: cold starts, wasted memory-time and (Knative, OpenFaaS pods) its dollars per function and in total',
  })
  @ApiQuery({
    name: 'policy',
    required: false,
    type: String,
    isArray: true,
    description:
      'fixed:10m, fixed:90s, fixed:2h or hybrid; repeat or comma-separate; default fixed:10m,hybrid. A fixed keep-alive under 1 minute is refused: the replay works on minutes with invocations',
  })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'ISO-8601 or epoch ms; default now − 24 h',
  })
  @ApiQuery({ name: 'to', required: false, description: 'ISO-8601 or epoch ms; default now' })
  @ApiResponse({
    status: 400,
    description: 'a policy, from or to is malformed; the message names it',
  })
  async replay(
    @Query('policy') policy?: string | string[],
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<KeepAliveReplayResponse> {
    const policies = parsePolicies(policy);
    const range = parseRange(from, to);
    const report = await this.replays.replay(range, policies);
    return {
      from: new Date(range.fromMs).toISOString(),
      to: new Date(range.toMs).toISOString(),
      ...report,
    };
  }
}
