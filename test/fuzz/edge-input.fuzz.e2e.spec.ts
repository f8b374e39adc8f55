import fc from 'fast-check';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { FUZZ_ARBITRARIES, FUZZ_TARGETS } from './support/fuzz-cases';
import { sendCase, storedBy } from './support/fuzz-runner';

/** Cases per target in `npm test`; `npm run bench:fuzz` runs 100,000. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/**
 * Property-based fuzzing of every decoder (OTLP JSON and protobuf, REPORT lines, Telemetry API,
 * CloudWatch, Firehose) and of the API's query parameters against the real Fleetscope (issue 15):
 * no answer is a 5xx, nothing crashes, and every item an answer calls accepted is stored, the rest
 * reported.
 */
describe('Fuzzed edge input', () => {
  let fleetscope: RunningFleetscope;
  let marker = 0;

  beforeAll(async () => {
    // Times up to a day old are within retention; older ones must be reported, not stored.
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '30',
      // Every case names a sandbox of its own, most without a platform.initStart: each would
      // wait the whole second for it (test/platform/telemetry-out-of-order.e2e.spec.ts).
      FLEETSCOPE_TELEMETRY_INIT_WAIT_MS: '50',
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it.each(FUZZ_TARGETS)(
    '%s: never a 5xx, never refused by storage, and every accepted item is stored',
    async (target) => {
      await fc.assert(
        fc.asyncProperty(FUZZ_ARBITRARIES[target], async (make) => {
          const c = make(`fuzz-${target.replace('_', '-')}-${++marker}`);
          const outcome = await sendCase(fleetscope, c);
          // The case itself is part of what a failure shows (the factory prints as code).
          const shown = { path: c.path, body: String(c.body ?? ''), answer: outcome.body };
          // Refusals come from validation, before the writer: ClickHouse refusing rows that
          // passed it ("could not be stored") is a gap in the validation.
          expect({
            ...shown,
            serverError: outcome.status >= 500,
            refusedByStorage: /could not be stored/.test(outcome.body),
          }).toEqual({ ...shown, serverError: false, refusedByStorage: false });
          if (outcome.accepted) {
            await fleetscope.flush();
            expect({ ...shown, stored: await storedBy(fleetscope, c) }).toEqual({
              ...shown,
              stored: outcome.accepted,
            });
          }
        }),
        { numRuns: RUNS },
      );
      expect((await fetch(`${fleetscope.ingestUrl}/health`)).status).toBe(200);
    },
    120_000,
  );
});
