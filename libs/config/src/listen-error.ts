/** A server could not listen on its configured address: the message names the variable and the fix. */
export class ListenError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

/**
 * What a failed listen on `host:port` (read from `variable`) means to the operator: a port in use
 * becomes a ListenError naming the variable; any other error is returned as it is.
 */
export function listenError(error: unknown, variable: string, host: string, port: number): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  // grpc-js keeps the system error only in its message ("No address added … [listen EADDRINUSE …]").
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'EADDRINUSE' && !error.message.includes('EADDRINUSE')) return error;
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new ListenError(
    variable,
    `${variable}: ${address} is already in use by another process; stop it or set ${variable} to a free port`,
  );
}
