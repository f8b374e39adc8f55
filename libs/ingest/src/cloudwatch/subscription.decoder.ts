import type { FunctionIdentity, LogRow } from '@fleetscope/model';
import { functionId, lambdaIdentityProblem, lambdaNameFromLogGroup } from '@fleetscope/model';
import type { IngestResult } from '../common/ingest-result';
import { emptyIngestResult, failWith, reject } from '../common/ingest-result';
import { parseLambdaLogStreamName } from '../lambda/log-stream';
import type { LambdaStreamContext, LambdaStreamOptions } from '../lambda/log-stream.assembler';
import { LambdaLogStreamAssembler } from '../lambda/log-stream.assembler';
import type { LambdaLogStreamAssemblerPool } from '../lambda/log-stream-assembler.pool';
import { lambdaStreamKey } from '../lambda/log-stream-assembler.pool';
import {
  bodyBytes,
  decodeBase64,
  decompressBounded,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
} from '../body/bounded-decompress';

export interface CloudWatchDecodeOptions extends LambdaStreamOptions {
  /** Region of the account's log groups (a subscription payload does not carry it). */
  region?: string;
  /** Keeps per-sandbox state across deliveries; without it state lives for one call. */
  pool?: LambdaLogStreamAssemblerPool;
  /** Cap on the inflated payload; default 64 MiB. */
  maxDecompressedBytes?: number;
  /** LogRow.source, default 'cloudwatch' (Firehose passes 'firehose'). */
  logSource?: string;
}

/**
 * A CloudWatch Logs subscription delivery (docs/decisions.md "Lambda platform records"):
 * `{"awslogs":{"data":"<base64(gzip(JSON))>"}}` as a Lambda destination receives it (zlib is
 * accepted too), or the decoded message itself:
 * `{"messageType":"DATA_MESSAGE","owner","logGroup","logStream","logEvents":[{id,timestamp,message}]}`.
 * CONTROL_MESSAGE (the reachability probe) is acknowledged and produces nothing. Streams that name
 * their function (any group) and `/aws/lambda/<name>` groups go through the Lambda stream
 * assembler; other groups become log rows with functionId ''.
 */
export function decodeCloudWatchSubscription(
  body: unknown,
  options: CloudWatchDecodeOptions = {},
): IngestResult {
  const result = emptyIngestResult();
  const max = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  let value: unknown = body;

  const bytes = bodyBytes(body);
  if (bytes) {
    const inflated = decompressBounded(bytes, max);
    if (!inflated.ok)
      return failWith(result, inflated.reason, `CloudWatch Logs payload: ${inflated.message}`);
    try {
      value = JSON.parse(inflated.data.toString('utf8'));
    } catch (e) {
      return failWith(
        result,
        'invalid_json',
        `CloudWatch Logs payload is not JSON: ${(e as Error).message}`,
      );
    }
  }
  const obj = asObject(value);
  if (!obj)
    return failWith(result, 'invalid_shape', 'CloudWatch Logs payload must be a JSON object');

  const awslogs = obj.awslogs;
  if (awslogs !== undefined) {
    const data = asObject(awslogs)?.data;
    if (typeof data !== 'string') {
      return failWith(result, 'invalid_shape', 'awslogs.data must be a base64 string');
    }
    const raw = decodeBase64(data);
    if (!raw) return failWith(result, 'invalid_base64', 'awslogs.data is not valid base64');
    const inflated = decompressBounded(raw, max);
    if (!inflated.ok) return failWith(result, inflated.reason, `awslogs.data: ${inflated.message}`);
    let message: unknown;
    try {
      message = JSON.parse(inflated.data.toString('utf8'));
    } catch (e) {
      return failWith(
        result,
        'invalid_json',
        `awslogs.data does not hold JSON: ${(e as Error).message}`,
      );
    }
    const decoded = asObject(message);
    if (!decoded)
      return failWith(result, 'invalid_shape', 'awslogs.data does not hold a JSON object');
    const bad = ingestSubscriptionMessage(decoded, options, result);
    return bad === undefined ? result : failWith(result, 'invalid_shape', bad);
  }
  const bad = ingestSubscriptionMessage(obj, options, result);
  return bad === undefined ? result : failWith(result, 'invalid_shape', bad);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `arn:aws:logs:<region>:<account>:log-group:<name>[:*]` → its parts. */
function parseLogGroupArn(
  logGroup: string,
): { region: string; account: string; name: string } | undefined {
  if (!logGroup.startsWith('arn:')) return undefined;
  const parts = logGroup.split(':');
  if (parts.length < 7 || parts[2] !== 'logs' || parts[5] !== 'log-group') return undefined;
  let name = parts.slice(6).join(':');
  if (name.endsWith(':*')) name = name.slice(0, -2);
  return { region: parts[3], account: parts[4], name };
}

interface LogEventShape {
  timestamp: number;
  message: string;
  id: string;
}

/**
 * One decoded subscription message into `result`. Returns a message when the message's shape is
 * unusable (the caller fails the body or rejects the Firehose record), undefined otherwise; bad
 * log events inside a good message are rejected one by one. The Firehose parser uses it too.
 */
export function ingestSubscriptionMessage(
  msg: Record<string, unknown>,
  options: CloudWatchDecodeOptions,
  result: IngestResult,
): string | undefined {
  const messageType = msg.messageType;
  if (messageType === 'CONTROL_MESSAGE') return undefined;
  if (messageType !== undefined && messageType !== 'DATA_MESSAGE') {
    return `unsupported CloudWatch Logs messageType ${JSON.stringify(messageType)}`;
  }
  const { logGroup, logStream, owner, logEvents } = msg;
  if (typeof logGroup !== 'string' || typeof logStream !== 'string' || !Array.isArray(logEvents)) {
    return 'CloudWatch Logs DATA_MESSAGE needs string logGroup and logStream and a logEvents array';
  }

  // Keep the valid events; reject the others one by one.
  const events: LogEventShape[] = [];
  let sorted = true;
  for (let i = 0; i < logEvents.length; i++) {
    const ev = asObject(logEvents[i]);
    const timestamp = ev?.timestamp;
    const message = ev?.message;
    if (
      !ev ||
      typeof timestamp !== 'number' ||
      !Number.isFinite(timestamp) ||
      typeof message !== 'string'
    ) {
      reject(
        result,
        'invalid_event',
        `${logGroup} logEvents[${i}] needs a numeric timestamp and a string message`,
      );
      continue;
    }
    if (events.length > 0 && timestamp < events[events.length - 1].timestamp) sorted = false;
    events.push({ timestamp, message, id: typeof ev.id === 'string' ? ev.id : '' });
  }
  // Array.sort is stable: lines logged in the same millisecond keep their order.
  if (!sorted) events.sort((a, b) => a.timestamp - b.timestamp);

  const arn = parseLogGroupArn(logGroup);
  const groupName = arn?.name ?? logGroup;
  const account = (typeof owner === 'string' ? owner : '') || arn?.account || '';
  const region = arn?.region || options.region || '';
  const stream = parseLambdaLogStreamName(logStream);
  // A stream that names its function wins over the group's name: several functions may log to
  // one group, `/aws/lambda/<X>` included, and only the streams tell them apart (Lambda's
  // default streams `YYYY/MM/DD/[<version>]<guid>` name none).
  const lambdaName = (stream.functionName || undefined) ?? lambdaNameFromLogGroup(groupName);
  const logSource = options.logSource ?? 'cloudwatch';

  if (lambdaName === undefined) {
    pushPlainLogs(result, events, { groupName, logStream, account, region, logSource });
    return undefined;
  }

  // The payload's owner names the account, the route or the stream's ARN the region: a Lambda id
  // without them is another function than the one its spans and REPORT lines name elsewhere.
  const problem = lambdaIdentityProblem(account, region);
  if (problem) {
    reject(result, 'missing_identity', `${logGroup}: ${problem}`);
    return undefined;
  }
  const identity: FunctionIdentity = { platform: 'aws_lambda', account, region, name: lambdaName };
  const ctx: LambdaStreamContext = {
    identity,
    version: stream.version,
    instance: stream.instance,
    source: 'lambda_log',
    logSource,
    resourceAttributes: { 'aws.log.group.names': groupName, 'aws.log.stream.names': logStream },
  };
  const assembler = options.pool
    ? options.pool.get(lambdaStreamKey(functionId(identity), stream.instance), ctx)
    : new LambdaLogStreamAssembler(ctx, options);
  for (const ev of events) assembler.pushMessage(ev.message, ev.timestamp);
  assembler.drainInto(result);
  return undefined;
}

function pushPlainLogs(
  result: IngestResult,
  events: LogEventShape[],
  where: {
    groupName: string;
    logStream: string;
    account: string;
    region: string;
    logSource: string;
  },
): void {
  const resourceAttributes: Record<string, string> = Object.freeze({
    'cloud.provider': 'aws',
    ...(where.account ? { 'cloud.account.id': where.account } : {}),
    ...(where.region ? { 'cloud.region': where.region } : {}),
    'aws.log.group.names': where.groupName,
    'aws.log.stream.names': where.logStream,
  });
  for (const ev of events) {
    const nanos = `${Math.round(ev.timestamp)}000000`;
    let end = ev.message.length;
    while (
      end > 0 &&
      (ev.message.charCodeAt(end - 1) === 10 || ev.message.charCodeAt(end - 1) === 13)
    )
      end--;
    const row: LogRow = {
      timeUnixNano: nanos,
      observedTimeUnixNano: nanos,
      traceId: '',
      spanId: '',
      severityText: '',
      severityNumber: 0,
      serviceName: where.groupName,
      functionId: '',
      requestId: '',
      source: where.logSource,
      body: end === ev.message.length ? ev.message : ev.message.slice(0, end),
      resourceAttributes,
      logAttributes: ev.id ? { 'aws.log.event.id': ev.id } : {},
    };
    result.logs.push(row);
  }
}
