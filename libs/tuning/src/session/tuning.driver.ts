import type {
  Candidate,
  InvocationOutcome,
  TuningArchitecture,
  TuningPlatform,
} from '../tuning.types';

/** The function as it was before the job touched it: what `restore` puts back. */
export interface FunctionSnapshot {
  /** The Fleetscope function id (libs/model functionId) the job's evidence is filed under. */
  functionId: string;
  memoryMb: number;
  architecture: TuningArchitecture;
  region: string;
  /** Platform-specific state the driver needs to restore (stored with the job as JSON). */
  details: Record<string, unknown>;
}

/** Which job a driver call belongs to: names of what it creates carry the job id. */
export interface TuningTarget {
  jobId: string;
  function: string;
}

/** One invocation as the platform reported it. */
export interface DriverInvocation {
  outcome: InvocationOutcome;
  durationMs: number;
  billedDurationMs: number;
  initDurationMs: number;
  /** SnapStart: Restore Duration and Billed Restore Duration of a call that restored a snapshot. */
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  errorType: string;
}

/**
 * Thrown by a driver call that failed before it changed anything (it could not even read the
 * function): the function is as the call found it, so a job stopped by it has nothing to undo.
 */
export class NothingChangedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NothingChangedError';
  }
}

/**
 * Thrown by `restore` when the function no longer exists (deleted since the job began): what the
 * job made went with it, nothing is left to put back, and no retry will find it.
 */
export class FunctionGoneError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FunctionGoneError';
  }
}

/**
 * Thrown by `restore` when what unqualified callers run is back at the snapshot (or, on a resumed
 * restore, left as someone set it since) but what the job made (versions, aliases) could not all
 * be removed: production is not at a measured size.
 */
export class LeftoversError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LeftoversError';
  }
}

/** What a restore found. */
export interface RestoreReport {
  /**
   * A resumed restore found the configuration changed by someone since the job last set it (it
   * carries no mark of the job and is not the snapshot's): it was left as it is, and this says
   * what it is. The job's pick must not be applied over it.
   */
  changedByOthers?: string;
}

/** Why a platform could not answer for now. */
export type PlatformUnavailability = 'throttled' | 'failed' | 'unreachable';

/**
 * Thrown by `snapshot` when the platform did not say anything about the function: it throttled
 * the call, failed (5xx) or could not be reached. Asking again later may work, so it is no answer
 * that the function is missing.
 */
export class PlatformUnavailableError extends Error {
  /** Seconds the platform asked the caller to wait before trying again, when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    message: string,
    readonly reason: PlatformUnavailability,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'PlatformUnavailableError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/**
 * A platform a tuning job can measure. Implementations: one file each (Lambda, OpenFaaS,
 * Knative), provided under the TUNING_DRIVERS token. `restore` must work from the snapshot
 * alone, after a crash too, and be safe to call twice.
 */
export interface TuningDriver {
  readonly platform: TuningPlatform;
  /**
   * The function has one deployment: preparing a size replaces the size prepared before (an
   * OpenFaaS redeploy), so the session prepares a size again whenever the search returns to it.
   * False where every prepared size stays invocable (Lambda versions, Knative tagged revisions).
   */
  readonly oneDeploymentAtATime: boolean;
  /**
   * Each prepare publishes a version that lives until restore, and so does each `fresh` call
   * (Lambda): with SnapStart on, each one's snapshot is cached, which the job's cost counts.
   */
  readonly publishesVersions?: boolean;
  /** Throws PlatformUnavailableError when the platform throttled, failed or was unreachable. */
  snapshot(target: TuningTarget): Promise<FunctionSnapshot>;
  /**
   * Makes the candidate invocable (a version and alias, new limits, a tagged revision). Throws
   * NothingChangedError when it failed before changing anything. What unqualified callers run
   * (Lambda's $LATEST) must be back at the snapshot when it returns: production keeps calling it.
   * `signal` (a cancel or a shutdown) may stop it waiting for the size to be ready; it rejects
   * then, and restore follows.
   */
  prepare(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<void>;
  /**
   * `fresh` asks for a new sandbox (onlyColdStarts). `signal` aborts the call (a cancel or a
   * shutdown): the request is dropped (the platform may run the function on) and the session
   * discards whatever comes back. Nothing it changes may outlive a restore that follows.
   */
  invoke(
    target: TuningTarget,
    candidate: Candidate,
    payload: unknown,
    fresh: boolean,
    snapshot: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<DriverInvocation>;
  /**
   * Removes everything the job created and puts the snapshot's configuration back. Never
   * aborted: it runs to its end after a cancel or a shutdown too. Throws FunctionGoneError when
   * the function no longer exists. `resumed` (a job taken again after a crash, a shutdown or a
   * failed restore): the configuration is set back only where the job's own changes are still
   * there, never over what someone changed since (Lambda: $LATEST still carries the job's marker).
   */
  restore(
    target: TuningTarget,
    snapshot: FunctionSnapshot,
    options?: { resumed?: boolean },
  ): Promise<RestoreReport | void>;
  /** Sets the pick on the function itself or on a named alias (after restore). */
  apply(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    where: { kind: 'function' } | { kind: 'alias'; name: string },
  ): Promise<void>;
}
