/**
 * The times Fleetscope stores, for ingest and queries alike. No serverless platform predates
 * 2000, so an earlier time is a unit error (milliseconds or seconds sent as nanoseconds); the
 * per-minute aggregate's DateTime (UInt32 seconds) ends 2106-02-07T06:28:15Z.
 */
export const EARLIEST_STORED_MS = Date.UTC(2000, 0, 1);
export const LATEST_STORABLE_MS = 4294967295_000;
