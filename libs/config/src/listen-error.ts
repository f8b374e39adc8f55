import { ENV } from './config.schema';

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
 * What a failed listen on `host:port` (the port read from `variable`) means to the operator: a
 * port in use, or a host that is not this machine's, becomes a ListenError naming the variable;
 * any other error is returned as it is.
 */
export function listenError(error: unknown, variable: string, host: string, port: number): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  // grpc-js keeps the system error only in its message ("No address added … [listen EADDRINUSE …]",
  // "Name resolution failed for target dns:…").
  const text = `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`;
  if (text.includes('EADDRINUSE')) {
    const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    return new ListenError(
      variable,
      `${variable}: ${address} is already in use by another process; stop it or set ${variable} to a free port`,
    );
  }
  if (/EADDRNOTAVAIL|ENOTFOUND|EAI_AGAIN|Name resolution failed/.test(text)) {
    return new ListenError(
      ENV.host.name,
      `${ENV.host.name}: cannot listen on ${host}, which is not an address of this machine (or a name resolving to one); set one of its addresses, 127.0.0.1, or 0.0.0.0 for all`,
    );
  }
  return error;
}
