import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RECOMMENDATION_KINDS, type RecommendationKind } from '@fleetscope/analysis';
import { parseFunctionId } from '@fleetscope/model';
import { RecommendationsRepository, type StoredRecommendation } from '@fleetscope/storage';

export interface RecommendationView {
  kind: string;
  functionId: string;
  function: { id: string; platform: string; account: string; region: string; name: string };
  severity: string;
  title: string;
  reason: string;
  current: Record<string, unknown>;
  recommended: Record<string, unknown>;
  monthlyImpactUsd: number;
  confidence: string;
  confidenceScore: number;
  evidence: Record<string, unknown>;
  catalogueVersion: string;
}

export function parseKind(kind: string | undefined): RecommendationKind | undefined {
  if (kind === undefined || kind === '') return undefined;
  if (!(RECOMMENDATION_KINDS as readonly string[]).includes(kind)) {
    throw new BadRequestException(
      `kind: expected one of ${RECOMMENDATION_KINDS.join(', ')}, got "${kind}"`,
    );
  }
  return kind as RecommendationKind;
}

function view(r: StoredRecommendation): RecommendationView {
  const identity = parseFunctionId(r.functionId);
  return {
    kind: r.kind,
    functionId: r.functionId,
    function: {
      id: r.functionId,
      platform: identity?.platform ?? 'other',
      account: identity?.account ?? '',
      region: identity?.region ?? '',
      name: identity?.name ?? r.functionId,
    },
    severity: r.severity,
    title: r.title,
    reason: r.reason,
    current: r.current,
    recommended: r.recommended,
    monthlyImpactUsd: r.monthlyImpactUsd,
    confidence: r.confidence,
    confidenceScore: r.confidenceScore,
    evidence: r.evidence,
    catalogueVersion: r.catalogueVersion,
  };
}

@ApiTags('analyses')
@Controller('api/recommendations')
export class RecommendationsController {
  constructor(private readonly results: RecommendationsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Recommendations of the latest successful analysis run, largest monthly impact first',
  })
  @ApiQuery({ name: 'kind', required: false, enum: RECOMMENDATION_KINDS })
  @ApiQuery({ name: 'functionId', required: false, description: 'Only this function' })
  async list(@Query('kind') kind?: string, @Query('functionId') functionId?: string) {
    const wanted = parseKind(kind);
    const run = await this.results.latestRun();
    if (!run) return { run: null, kind: wanted ?? null, recommendations: [] };
    const stored = await this.results.list(run.runId, wanted, functionId || undefined);
    return {
      run: {
        runId: run.runId,
        finishedAt: new Date(run.finishedAtMs).toISOString(),
        window: {
          from: new Date(run.windowFromMs).toISOString(),
          to: new Date(run.windowToMs).toISOString(),
        },
        recommendations: run.recommendations,
        catalogueVersion: run.catalogueVersion,
      },
      kind: wanted ?? null,
      recommendations: stored.map(view),
    };
  }
}
