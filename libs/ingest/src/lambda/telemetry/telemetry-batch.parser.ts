import type { FunctionIdentity } from '@fleetscope/model';
import { functionId } from '@fleetscope/model';
import { bodyBytes } from '../../body/bounded-decompress';
import type { IngestResult } from '../../common/ingest-result';
import { emptyIngestResult, failWith, reject } from '../../common/ingest-result';
import type { LambdaStreamContext, LambdaStreamOptions } from '../log-stream.assembler';
import { LambdaLogStreamAssembler } from '../log-stream.assembler';
import type { LambdaLogStreamAssemblerPool } from '../log-stream-assembler.pool';
import { lambdaStreamKey } from '../log-stream-assembler.pool';
import type { PlatformEvent } from '../platform-event';
import { classifyLambdaLine } from '../platform-line.parser';
import { parseTelemetryEventObject } from '../telemetry-event.parser';

export interface TelemetryBatchContext extends LambdaStreamOptions {
  /** The function, as the HTTP layer learned it (headers, query, the extension's config). */
  identity: FunctionIdentity;
  version?: string;
  /**
   * The sandbox the forwarding extension runs in. Give it (with a pool) so that a
   * platform.initStart in one batch classifies the platform.report of the next one.
   */
  instance?: string;
  pool?: LambdaLogStreamAssemblerPool;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Platform events worth keeping as a log row even when platform logs are not requested. */
function isNoteworthy(ev: PlatformEvent): boolean {
  switch (ev.kind) {
    case 'timeout':
    case 'runtimeExit':
      return true;
    case 'initReport':
    case 'initRuntimeDone':
    case 'restoreReport':
    case 'runtimeDone':
      return ev.status !== '' && ev.status !== 'success';
    case 'housekeeping':
      return ev.severity === 'warn';
    case 'start':
    case 'end':
    case 'report':
    case 'initStart':
    case 'restoreStart':
    case 'xray':
    case 'app':
      return false;
  }
}

/**
 * A Telemetry API batch as an extension forwards it: a JSON array of `{time, type, record}`
 * (schema versions 2022-12-13 and 2025-01-29, and the Logs API's older events). platform.report
 * becomes an InvocationRecord with source 'lambda_telemetry'; `function`/`extension` records
 * become log rows; platform.initStart's `initializationType` decides between a cold start and
 * provisioned concurrency. A body that is not JSON fails as a whole; a malformed event inside the
 * array is rejected and counted, the others are kept.
 */
export function parseTelemetryBatch(body: unknown, context: TelemetryBatchContext): IngestResult {
  const result = emptyIngestResult();
  let value: unknown = body;
  const bytes = bodyBytes(body);
  if (bytes) {
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      return failWith(
        result,
        'invalid_json',
        `Telemetry API batch is not valid JSON: ${(e as Error).message}`,
      );
    }
  }
  // The API posts an array; a single event object is accepted as a batch of one.
  const events = Array.isArray(value)
    ? (value as unknown[])
    : asObject(value)
      ? [value]
      : undefined;
  if (!events) {
    return failWith(result, 'invalid_shape', 'Telemetry API batch must be a JSON array of events');
  }

  // The sandbox: the caller's instance, else the 2025 schema's initStart.instanceId.
  let instance = context.instance ?? '';
  let version = context.version ?? '';
  if (!instance || !version) {
    for (const e of events) {
      const o = asObject(e);
      if (o?.type !== 'platform.initStart') continue;
      const rec = asObject(o.record);
      if (!instance && typeof rec?.instanceId === 'string') instance = rec.instanceId;
      if (!version && typeof rec?.functionVersion === 'string') version = rec.functionVersion;
      break;
    }
  }
  const ctx: LambdaStreamContext = {
    identity: context.identity,
    version,
    instance,
    source: 'lambda_telemetry',
    logSource: 'lambda_telemetry',
  };
  // Made at the first valid event: a batch with none leaves no state for its sandbox (a stream
  // made for it would tell SandboxInitGate the sandbox's init had been read).
  let made: LambdaLogStreamAssembler | undefined;
  const stream = (): LambdaLogStreamAssembler =>
    (made ??= context.pool
      ? context.pool.get(lambdaStreamKey(functionId(context.identity), instance), ctx)
      : new LambdaLogStreamAssembler(ctx, context));
  const keepPlatform = context.includePlatformLogs ?? false;

  for (let i = 0; i < events.length; i++) {
    const obj = asObject(events[i]);
    if (!obj) {
      reject(result, 'invalid_event', `events[${i}] is not an object`);
      continue;
    }
    const parsed = parseTelemetryEventObject(obj);
    if (typeof parsed === 'string') {
      reject(result, 'invalid_event', `events[${i}]: ${parsed}`);
      continue;
    }
    const { event, timeMs } = parsed;
    if (event.kind === 'app') {
      if (typeof obj.record === 'string') {
        // Text-format function logs carry the runtime's own prefix (`<ts>\t<requestId>\tINFO\t…`).
        const line = classifyLambdaLine(obj.record);
        if (line.event.kind === 'app') {
          stream().pushEvent(line.event, timeMs, line.event.message, line.lineTimeMs);
        } else {
          // e.g. `Task timed out` printed by the runtime into the function stream.
          stream().pushEvent(line.event, timeMs, obj.record, line.lineTimeMs);
        }
      } else {
        stream().pushEvent(event, timeMs, event.message);
      }
      continue;
    }
    const body = keepPlatform || isNoteworthy(event) ? JSON.stringify(obj) : null;
    stream().pushEvent(event, timeMs, body);
  }
  made?.drainInto(result);
  return result;
}
