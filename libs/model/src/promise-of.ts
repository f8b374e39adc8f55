/**
 * Calls `start` and returns its promise, a synchronous throw as a rejection, as an async function
 * would. For the functions of the ingest path that hold a request's decoded rows: an async
 * function keeps its arguments and locals alive until its promise settles, which on that path is
 * when the request is acknowledged, tens of milliseconds later under load: long enough for the
 * rows to be promoted to the old generation and marked by every major GC. Such a function does its
 * work synchronously and hands only what the wait needs to an async one; `start` is called at once
 * and dropped, so what its closure holds is not kept either.
 */
export function promiseOf<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
