import { Catch, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { StorageUnavailableError } from '@fleetscope/storage';

/** Retry-After of a 503 while ClickHouse cannot be reached, as the collector tells its senders. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Every route's answer while ClickHouse cannot be reached: 503 with Retry-After and a message
 * naming ClickHouse, where a route that did not map the error itself answered a bare 500
 * "Internal server error" (after 30 s when the server hung). Any other error is answered as Nest
 * answers it.
 */
@Catch()
export class StorageUnavailableFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const unavailable = storageUnavailable(exception);
    if (unavailable === undefined || host.getType() !== 'http') {
      super.catch(exception, host);
      return;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    void reply
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .header('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS))
      .send({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: `ClickHouse is unavailable, try again later: ${unavailable.message}`,
      });
  }
}

/** The StorageUnavailableError `error` is or was caused by (an analysis wrapping it), if any. */
function storageUnavailable(error: unknown): StorageUnavailableError | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (cause instanceof StorageUnavailableError) return cause;
    cause = cause.cause;
  }
  return undefined;
}
