import {
  runTuningSession,
  summarise,
  type Candidate,
  type Observation,
  type SearchOptions,
  type TuningDriver,
  type TuningPricer,
  type TuningSummary,
} from '@fleetscope/tuning';

/**
 * One tuning session run to its end in the test's process (no pauses, no stop, every batch's
 * observations kept), and its summary: what a job would pick from the same calls.
 */
export async function measureAndSummarise(session: {
  driver: TuningDriver;
  target: Parameters<TuningDriver['snapshot']>[0];
  candidates: Candidate[];
  options: SearchOptions;
  pricer: TuningPricer;
}): Promise<{ observations: Observation[]; summary: TuningSummary }> {
  const { driver, target, candidates, options, pricer } = session;
  const snapshot = await driver.snapshot(target);
  let observations: Observation[] = [];
  await runTuningSession({
    driver,
    target,
    snapshot,
    candidates,
    options,
    pricer,
    parallelInvocation: false,
    sleepBetweenRunsMs: 0,
    observations: [],
    onBatch: (_batch, all) => {
      observations = all;
      return Promise.resolve();
    },
    shouldStop: () => false,
  });
  return { observations, summary: summarise(candidates, observations, options, pricer) };
}
