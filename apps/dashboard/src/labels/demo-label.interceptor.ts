import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { StoreLabel } from '@fleetscope/storage';

/**
 * Issue 12: demo data says so wherever it appears. Every JSON object the API answers from a store
 * the demo marked carries `demo: true` (health, functions, recommendations, reports, replays…), so
 * what a user saves or exports, and what the pages and the CLI read, can tell. Rendered bodies
 * (a report as HTML, Markdown or CSV) label themselves from the report's own `demo`.
 */
@Injectable()
export class DemoLabelInterceptor implements NestInterceptor {
  constructor(private readonly store: StoreLabel) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ url?: string } | undefined>();
    if (!this.store.demo || !request?.url?.startsWith('/api/')) return next.handle();
    return next
      .handle()
      .pipe(
        map((body: unknown) =>
          isJsonObject(body) ? { ...(body as Record<string, unknown>), demo: true } : body,
        ),
      );
  }
}

function isJsonObject(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body)
  );
}
