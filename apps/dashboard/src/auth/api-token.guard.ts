import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { FLEETSCOPE_CONFIG, bearerMatches, type Config } from '@fleetscope/config';

/**
 * Routes that stay open under FLEETSCOPE_API_TOKEN: the health check for probes, and the
 * Prometheus counters (no function data) for scrapers, as /health and /metrics on :4318 stay open
 * under the ingest token. Anything not named here is guarded.
 */
const OPEN_PATHS = new Set(['/api/health', '/metrics']);

/** Bearer FLEETSCOPE_API_TOKEN on the API (:8080/api) when configured. */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(@Inject(FLEETSCOPE_CONFIG) private readonly config: Config) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.apiToken;
    if (!token) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ url: string; headers: Record<string, string | undefined> }>();
    if (OPEN_PATHS.has(request.url.split('?')[0])) return true;
    if (!bearerMatches(request.headers.authorization, token)) {
      throw new UnauthorizedException('missing or wrong bearer token (FLEETSCOPE_API_TOKEN)');
    }
    return true;
  }
}
