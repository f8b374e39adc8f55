import { createServer } from 'node:net';
import { PlatformUnavailableError } from '@fleetscope/tuning';
import { authorizedRequest } from './authorized-request';
import {
  HttpStatusError,
  asPlatformError,
  parseRetryAfter,
  unavailability,
} from './platform-errors';

/** A port nothing listens on: one a server had, closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(asPlatformError.name, () => {
  it('calls a refused connection unreachable, naming the socket error', async () => {
    const port = await closedPort();
    const error = await authorizedRequest(
      new URL(`http://127.0.0.1:${port}/system/functions`),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    const wrapped = asPlatformError(error);
    expect(wrapped).toBeInstanceOf(PlatformUnavailableError);
    expect(wrapped).toMatchObject({ reason: 'unreachable' });
    expect((wrapped as Error).message).toMatch(
      /^the platform could not be reached: fetch failed \(ECONNREFUSED\)$/,
    );
  });

  it('tells throttling and platform failures from answers about the function', () => {
    const aws = (name: string, httpStatusCode: number) =>
      Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
    expect(unavailability(aws('TooManyRequestsException', 429))).toBe('throttled');
    expect(unavailability(aws('ServiceException', 500))).toBe('failed');
    expect(unavailability(aws('ResourceNotFoundException', 404))).toBeUndefined();
    expect(unavailability(aws('AccessDeniedException', 403))).toBeUndefined();
    expect(unavailability(new HttpStatusError('GET answered 503', 503))).toBe('failed');
    expect(unavailability(new HttpStatusError('GET answered 404', 404))).toBeUndefined();
    const notFound = aws('ResourceNotFoundException', 404);
    expect(asPlatformError(notFound)).toBe(notFound);
  });

  it("keeps the platform's Retry-After: Lambda's retryAfterSeconds, a gateway's header", () => {
    const lambda = Object.assign(new Error('Rate exceeded'), {
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
      retryAfterSeconds: '7',
    });
    expect(asPlatformError(lambda)).toMatchObject({ reason: 'throttled', retryAfterSeconds: 7 });
    const gateway = new HttpStatusError('GET answered 429', 429, 17);
    expect(asPlatformError(gateway)).toMatchObject({ reason: 'throttled', retryAfterSeconds: 17 });
    const silent = new HttpStatusError('GET answered 429', 429);
    expect((asPlatformError(silent) as PlatformUnavailableError).retryAfterSeconds).toBeUndefined();
    const now = Date.parse('2026-12-07T02:00:00Z');
    expect(parseRetryAfter('Mon, 07 Dec 2026 02:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
