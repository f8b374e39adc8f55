import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  RECOMMENDATION_KINDS,
  buildPlans,
  compareRecommendations,
  plansTotal,
  savingWords,
  type EvidenceBasis,
  type FunctionPlan,
  type PlanRole,
  type RecommendationKind,
  type SavingRange,
  type SavingWords,
  type Severity,
} from '@fleetscope/analysis';
import { parseFunctionId } from '@fleetscope/model';
import {
  FunctionsRepository,
  RecommendationsRepository,
  type StoredExplanation,
  type StoredRecommendation,
} from '@fleetscope/storage';
import { requireFunctionId } from '../http/function-id.param';

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
  savingUsd: SavingRange;
  /** savingUsd in words (savingWords()): what every reader shows. */
  savingWords: SavingWords;
  basis: EvidenceBasis | null;
  action: NonNullable<StoredRecommendation['action']> | null;
  planRole: PlanRole;
}

/** A recommendation as a plan lists it. */
export interface PlannedRecommendation extends Omit<RecommendationView, 'severity'> {
  severity: Severity;
}

/** One function's plan (buildPlans), with its total in words and the function it is for. */
export interface RecommendationPlan extends FunctionPlan<PlannedRecommendation> {
  totalWords: SavingWords;
  function?: RecommendationView['function'];
}

/** The analysis run the recommendations come from. */
export interface RecommendationsRun {
  runId: string;
  /** ISO-8601, as the window's bounds. */
  finishedAt: string;
  window: { from: string; to: string };
  /** How many recommendations the run stored. */
  recommendations: number;
  catalogueVersion: string;
}

/** GET /api/recommendations. */
export interface RecommendationsResponse {
  /** Null before any analysis run succeeded. */
  run: RecommendationsRun | null;
  /** The kind asked for, null for every kind. */
  kind: RecommendationKind | null;
  recommendations: RecommendationView[];
  plans: RecommendationPlan[];
  /** What the plans add up (plansTotal). */
  totalUsd: SavingRange;
  totalWords: SavingWords;
  /** With explain=1 only: why functions got no recommendation of a kind they lack. */
  whyNot?: StoredExplanation[];
}

/** `explain=1|true` asks for the reasons functions got no recommendation of a kind. */
export function parseExplain(explain: string | undefined): boolean {
  if (explain === undefined || explain === '' || explain === '0' || explain === 'false')
    return false;
  if (explain === '1' || explain === 'true') return true;
  throw new BadRequestException(`explain: expected 1, true, 0 or false, got "${explain}"`);
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
  const saving = r.savingUsd ?? { lowUsd: r.monthlyImpactUsd, highUsd: r.monthlyImpactUsd };
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
    // Rows stored before ranges existed: the point figure is both ends.
    savingUsd: saving,
    savingWords: savingWords(saving),
    basis: r.basis ?? null,
    action: r.action ?? null,
    planRole: r.planRole ?? (r.kind === 'containers' ? 'option' : 'change'),
  };
}

function asSeverity(severity: string): Severity {
  return severity === 'critical' || severity === 'warning' ? severity : 'info';
}

const NOTHING: SavingRange = { lowUsd: 0, highUsd: 0 };

@ApiTags('analyses')
@Controller('api/recommendations')
export class RecommendationsController {
  constructor(
    private readonly results: RecommendationsRepository,
    private readonly functions: FunctionsRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Recommendations of the latest successful analysis run: reliability fixes first, then confidence-weighted savings; grouped per function as plans; with explain=1, why functions got none',
  })
  @ApiQuery({ name: 'kind', required: false, enum: RECOMMENDATION_KINDS })
  @ApiQuery({
    name: 'functionId',
    required: false,
    description:
      'Only this function (platform~account~region~name, as GET /api/functions lists it)',
  })
  @ApiResponse({
    status: 400,
    description: 'kind, functionId or explain malformed; the message names it',
  })
  @ApiQuery({
    name: 'explain',
    required: false,
    description:
      '1: add whyNot, the reasons functions (or the function asked for) got no recommendation of each kind they lack',
  })
  async list(
    @Query('kind') kind?: string,
    @Query('functionId') functionId?: string,
    @Query('explain') explain?: string,
  ): Promise<RecommendationsResponse> {
    const wanted = parseKind(kind);
    const explaining = parseExplain(explain);
    // Any value was passed through: functionId=nope answered 200, "$0 a month", no reason.
    if (functionId) requireFunctionId(functionId, 'functionId');
    const run = await this.results.latestRun();
    if (!run)
      return {
        run: null,
        kind: wanted ?? null,
        recommendations: [],
        plans: [],
        totalUsd: NOTHING,
        totalWords: savingWords(NOTHING),
        ...(explaining ? { whyNot: [] } : {}),
      };
    const stored = await this.results.list(run.runId, wanted, functionId || undefined);
    const views = stored
      .map(view)
      .sort((a, b) =>
        compareRecommendations(
          { ...a, severity: asSeverity(a.severity) },
          { ...b, severity: asSeverity(b.severity) },
        ),
      );
    const plans: RecommendationPlan[] = buildPlans(
      views.map((v) => ({ ...v, severity: asSeverity(v.severity) })),
    ).map((p) => ({
      ...p,
      totalWords: savingWords(p.totalUsd),
      function: views.find((v) => v.functionId === p.functionId)?.function,
    }));
    // The plans done together, as the run summary totals them (plans only, not options).
    const totalUsd = plansTotal(plans);
    let whyNot: StoredExplanation[] | undefined;
    if (explaining) {
      const explanations = await this.results.explanations(
        run.runId,
        wanted,
        functionId || undefined,
      );
      // Every kind each function lacks, for the fleet as for one function: a function with a
      // timeout fix but no saving advice (a day of data) was left out of the fleet's list.
      const advised = new Set(views.map((v) => `${v.functionId}|${v.kind}`));
      whyNot = explanations.filter((e) => !advised.has(`${e.functionId}|${e.kind}`));
      // A function the run saw nothing of has neither: an empty list read as "nothing to say".
      if (
        functionId &&
        views.length === 0 &&
        explanations.length === 0 &&
        (
          await this.functions.totals(
            { fromMs: run.windowFromMs, toMs: run.windowToMs },
            functionId,
          )
        ).length === 0
      ) {
        const from = new Date(run.windowFromMs).toISOString();
        const to = new Date(run.windowToMs).toISOString();
        whyNot = (wanted ? [wanted] : RECOMMENDATION_KINDS).map((k) => ({
          functionId,
          kind: k,
          code: 'no-data',
          detail: `No data for this function in the run's window (${from} to ${to}): the analysis saw no invocations of it. Check the id against GET /api/functions, or run the analysis again once it has data.`,
        }));
      }
    }
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
      recommendations: views,
      plans,
      totalUsd,
      totalWords: savingWords(totalUsd),
      ...(whyNot ? { whyNot } : {}),
    };
  }
}
