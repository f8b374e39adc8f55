import type { InitType } from '../records';

/**
 * What a source knows about how an invocation's execution environment came to be. Each platform
 * decides a cold start from its own evidence (docs/decisions.md, "Cold starts"):
 * - Lambda platform records: the `initializationType` decides, not the presence of an Init
 *   Duration; a reset after a timeout or out-of-memory kill is a cold start without one.
 * - OpenTelemetry spans: the `faas.coldstart` attribute, when the emitter sets it.
 * - Knative: a request served through the activator while its revision had zero pods.
 * - OpenFaaS: the gateway's scale from zero (`[Ready] … waited for`, or its timeout).
 */
export type InitEvidence =
  LambdaInitEvidence | SpanInitEvidence | KnativeInitEvidence | OpenFaasInitEvidence;

export interface LambdaInitEvidence {
  platform: 'aws_lambda';
  /** The REPORT's Restore Duration, or the RESTORE_REPORT's. */
  restoreDurationMs: number | null;
  /** A RESTORE_START (or platform.restoreStart) came before this invocation, its report not yet. */
  restoreStarted: boolean;
  /** The INIT_START (or platform.initStart) before this invocation, with its declared type. */
  initStart: { timeMs: number; initType: string } | null;
  /** The REPORT's Init Duration. */
  initDurationMs: number | null;
  /** An INIT_REPORT seen since the INIT_START (Phase: invoke = a suppressed init re-run). */
  initReport: { durationMs: number | null; phase: string } | null;
  /**
   * An init report since the last invocation said the init failed or timed out: Lambda runs the
   * init again at the first invocation (AWS Lambda developer guide, execution environment
   * lifecycle), so that invocation waited for it whenever the first init started.
   */
  initFailed: boolean;
  /** When the invocation started (its START, else derived from the REPORT). */
  invocationStartMs: number;
  /** An init that ended longer than this before the invocation was proactive. */
  proactiveGapMs: number;
  /** The sandbox was reset (an earlier invocation timed out, ran out of memory or crashed). */
  sandboxReset: boolean;
}

export interface SpanInitEvidence {
  platform: 'span';
  /** The `faas.coldstart` attribute as sent (span first, then resource). */
  coldstartAttribute: string | undefined;
}

export interface KnativeInitEvidence {
  platform: 'knative';
  /** The request was counted by the activator (which buffers requests for scaled-down revisions). */
  servedByActivator: boolean;
  revisionHadZeroPods: boolean;
}

export interface OpenFaasInitEvidence {
  platform: 'openfaas';
  /** The gateway line: a replica became ready after a scale from zero, or the wait timed out. */
  gatewayScaleFromZero: 'ready' | 'timed-out';
}

export interface InitClassification {
  /** null: the source does not say. */
  coldStart: boolean | null;
  initType: InitType;
  /** The init duration to record (Lambda may take it from the INIT_REPORT). */
  initDurationMs: number | null;
}

/** The one cold-start decision of every source, each platform's rule beside the others. */
export function classifyInit(evidence: InitEvidence): InitClassification {
  switch (evidence.platform) {
    case 'aws_lambda':
      return classifyLambdaInit(evidence);
    case 'span':
      return { coldStart: flag(evidence.coldstartAttribute), initType: '', initDurationMs: null };
    case 'knative': {
      const cold = evidence.servedByActivator && evidence.revisionHadZeroPods;
      return { coldStart: cold, initType: cold ? 'on-demand' : '', initDurationMs: null };
    }
    case 'openfaas':
      // Both outcomes made the caller wait for a scale from zero.
      return { coldStart: true, initType: 'on-demand', initDurationMs: null };
  }
}

function classifyLambdaInit(e: LambdaInitEvidence): InitClassification {
  let initDurationMs = e.initDurationMs;
  const cold = (initType: InitType): InitClassification => ({
    coldStart: true,
    initType,
    initDurationMs,
  });
  const warm = (initType: InitType): InitClassification => ({
    coldStart: false,
    initType,
    initDurationMs,
  });
  // SnapStart: a restore (its report, or a RESTORE_START with no INIT_START) is the cold start.
  if (e.restoreDurationMs !== null || (e.restoreStarted && e.initStart === null)) {
    return cold('snap-start');
  }
  if (e.initFailed) {
    if (initDurationMs === null && e.initReport) initDurationMs = e.initReport.durationMs;
    return cold('on-demand');
  }
  if (initDurationMs !== null || e.initStart !== null || e.initReport?.phase === 'invoke') {
    const declared = e.initStart?.initType ?? '';
    // A snap-start init is the snapshot's, run when the version was published: a restored
    // sandbox still reports it, but it was not on this invocation's path (docs/decisions.md).
    if (declared === 'snap-start') return cold('snap-start');
    if (initDurationMs === null && e.initReport) initDurationMs = e.initReport.durationMs;
    const initEnd = e.initStart ? e.initStart.timeMs + (initDurationMs ?? 0) : null;
    if (declared === 'provisioned-concurrency') return warm('provisioned-concurrency');
    if (initEnd !== null && e.invocationStartMs - initEnd > e.proactiveGapMs)
      return warm('proactive');
    if (initDurationMs !== null || e.sandboxReset) return cold('on-demand');
    // An INIT_START without Init Duration in the REPORT and no declared type (text logs of a
    // provisioned-concurrency sandbox): not a user-visible cold start.
    return warm('');
  }
  return e.sandboxReset ? cold('on-demand') : warm('');
}

/** `faas.coldstart` as sent: true/1, false/0, anything else unknown. */
function flag(raw: string | undefined): boolean | null {
  if (raw === undefined) return null;
  const v = raw.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return null;
}
