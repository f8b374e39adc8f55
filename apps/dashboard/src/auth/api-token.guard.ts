import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { FLEETSCOPE_CONFIG, bearerMatches, type Config } from '@fleetscope/config';

/** Bearer FLEETSCOPE_API_TOKEN on /api/* when configured; health stays open for probes. */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(@Inject(FLEETSCOPE_CONFIG) private readonly config: Config) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.apiToken;
    if (!token) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ url: string; headers: Record<string, string | undefined> }>();
    if (request.url.startsWith('/api/health')) return true;
    if (!bearerMatches(request.headers.authorization, token)) {
      throw new UnauthorizedException('missing or wrong bearer token (FLEETSCOPE_API_TOKEN)');
    }
    return true;
  }
}
