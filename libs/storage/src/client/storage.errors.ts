/** Storage failures are thrown as these; callers decide what a failure means for them. */
export class StorageError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** ClickHouse cannot be reached or refused the connection: the caller may retry later. */
export class StorageUnavailableError extends StorageError {}

/**
 * A statement failed: carries the server's message, and whether running it again could succeed
 * (memory or part pressure, timeouts) or never will (rows ClickHouse cannot parse).
 */
export class StorageQueryError extends StorageError {
  constructor(
    message: string,
    cause?: unknown,
    readonly retryable = true,
  ) {
    super(message, cause);
  }
}

/** ClickHouse refused the rows themselves: the same insert will be refused however often it runs. */
export function isRefusedRows(error: unknown): error is StorageQueryError {
  return error instanceof StorageQueryError && !error.retryable;
}

/**
 * ClickHouse error codes that mean the input itself is wrong (Cannot parse …, type mismatch, a
 * value out of its type's range: 407 DECIMAL_OVERFLOW is a DateTime64 beyond 2262), so the same
 * rows will fail again however often they are sent.
 */
const PERMANENT_CODES = new Set([
  6, 25, 26, 27, 38, 41, 53, 69, 70, 72, 117, 130, 131, 190, 321, 386, 407,
]);

/** A migration failed: names the file; the migration is not recorded as applied. */
export class MigrationError extends StorageError {
  constructor(
    readonly file: string,
    readonly serverMessage: string,
    cause?: unknown,
  ) {
    super(`Migration ${file} failed: ${serverMessage}`, cause);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0].trim();
  return String(error);
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|socket hang up|Timeout error/i;

/** Wraps a driver error in the typed error that says whether retrying could help. */
export function toStorageError(error: unknown, what: string): StorageError {
  if (error instanceof StorageError) return error;
  const message = `${what}: ${describeError(error)}`;
  // Not `instanceof Error`: an error made in another realm (Node's sockets under jest's vm) is not
  // one, and a refused connection then read as a failed statement.
  const { message: driverMessage, code: driverCode } = (error ?? {}) as {
    message?: unknown;
    code?: unknown;
  };
  if (
    typeof driverMessage === 'string' &&
    UNAVAILABLE.test(`${driverMessage} ${typeof driverCode === 'string' ? driverCode : ''}`)
  ) {
    return new StorageUnavailableError(message, error);
  }
  // chDB's own errors (its raw insert) carry ClickHouse's code as clickhouseCode.
  const { code, clickhouseCode } = (error ?? {}) as { code?: unknown; clickhouseCode?: unknown };
  const number = Number(clickhouseCode ?? code);
  return new StorageQueryError(message, error, !PERMANENT_CODES.has(number));
}
