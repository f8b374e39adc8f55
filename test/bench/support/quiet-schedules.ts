/**
 * The app's own scheduled work, moved out of a bench's way: the analyses run every 15 minutes by
 * default (FLEETSCOPE_ANALYSIS_CRON), over every function stored, and on the wide fleet one run
 * takes both cores for seconds. A tick that fell inside the timed calls showed as one fleet-page
 * call of 1,169 ms (bench:api, 2026-12-06 10:15 UTC). A bench times its own work alone, so its
 * app runs them once a year (1 January, 00:00 UTC); a fresh store has no last run to catch up on.
 */
export const QUIET_SCHEDULES: Readonly<Record<string, string>> = {
  FLEETSCOPE_ANALYSIS_CRON: '0 0 0 1 1 *',
  FLEETSCOPE_REPORT_CRON: '0 0 0 1 1 *',
};
