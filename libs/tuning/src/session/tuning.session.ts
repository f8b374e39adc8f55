import type { TuningPricer } from '../pricing/tuning-cost';
import { adaptiveBudget, nextStep } from '../search/tuning.search';
import type { Candidate, Observation, PublishedVersion, SearchOptions } from '../tuning.types';
import { candidateKey } from '../tuning.types';
import type { WeightedPayload } from './payload.plan';
import { payloadFor } from './payload.plan';
import { NothingChangedError } from './tuning.driver';
import type { FunctionSnapshot, TuningDriver, TuningTarget } from './tuning.driver';

export interface TuningSessionInput {
  driver: TuningDriver;
  target: TuningTarget;
  snapshot: FunctionSnapshot;
  candidates: Candidate[];
  options: SearchOptions;
  pricer: TuningPricer;
  payload?: unknown;
  weightedPayloads?: WeightedPayload[];
  parallelInvocation: boolean;
  sleepBetweenRunsMs: number;
  /** Observations of an earlier run of the same job (a resume continues from them). */
  observations: Observation[];
  /**
   * The versions the job published (drivers that publish versions only): this run's are added
   * as they are published, and every one still open is closed when restore has removed them.
   */
  versions?: PublishedVersion[];
  /** Called after each batch (store it, report progress); throwing stops the job. */
  onBatch(batch: Observation[], all: Observation[]): Promise<void>;
  /**
   * Called before each call is made (awaited; throwing stops the job): a call the platform may
   * bill is known even if the process dies before its batch reaches onBatch.
   */
  beforeCall?(candidate: Candidate): Promise<void>;
  /** Checked between invocations: a cancel request or a shutdown stops the job. */
  shouldStop(): boolean;
  /**
   * Aborted by a cancel request or a shutdown: the job stops at once rather than after the call
   * under way. That call is abandoned (the driver is told to abort it; whatever it answers
   * afterwards is discarded, never stored as a failure of its size), the calls that ended are
   * kept (onBatch), and the function is restored, un-aborted, before this returns.
   */
  signal?: AbortSignal;
}

/** The function could not be put back as it was: someone must look at it. */
export class RestoreError extends Error {
  constructor(readonly reason: unknown) {
    super(
      `restoring the function failed: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
    this.name = 'RestoreError';
  }
}

export type SessionEnd = { kind: 'done'; reason: string } | { kind: 'stopped' };

/** Share of the job done: the grid's count, or the adaptive budget (an upper bound). */
export function tuningProgress(
  options: SearchOptions,
  candidates: number,
  invocationsUsed: number,
  finished: boolean,
): number {
  if (finished) return 1;
  const planned =
    options.mode === 'grid'
      ? candidates * options.invocationsPerSize
      : adaptiveBudget(candidates, options.invocationsPerSize);
  return Math.min(0.99, invocationsUsed / Math.max(1, planned));
}

/** What an abandoned wait rejects with. */
function abortError(signal: AbortSignal | undefined): Error {
  return signal?.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** Waits `ms`; rejects at once (its timer cleared) when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * `work`, or a rejection as soon as `signal` aborts: a driver that does not honour the signal
 * (or a platform call that runs on) does not hold the job up, and its late answer is dropped,
 * even one it gives in answer to the abort (a 504 from a gateway whose client left).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    // Rejects at the abort itself, before any answer the abort provoked can settle this.
    const abort = () => reject(abortError(signal));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: Error) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/**
 * Runs the search against a driver until it is done or stopped. Whatever happens, what the job
 * created is removed and the function's configuration put back before this returns or throws.
 * A job whose first prepare failed before changing anything (the driver throws
 * NothingChangedError) says so: there was nothing to put back.
 */
export async function runTuningSession(input: TuningSessionInput): Promise<SessionEnd> {
  const { driver, target, snapshot, options, signal } = input;
  const aborted = () => signal?.aborted === true;
  const observations = [...input.observations];
  const prepared = new Set<string>();
  /** The size a one-deployment driver has deployed now. */
  let deployed: string | undefined;
  let invoked = 0;
  /** Whether the job may have changed the function (a prepare succeeded or failed half-way). */
  let changed = false;
  const published = (c: Candidate) => {
    if (driver.publishesVersions && input.versions)
      input.versions.push({
        architecture: c.architecture,
        memoryMb: c.memoryMb,
        publishedAtMs: Date.now(),
        removedAtMs: null,
      });
  };
  try {
    for (;;) {
      if (aborted() || input.shouldStop()) return { kind: 'stopped' };
      const step = nextStep(input.candidates, observations, options, input.pricer);
      if (step.kind === 'done') return step;
      const key = candidateKey(step.candidate);
      const already = observations.filter((o) => candidateKey(o) === key).length;
      let warmup = step.warmup;
      if (driver.oneDeploymentAtATime ? deployed !== key : !prepared.has(key)) {
        try {
          await driver.prepare(target, step.candidate, snapshot, signal);
        } catch (error) {
          if (!(error instanceof NothingChangedError)) changed = true;
          // Stopped while it waited for the size to be ready: it may have changed the function
          // (and published a version: counted, so the job's cost is not understated).
          if (aborted()) {
            changed = true;
            published(step.candidate);
            return { kind: 'stopped' };
          }
          throw error;
        }
        changed = true;
        published(step.candidate);
        prepared.add(key);
        deployed = key;
        // A size prepared again (the search came back to it, or the job resumed) runs on a new
        // pod or version: its first call starts cold, and OpenFaaS and Knative report no INIT.
        if (already > 0 && !options.onlyColdStarts) warmup = Math.max(warmup, 1);
      }
      const call = async (i: number): Promise<Observation> => {
        // A fresh call runs on a version of its own, published for it.
        if (options.onlyColdStarts) published(step.candidate);
        await input.beforeCall?.(step.candidate);
        const r = await untilAborted(
          driver.invoke(
            target,
            step.candidate,
            payloadFor(input, already + i, options.invocationsPerSize),
            options.onlyColdStarts,
            snapshot,
            signal,
          ),
          signal,
        );
        return {
          ...r,
          architecture: step.candidate.architecture,
          memoryMb: step.candidate.memoryMb,
          seq: 0,
          warmup: i < warmup,
        };
      };
      const batch: Observation[] = [];
      try {
        if (input.parallelInvocation) {
          if (warmup > 0) batch.push(await call(0));
          const rest = Array.from({ length: step.count - warmup }, (_, i) => warmup + i);
          // In order of the calls; on an abort, those that ended are kept.
          const ended: Observation[] = [];
          try {
            await Promise.all(rest.map(async (i, k) => (ended[k] = await call(i))));
          } finally {
            batch.push(...ended.filter(Boolean));
          }
        } else {
          for (let i = 0; i < step.count; i++) {
            if (i > 0 && input.shouldStop()) break;
            // Between every two invocations, the first of a batch too (Power Tuning's option).
            if (invoked > 0 && input.sleepBetweenRunsMs > 0)
              await sleep(input.sleepBetweenRunsMs, signal);
            invoked++;
            const o = await call(i);
            batch.push(o);
            // A size that ran out of memory or time is infeasible: no need to insist.
            if (o.outcome === 'oom' || o.outcome === 'timeout') break;
          }
        }
      } catch (error) {
        // Abandoned calls are no measurement; the loop's next turn stops the job.
        if (!aborted()) throw error;
      }
      batch.forEach((o, i) => (o.seq = observations.length + i));
      observations.push(...batch);
      if (batch.length > 0) await input.onBatch(batch, observations);
    }
  } catch (error) {
    if (changed || !(error instanceof NothingChangedError)) throw error;
    throw new NothingChangedError(`${error.message}; the function was not changed`, {
      cause: error,
    });
  } finally {
    try {
      await driver.restore(target, snapshot);
      const removedAtMs = Date.now();
      for (const v of input.versions ?? []) v.removedAtMs ??= removedAtMs;
    } catch (error) {
      // Thrown in place of any earlier error: a function left misconfigured matters more. One
      // the job never changed has nothing to put back, whatever stopped the restore (as a rule
      // the same refusal that stopped the job).
      // eslint-disable-next-line no-unsafe-finally
      if (changed) throw new RestoreError(error);
    }
  }
}
