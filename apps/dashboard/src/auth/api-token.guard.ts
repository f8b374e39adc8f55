import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { FLEETSCOPE_CONFIG, bearerMatches, type Config } from '@fleetscope/config';
import { API_OPEN_PATHS } from '@fleetscope/server';

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
    if (API_OPEN_PATHS.has(request.url.split('?')[0])) return true;
    if (!bearerMatches(request.headers.authorization, token)) {
      throw new UnauthorizedException('missing or wrong bearer token (FLEETSCOPE_API_TOKEN)');
    }
    return true;
  }
}
