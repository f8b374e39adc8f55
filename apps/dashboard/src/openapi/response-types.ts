import type { AnalysisRunSummary, TuningJobView } from '@fleetscope/analysis-jobs';
import type { WeeklyReport } from '@fleetscope/reports';
import type { FunctionConfig } from '@fleetscope/storage';
import type { ColdStartsResponse } from '../coldstarts/coldstarts.controller';
import type {
  FunctionInvocationsResponse,
  FunctionListResponse,
  FunctionResponse,
  FunctionTimeseriesResponse,
} from '../functions/functions.controller';
import type { HealthResponse } from '../health/health.controller';
import type { KeepAliveReplayResponse } from '../keepalive/keepalive.controller';
import type { RecommendationsResponse } from '../recommendations/recommendations.controller';
import type { WeeklyReportListResponse } from '../reports/reports.controller';
import type { TuningJobCreated, TuningJobListResponse } from '../tuning/tuning-jobs.controller';

/**
 * The JSON answer of each route (its success status), by method and OpenAPI path: the one place
 * the API's response shapes are listed. `npm run openapi:schemas` turns it into
 * response-schemas.generated.ts, which the document at /api/docs carries. Each type is a named,
 * exported one (the generator cannot read `ReturnType<…>`), the type its handler is annotated to
 * return, so the compiler keeps the body and the schema in step.
 */
export interface ApiResponses {
  'GET /api/health': HealthResponse;
  'GET /api/functions': FunctionListResponse;
  'GET /api/functions/{id}': FunctionResponse;
  'GET /api/functions/{id}/timeseries': FunctionTimeseriesResponse;
  'GET /api/functions/{id}/invocations': FunctionInvocationsResponse;
  'PUT /api/functions/{id}/config': FunctionConfig;
  'GET /api/recommendations': RecommendationsResponse;
  'POST /api/analyses/run': AnalysisRunSummary;
  'GET /api/coldstarts': ColdStartsResponse;
  'GET /api/keepalive/replay': KeepAliveReplayResponse;
  'POST /api/reports/weekly': WeeklyReport;
  'GET /api/reports': WeeklyReportListResponse;
  /** format=json (the default); the other formats are text, documented on the handler. */
  'GET /api/reports/{week}': WeeklyReport;
  'POST /api/tuning-jobs': TuningJobCreated;
  'GET /api/tuning-jobs': TuningJobListResponse;
  'GET /api/tuning-jobs/{id}': TuningJobView;
  'DELETE /api/tuning-jobs/{id}': TuningJobView;
}

/**
 * What DemoLabelInterceptor adds to every JSON object the API answers: the generator adds it to
 * each route's schema.
 */
export interface DemoLabel {
  /** Present and true when the store holds the demo fleet (`npm run demo`), never otherwise. */
  demo?: true;
}
