import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  paginateListAliases,
  paginateListVersionsByFunction,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { classifyLambdaLine, type ReportLine } from '@fleetscope/ingest';
import { functionId, parseLambdaArn } from '@fleetscope/model';
import { asPlatformError } from '../http/platform-errors';
import {
  FunctionGoneError,
  LeftoversError,
  NothingChangedError,
  PlatformUnavailableError,
  eventText,
  type RestoreReport,
  type Candidate,
  type DriverInvocation,
  type FunctionSnapshot,
  type InvocationOutcome,
  type TuningArchitecture,
  type TuningDriver,
  type TuningTarget,
} from '@fleetscope/tuning';

/** Longest wait for a configuration or code update to finish (Lambda: usually seconds). */
const UPDATE_WAIT_SECONDS = 300;

/** How long restore keeps trying, by default: a control plane failing for minutes recovers. */
export const RESTORE_RETRY_MS = 10 * 60_000;

/** Restore's retries: for `totalMs` in all, the wait doubling from `firstDelayMs` to `maxDelayMs`. */
export interface RestoreRetry {
  totalMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

const MARKER_PREFIX = 'fleetscope-tuning ';
/** Description of every version a job publishes: how restore finds them, after a crash too. */
export const versionMarker = (jobId: string) => `${MARKER_PREFIX}${jobId}`;
/** Alias of one candidate; every alias of a job shares the prefix. */
export const aliasPrefix = (jobId: string) => `fst-${jobId}-`;
export const aliasName = (jobId: string, c: Candidate) =>
  `${aliasPrefix(jobId)}${c.architecture}-${c.memoryMb}`;

/**
 * Error names AWS gives (403) a request signed with credentials it does not accept: a key it does
 * not know, a wrong secret, an expired session token.
 */
const CREDENTIALS_REFUSED = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
]);

/**
 * Why Lambda could not be asked about the function, and what to set or grant: the AWS SDK found
 * no credentials (its CredentialsProviderError) or no region (a plain Error, "Region is
 * missing"), or AWS refused the caller (403: it checks the caller before it looks for the
 * function). Nothing is known of the function then; undefined for any other error.
 */
function notAsked(error: unknown, message: string): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'CredentialsProviderError')
    return (
      'no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, ' +
      'or run Fleetscope with a role that provides them'
    );
  if (message.includes('Region is missing'))
    return 'no AWS region: set AWS_REGION, or name the function by its ARN, which carries its region';
  if (typeof name === 'string' && CREDENTIALS_REFUSED.has(name))
    return (
      'AWS refused the credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
      '(and AWS_SESSION_TOKEN for temporary ones), or AWS_PROFILE'
    );
  if (isAccessDenied(error))
    return (
      'permission lambda:GetFunction is missing: grant it on the function to the role or user ' +
      'Fleetscope runs as'
    );
  return undefined;
}

/**
 * A failed GetFunction as snapshot() throws it: Lambda not asked (notAsked()) is a
 * PlatformUnavailableError naming what to set or grant, with the SDK's words; else `error` as
 * asPlatformError() takes it.
 */
function asLambdaCallError(error: unknown): unknown {
  const text = (error as { message?: unknown } | null)?.message;
  const message = typeof text === 'string' ? text : String(error);
  const why = notAsked(error, message);
  if (why === undefined) return asPlatformError(error);
  return new PlatformUnavailableError(`${why} (${message})`, 'unreachable', { cause: error });
}

interface LambdaDetails {
  functionName: string;
  functionArn: string;
  account: string;
  description: string;
  packageType: string;
  runtime: string;
  /** Configured /tmp (MB): what above 512 MB costs is part of each size's price. */
  ephemeralStorageMb: number;
  /** SnapStart on published versions: each version the job publishes has its snapshot cached. */
  snapStart: boolean;
}

function details(snapshot: FunctionSnapshot): LambdaDetails {
  return snapshot.details as unknown as LambdaDetails;
}

/** $LATEST's settings as the snapshot found them: what every change of the job returns to. */
function asSnapshot(snapshot: FunctionSnapshot) {
  return {
    architecture: snapshot.architecture,
    memoryMb: snapshot.memoryMb,
    description: details(snapshot).description,
  };
}

/** One restore's progress over its retries. */
interface RestoreState {
  /** $LATEST is dealt with: put back, or (resumed) left as someone set it. */
  configured: boolean;
  report: RestoreReport;
}

/** What the log tail says besides the REPORT line. */
export interface TailSignals {
  report: ReportLine | undefined;
  /** `Task timed out after …` */
  timedOut: boolean;
  /** `Runtime exited with error: signal: killed` and the like. */
  outOfMemory: boolean;
}

/**
 * Reads an Invoke log tail with the collector's line classifier, so text lines and JSON-format
 * ones (`LoggingConfig.LogFormat=JSON`, `platform.report` objects) are understood alike.
 */
export function readLogTail(log: string): TailSignals {
  const signals: TailSignals = { report: undefined, timedOut: false, outOfMemory: false };
  for (const line of log.split('\n')) {
    if (line.trim() === '') continue;
    const { event } = classifyLambdaLine(line);
    if (event.kind === 'report') signals.report = event.report;
    else if (event.kind === 'timeout') signals.timedOut = true;
    else if (event.kind === 'runtimeExit' && event.oom) signals.outOfMemory = true;
  }
  return signals;
}

/** How one invocation ended, from Invoke's FunctionError, the error payload and the log tail. */
export function lambdaOutcome(
  functionError: string | undefined,
  payloadErrorType: string,
  tail: TailSignals,
): { outcome: InvocationOutcome; errorType: string } {
  const reportStatus = tail.report?.status ?? '';
  const errorType = tail.report?.errorType || payloadErrorType;
  if (tail.timedOut || reportStatus === 'timeout' || /Timedout|timed out/i.test(errorType))
    return { outcome: 'timeout', errorType: errorType || 'Sandbox.Timedout' };
  if (tail.outOfMemory || /OutOfMemory/i.test(errorType))
    return { outcome: 'oom', errorType: errorType || 'Runtime.OutOfMemory' };
  if (functionError || reportStatus === 'error' || reportStatus === 'failure')
    return { outcome: 'error', errorType: errorType || functionError || 'error' };
  return { outcome: 'ok', errorType: '' };
}

/**
 * One call's figures from its REPORT line, a SnapStart restore's apart: Restore Duration is the
 * cold start of a restored sandbox, and Billed Restore Duration is billed on top of Billed
 * Duration (AWS Lambda "Monitoring for Lambda SnapStart").
 */
export function invocationOfReport(
  report: ReportLine,
  ended: { outcome: InvocationOutcome; errorType: string },
): DriverInvocation {
  const durationMs = report.durationMs ?? 0;
  return {
    ...ended,
    durationMs,
    initDurationMs: report.initDurationMs ?? 0,
    billedDurationMs:
      report.billedDurationMs ?? Math.ceil(durationMs + (report.initDurationMs ?? 0)),
    restoreDurationMs: report.restoreDurationMs ?? 0,
    billedRestoreDurationMs: report.billedRestoreDurationMs ?? 0,
  };
}

/**
 * Tunes a Lambda function as Power Tuning does (docs/decisions.md "Memory and CPU"): per size,
 * UpdateFunctionConfiguration, wait until updated, PublishVersion, $LATEST put back, an alias;
 * Invoke the alias with LogType Tail and read its REPORT line. The version description marks what the job made,
 * so restore can find and remove it even after a crash. The SDK honours AWS_ENDPOINT_URL_LAMBDA.
 */
export class LambdaTuningDriver implements TuningDriver {
  readonly platform = 'aws-lambda' as const;
  readonly oneDeploymentAtATime = false;
  readonly publishesVersions = true;
  private readonly clients = new Map<string, LambdaClient>();
  /** Per function: $LATEST changes one at a time, even when invocations run in parallel. */
  private readonly publishing = new Map<string, Promise<unknown>>();
  private fresh = 0;

  constructor(
    private readonly newClient: (region: string | undefined) => LambdaClient = (region) =>
      new LambdaClient({ region, maxAttempts: 3 }),
    private readonly restoreRetry: Partial<RestoreRetry> = {},
  ) {}

  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private client(target: TuningTarget): LambdaClient {
    const region = parseLambdaArn(target.function)?.region;
    const key = region ?? '';
    let client = this.clients.get(key);
    if (!client) {
      client = this.newClient(region);
      this.clients.set(key, client);
    }
    return client;
  }

  async snapshot(target: TuningTarget): Promise<FunctionSnapshot> {
    const client = this.client(target);
    const got = await client
      .send(new GetFunctionCommand({ FunctionName: target.function }))
      .catch((error: unknown) => {
        throw asLambdaCallError(error);
      });
    const c = got.Configuration;
    if (!c?.FunctionArn || !c.MemorySize) throw new Error('GetFunction returned no configuration');
    // $LATEST carries a job's marker only while that job publishes a size, or when its restore
    // failed: its settings are then a candidate's, and a snapshot of them would be "restored" to.
    if (c.Description?.startsWith(MARKER_PREFIX))
      throw new Error(
        `${c.FunctionName ?? target.function} is left as tuning job ` +
          `${c.Description.slice(MARKER_PREFIX.length).split(' ')[0]} set it while measuring a size ` +
          `(${c.MemorySize} MB, description "${c.Description}"): that job is still publishing a ` +
          'size, or its restore failed. Wait for it to end, or put back its memory size, ' +
          'architecture and description (GET /api/tuning-jobs lists the job; its snapshot holds ' +
          'them) before tuning again',
      );
    const arn = parseLambdaArn(c.FunctionArn);
    const lambdaDetails: LambdaDetails = {
      functionName: c.FunctionName ?? target.function,
      functionArn: c.FunctionArn,
      account: arn?.account ?? '',
      description: c.Description ?? '',
      packageType: c.PackageType ?? 'Zip',
      runtime: c.Runtime ?? '',
      ephemeralStorageMb: c.EphemeralStorage?.Size ?? 512,
      snapStart: c.SnapStart?.ApplyOn === 'PublishedVersions',
    };
    const region = arn?.region ?? (await client.config.region());
    return {
      functionId: functionId({
        platform: 'aws_lambda',
        account: lambdaDetails.account,
        region,
        name: lambdaDetails.functionName,
      }),
      memoryMb: c.MemorySize,
      architecture: c.Architectures?.[0] ?? 'x86_64',
      region,
      details: { ...lambdaDetails },
    };
  }

  async prepare(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.oneAtATime(target, () =>
      this.publish(target, candidate, snapshot, aliasName(target.jobId, candidate), '', signal),
    );
  }

  async invoke(
    target: TuningTarget,
    candidate: Candidate,
    payload: unknown,
    fresh: boolean,
    snapshot: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<DriverInvocation> {
    const alias = aliasName(target.jobId, candidate);
    // A new version has no sandbox yet: its first call is a cold start (onlyColdStarts). Each
    // call invokes its own version, so parallel calls cannot share one.
    const qualifier = fresh
      ? await this.oneAtATime(target, () => {
          // Aborted while it queued behind another call's publish: publish nothing.
          signal?.throwIfAborted();
          return this.publish(
            target,
            candidate,
            snapshot,
            alias,
            ` ${Date.now().toString(36)}.${++this.fresh}`,
            signal,
          );
        })
      : alias;
    // An abort drops the request; Lambda may run the function on (the session discards it).
    const out = await this.client(target).send(
      new InvokeCommand({
        FunctionName: target.function,
        Qualifier: qualifier,
        LogType: 'Tail',
        Payload: Buffer.from(eventText(payload)),
      }),
      { abortSignal: signal },
    );
    const tail = readLogTail(Buffer.from(out.LogResult ?? '', 'base64').toString('utf8'));
    const report = tail.report;
    if (!report || report.durationMs === null)
      throw new Error(`Invoke of ${alias} returned no REPORT line in its log tail`);
    let payloadErrorType = '';
    if (out.FunctionError && out.Payload) {
      try {
        const body = JSON.parse(Buffer.from(out.Payload).toString('utf8')) as {
          errorType?: unknown;
        };
        if (typeof body.errorType === 'string') payloadErrorType = body.errorType;
      } catch {
        // Not JSON: the REPORT line and FunctionError still say what happened.
      }
    }
    return invocationOfReport(report, lambdaOutcome(out.FunctionError, payloadErrorType, tail));
  }

  async restore(
    target: TuningTarget,
    snapshot: FunctionSnapshot,
    options: { resumed?: boolean } = {},
  ): Promise<RestoreReport> {
    // Once $LATEST is dealt with, a retry only deletes: setting it again would undo whatever
    // was deployed since (the team raising memory while a version delete is refused).
    const state: RestoreState = { configured: false, report: {} };
    // After any publish still under way (a call abandoned on a cancel or a shutdown may have
    // started one): what it publishes must not outlive the restore.
    try {
      await this.oneAtATime(target, () =>
        this.retried(() => this.restoreOnce(target, snapshot, state, options.resumed === true)),
      );
    } catch (error) {
      const notFound = stepErrors(error).find(isNotFound);
      if (notFound)
        throw new FunctionGoneError(
          `${details(snapshot).functionName} no longer exists (${messageOf(notFound)}): the ` +
            'versions and aliases the job made went with it, and there is no configuration to ' +
            'put back',
          { cause: error },
        );
      if (state.configured) throw new LeftoversError(messageOf(error), { cause: error });
      throw error;
    }
    return state.report;
  }

  /**
   * `work` until it succeeds, or until restoreRetry.totalMs have passed: a restore that fails
   * leaves production at a candidate's size, and Lambda's control plane (throttling, 5xx) often
   * recovers within minutes, far beyond the SDK's own retries (about 0.3 s). Errors no wait will
   * mend (a missing permission, a deleted function) are thrown at once.
   */
  private async retried(work: () => Promise<void>): Promise<void> {
    const {
      totalMs = RESTORE_RETRY_MS,
      firstDelayMs = 1_000,
      maxDelayMs = 30_000,
    } = this.restoreRetry;
    const deadline = Date.now() + totalMs;
    for (let attempt = 1, delayMs = firstDelayMs; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (isPermanent(error) || Date.now() + delayMs > deadline) {
          if (attempt === 1) throw error;
          throw new Error(`${messageOf(error)} (still failing after ${attempt} attempts)`, {
            cause: error,
          });
        }
      }
      await sleep(delayMs);
      delayMs = Math.min(maxDelayMs, delayMs * 2);
    }
  }

  private async restoreOnce(
    target: TuningTarget,
    snapshot: FunctionSnapshot,
    state: RestoreState,
    resumed: boolean,
  ): Promise<void> {
    // Both steps are tried whatever the other did: a version that will not go must not leave
    // $LATEST at a candidate's size, and a failed configuration must not leave the versions.
    const failures: unknown[] = [];
    if (!state.configured) {
      try {
        if (resumed) await this.configureIfStillTheJobs(target, snapshot, state.report);
        else await this.configure(target, asSnapshot(snapshot));
        state.configured = true;
      } catch (error) {
        failures.push(error);
      }
    }
    await this.removeJobVersions(target, snapshot).catch((error: unknown) => failures.push(error));
    if (failures.length === 1) throw failures[0];
    // Each step's own error kept: a deleted function or a refused permission is told by its type.
    if (failures.length > 1)
      throw new AggregateError(failures, failures.map(messageOf).join('; and '));
  }

  /**
   * A resumed restore's configuration step: $LATEST goes back to the snapshot only while its
   * description still carries this job's marker (the job left it at a candidate). Without it,
   * the job's own restore got that far already, or someone has set it since (a deploy, a fix by
   * hand): either way it stays as it is, and the report says so when it is not the snapshot.
   */
  private async configureIfStillTheJobs(
    target: TuningTarget,
    snapshot: FunctionSnapshot,
    report: RestoreReport,
  ): Promise<void> {
    const now = await this.waitUpdated(target);
    if ((now.Description ?? '').startsWith(`${versionMarker(target.jobId)} `))
      return this.configure(target, asSnapshot(snapshot));
    const own = asSnapshot(snapshot);
    const found = {
      architecture: now.Architectures?.[0] ?? 'x86_64',
      memoryMb: now.MemorySize,
      description: now.Description ?? '',
    };
    if (
      found.architecture === own.architecture &&
      found.memoryMb === own.memoryMb &&
      found.description === own.description
    )
      return;
    report.changedByOthers =
      `$LATEST was changed since the job set it back (now ${found.memoryMb ?? '?'} MB ` +
      `${found.architecture}, description "${found.description}"; the job's snapshot: ` +
      `${own.memoryMb} MB ${own.architecture}, "${own.description}"), and was left as it is`;
  }

  /** Deletes the aliases and versions the job made (found by their prefix and marker). */
  private async removeJobVersions(target: TuningTarget, snapshot: FunctionSnapshot) {
    const client = this.client(target);
    const name = details(snapshot).functionName;
    const prefix = aliasPrefix(target.jobId);
    const marker = versionMarker(target.jobId);
    // Aliases first: a version an alias points at cannot be deleted.
    for await (const page of paginateListAliases({ client }, { FunctionName: name })) {
      for (const a of page.Aliases ?? []) {
        if (a.Name?.startsWith(prefix))
          await ignoreMissing(
            client.send(new DeleteAliasCommand({ FunctionName: name, Name: a.Name })),
          );
      }
    }
    for await (const page of paginateListVersionsByFunction({ client }, { FunctionName: name })) {
      for (const v of page.Versions ?? []) {
        if (v.Version !== '$LATEST' && v.Description?.startsWith(marker))
          await ignoreMissing(
            client.send(new DeleteFunctionCommand({ FunctionName: name, Qualifier: v.Version })),
          );
      }
    }
  }

  async apply(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    where: { kind: 'function' } | { kind: 'alias'; name: string },
  ): Promise<void> {
    const description = details(snapshot).description;
    await this.configure(target, { ...candidate, description });
    if (where.kind === 'function') return;
    // Power Tuning's optimizer: publish the pick, point the alias at it, put $LATEST back,
    // whether or not the alias could be pointed.
    const client = this.client(target);
    try {
      const version = await client.send(
        new PublishVersionCommand({
          FunctionName: target.function,
          Description: `fleetscope tuning pick (job ${target.jobId})`,
        }),
      );
      if (!version.Version) throw new Error('PublishVersion returned no version');
      await this.upsertAlias(target, where.name, version.Version);
    } finally {
      await this.configure(target, asSnapshot(snapshot));
    }
  }

  private oneAtATime<T>(target: TuningTarget, work: () => Promise<T>): Promise<T> {
    const before = this.publishing.get(target.function) ?? Promise.resolve();
    const next = before.then(work, work);
    this.publishing.set(
      target.function,
      next.catch(() => undefined),
    );
    return next;
  }

  /**
   * The candidate published as a version under the job's marker, behind `alias`; answers the new
   * version. $LATEST holds the candidate's settings only between the update and PublishVersion,
   * then goes back to the snapshot's, whatever happened (Power Tuning's publisher ends on the
   * original configuration too): unqualified callers run at the candidate for that window only.
   * `signal` stops the wait for the version to be Active (the restore that follows deletes it).
   */
  private async publish(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    alias: string,
    nonce: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const marker = versionMarker(target.jobId);
    let version: string | undefined;
    let state: string | undefined;
    try {
      // A unique description makes the configuration differ from every existing version, so
      // PublishVersion creates a new one rather than returning one the user owns.
      await this.configure(target, {
        ...candidate,
        description: `${marker} ${candidate.architecture}/${candidate.memoryMb}${nonce}`,
      });
      const published = await this.client(target).send(
        new PublishVersionCommand({
          FunctionName: target.function,
          Description: `${marker} ${candidate.architecture}/${candidate.memoryMb}${nonce}`,
        }),
      );
      version = published.Version;
      state = published.State;
    } finally {
      await this.configure(target, asSnapshot(snapshot));
    }
    if (!version) throw new Error('PublishVersion returned no version');
    if (state !== 'Active') await this.waitActive(target, version, signal);
    signal?.throwIfAborted();
    await this.upsertAlias(target, alias, version);
    return version;
  }

  private async upsertAlias(target: TuningTarget, name: string, version: string): Promise<void> {
    const client = this.client(target);
    try {
      await client.send(
        new CreateAliasCommand({
          FunctionName: target.function,
          Name: name,
          FunctionVersion: version,
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceConflictException') throw error;
      await client.send(
        new UpdateAliasCommand({
          FunctionName: target.function,
          Name: name,
          FunctionVersion: version,
        }),
      );
    }
  }

  /** Sets architecture, memory and description of $LATEST where they differ, waiting each time. */
  private async configure(
    target: TuningTarget,
    want: { architecture: TuningArchitecture; memoryMb: number; description: string },
  ): Promise<void> {
    const client = this.client(target);
    const now = await this.waitUpdated(target).catch((error: unknown) => {
      // Only read so far: the function is as this call found it.
      throw new NothingChangedError(error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    });
    const setMemoryAndDescription = async () => {
      if (now.MemorySize === want.memoryMb && (now.Description ?? '') === want.description) return;
      await client.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: target.function,
          MemorySize: want.memoryMb,
          Description: want.description,
        }),
      );
      succeeded(await this.waitUpdated(target), 'UpdateFunctionConfiguration');
    };
    // The job's marker is on $LATEST whenever it holds a candidate's architecture (set before the
    // code, taken off after it): a resumed restore goes by the marker, even after a crash between.
    const marking = want.description.startsWith(MARKER_PREFIX);
    if (marking) await setMemoryAndDescription();
    if ((now.Architectures?.[0] ?? 'x86_64') !== want.architecture) {
      // Architecture belongs to the code: upload the same package again for the other one.
      const fn = await client.send(new GetFunctionCommand({ FunctionName: target.function }));
      const imageUri = fn.Code?.ImageUri;
      let zip: Uint8Array | undefined;
      if (!imageUri) {
        if (!fn.Code?.Location) throw new Error('GetFunction gave no code location to re-upload');
        const response = await fetch(fn.Code.Location);
        if (!response.ok)
          throw new Error(`downloading the function code failed: HTTP ${response.status}`);
        zip = new Uint8Array(await response.arrayBuffer());
      }
      await client.send(
        new UpdateFunctionCodeCommand({
          FunctionName: target.function,
          Architectures: [want.architecture],
          ...(imageUri ? { ImageUri: imageUri } : { ZipFile: zip }),
        }),
      );
      succeeded(await this.waitUpdated(target), 'UpdateFunctionCode');
    }
    if (!marking) await setMemoryAndDescription();
  }

  /**
   * A new version is Pending while Lambda prepares it (SnapStart takes its snapshot then), and
   * Invoke refuses it until it is Active.
   */
  private async waitActive(
    target: TuningTarget,
    version: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const config = await this.poll(target, version, (c) => c.State === 'Pending', signal);
    if (config.State !== 'Active')
      throw new Error(
        `version ${version} of ${target.function} is ${config.State ?? 'in no state'} (${config.StateReasonCode ?? 'no reason code'}): ${config.StateReason ?? 'no reason given'}`,
      );
  }

  /**
   * Polls GetFunctionConfiguration until no update is in progress. By hand rather than with the
   * SDK's waitUntilFunctionUpdated: that waiter retries every AWS error (AccessDenied included)
   * until it times out, so a missing permission read as a five-minute wait and a JSON dump.
   */
  private waitUpdated(target: TuningTarget): Promise<FunctionConfiguration> {
    return this.poll(target, undefined, (c) => c.LastUpdateStatus === 'InProgress');
  }

  /** GetFunctionConfiguration (of `qualifier`) again and again while `busy` holds. */
  private async poll(
    target: TuningTarget,
    qualifier: string | undefined,
    busy: (config: FunctionConfiguration) => boolean,
    signal?: AbortSignal,
  ): Promise<FunctionConfiguration> {
    const client = this.client(target);
    const deadline = Date.now() + UPDATE_WAIT_SECONDS * 1000;
    for (let delayMs = 200; ; delayMs = Math.min(5000, delayMs * 2)) {
      signal?.throwIfAborted();
      const config = await client
        .send(
          new GetFunctionConfigurationCommand({
            FunctionName: target.function,
            Qualifier: qualifier,
          }),
        )
        .catch((error: unknown) => {
          if (!isAccessDenied(error)) throw error;
          throw new Error(
            `could not read the configuration of ${target.function}: permission lambda:GetFunctionConfiguration is missing (${(error as Error).message})`,
            { cause: error },
          );
        });
      if (!busy(config)) return config;
      if (Date.now() + delayMs > deadline)
        throw new Error(
          `${target.function}${qualifier ? `:${qualifier}` : ''} was still ${config.State === 'Pending' ? 'Pending' : 'updating'} after ${UPDATE_WAIT_SECONDS} s`,
        );
      await sleep(delayMs, undefined, { signal });
    }
  }
}

/** An update that ended Failed left the function unchanged: measuring on would mislead. */
function succeeded(config: FunctionConfiguration, operation: string): void {
  if (config.LastUpdateStatus !== 'Failed') return;
  throw new Error(
    `${operation} of ${config.FunctionName ?? 'the function'} ended with LastUpdateStatus Failed (${config.LastUpdateStatusReasonCode ?? 'no reason code'}): ${config.LastUpdateStatusReason ?? 'no reason given'}`,
  );
}

/** IAM refused the call: Lambda answers 403 AccessDeniedException naming the action. */
function isAccessDenied(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AccessDeniedException' || name === 'AccessDenied';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The error and what it wraps: its causes, and each step's error of an AggregateError. */
function stepErrors(error: unknown, seen = new Set<unknown>()): unknown[] {
  if (error === undefined || error === null || seen.has(error)) return [];
  seen.add(error);
  const inner = [
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
    (error as { cause?: unknown }).cause,
  ];
  return [error, ...inner.flatMap((e) => stepErrors(e, seen))];
}

function isNotFound(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ResourceNotFoundException';
}

/**
 * A failure no wait mends, in any step of a restore: IAM refused, the function is gone, or the
 * request is invalid.
 */
function isPermanent(error: unknown): boolean {
  return stepErrors(error).some(
    (e) =>
      isAccessDenied(e) ||
      isNotFound(e) ||
      (e as { name?: unknown } | null)?.name === 'InvalidParameterValueException',
  );
}

async function ignoreMissing(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
}
