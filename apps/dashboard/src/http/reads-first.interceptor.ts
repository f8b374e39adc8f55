import type { ServerResponse } from 'node:http';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { CLICKHOUSE, type ClickHouseHandle } from '@fleetscope/storage';

/**
 * Embedded engine: an API read holds the analysis runs' queries back from its start until its
 * answer is written (ClickHouseHandle.holdBackgroundQueries). A page reads with several queries one
 * after another; without the hold, a background query that had waited its turn started in the gap
 * between two of them, and the read waited for it in the middle (the 7-day fleet page of 10,000
 * functions: p50 511–534 ms beside an analysis run against 256 alone, BENCHMARKS.md).
 */
@Injectable()
export class ReadsFirstInterceptor implements NestInterceptor {
  constructor(@Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseHandle) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const hold = this.clickhouse.holdBackgroundQueries;
    const http = context.switchToHttp();
    const request = http.getRequest<{ method?: string; url?: string } | undefined>();
    if (!hold || !isApiRead(request)) return next.handle();
    const response = http.getResponse<{ raw?: ServerResponse } | undefined>()?.raw;
    if (!response) return next.handle();
    // 'close' ends every response: written in full, failed, or its client gone.
    response.once('close', hold());
    return next.handle();
  }
}

function isApiRead(request: { method?: string; url?: string } | undefined): boolean {
  return (
    (request?.method === 'GET' || request?.method === 'HEAD') &&
    request.url?.startsWith('/api/') === true
  );
}
