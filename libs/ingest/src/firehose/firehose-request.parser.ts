import type { FunctionIdentity, LogRow } from '@fleetscope/model';
import type { CloudWatchDecodeOptions } from '../cloudwatch/subscription.decoder';
import { ingestSubscriptionMessage } from '../cloudwatch/subscription.decoder';
import {
  bodyBytes,
  decodeBase64,
  decompressBounded,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
} from '../body/bounded-decompress';
import { countLines, MAX_LINES, tooManyLinesMessage } from '../body/line-limit';
import type { IngestResult } from '../common/ingest-result';
import { emptyIngestResult, failWith, reject } from '../common/ingest-result';
import { LambdaLogStreamAssembler } from '../lambda/log-stream.assembler';
import { classifyLambdaLine } from '../lambda/platform-line.parser';
import { splitConcatenatedJson } from './concatenated-json';

export interface FirehoseParseOptions extends CloudWatchDecodeOptions {
  /**
   * The function whose lines arrive already extracted (Firehose "decompression + message
   * extraction" drops the log group). Without it such lines become log rows with functionId ''.
   */
  identity?: FunctionIdentity;
  version?: string;
  /** The extracted lines' `instance`: the endpoint's, not a sandbox (see ingestLines()). */
  instance?: string;
  /**
   * Why the caller could not name the function (none given, an unreadable function-arn): the
   * answer to extracted REPORT lines, which cannot be stored without one.
   */
  identityError?: string;
  /** Cap on all records' inflated bytes together; default 256 MiB. */
  maxTotalDecompressedBytes?: number;
}

export type FirehoseRecordKind = 'cloudwatch' | 'control' | 'lines' | 'empty' | 'rejected';

export interface FirehoseRecordOutcome {
  index: number;
  kind: FirehoseRecordKind;
  error?: string;
}

export interface FirehoseRequestResult extends IngestResult {
  /** The request id to echo in the response ('' when the body had none). */
  requestId: string;
  /** The request's `timestamp` (epoch ms), null when absent. */
  timestamp: number | null;
  records: FirehoseRecordOutcome[];
}

const DEFAULT_MAX_TOTAL = 256 * 1024 * 1024;

/** What a record's text is when its lines pass what is left of the request's MAX_LINES. */
const OVER_LINE_LIMIT = Symbol('over MAX_LINES');

/**
 * The request's lines left under MAX_LINES, across its records. What is counted is what costs:
 * an extracted line, or a JSON value of a record of several, two bytes at the least and a row or
 * a parsed object of hundreds. Not the log events of a subscription message: its own JSON's
 * objects, parsed already, some 40 bytes of it each at the least, thousands in one message. So
 * a delivery in the CloudWatch Logs format, a record a message, passes at any size the byte
 * limits take. Firehose buffers at most 64 MiB (awsdocs firehose API_HttpEndpointBufferingHints:
 * SizeInMBs 1-64, default 5); 200,000 lines are 5 MiB at 26 bytes a line, 64 MiB at 335. A delivery of more extracted lines (or concatenated messages) is
 * refused as a whole before they are split (400: Firehose retries it, then backs it up to S3),
 * asking for a smaller buffer.
 */
interface LineBudget {
  left: number;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function isSubscriptionMessage(obj: Record<string, unknown>): boolean {
  return 'logEvents' in obj || 'messageType' in obj;
}

/**
 * A Firehose HTTP endpoint delivery (awsdocs firehose httpdeliveryrequestresponse.md):
 * `{"requestId","timestamp","records":[{"data":"<base64>"}]}`. Each record is base64 of
 * gzip(CloudWatch Logs subscription JSON) — possibly several messages back to back — or, with
 * message extraction on, the plain log lines. A bad record is rejected and reported in `records`;
 * the others are kept. The docs' CWL example shows `data` as the decoded object: accepted too.
 */
export function parseFirehoseRequest(
  body: unknown,
  options: FirehoseParseOptions = {},
): FirehoseRequestResult {
  const result: FirehoseRequestResult = {
    ...emptyIngestResult(),
    requestId: '',
    timestamp: null,
    records: [],
  };
  let value: unknown = body;
  const bytes = bodyBytes(body);
  if (bytes) {
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      failWith(
        result,
        'invalid_json',
        `Firehose request body is not JSON: ${(e as Error).message}`,
      );
      return result;
    }
  }
  const req = asObject(value);
  if (!req) {
    failWith(result, 'invalid_shape', 'Firehose request body must be a JSON object');
    return result;
  }
  if (typeof req.requestId === 'string') result.requestId = req.requestId;
  if (typeof req.timestamp === 'number' && Number.isFinite(req.timestamp))
    result.timestamp = req.timestamp;
  if (!result.requestId) {
    failWith(result, 'invalid_shape', 'Firehose request needs a string "requestId"');
    return result;
  }
  if (!Array.isArray(req.records)) {
    failWith(result, 'invalid_shape', 'Firehose request needs a "records" array');
    return result;
  }

  const perRecordMax = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const totalMax = options.maxTotalDecompressedBytes ?? DEFAULT_MAX_TOTAL;
  let budget = totalMax;
  const lines: LineBudget = { left: MAX_LINES };
  const receivedAt = result.timestamp ?? Date.now();
  const cwOptions: CloudWatchDecodeOptions = {
    ...options,
    logSource: options.logSource ?? 'firehose',
  };

  const records = req.records as unknown[];
  for (let index = 0; index < records.length; index++) {
    const fail = (reason: Parameters<typeof reject>[1], message: string): void => {
      const text = `records[${index}]: ${message}`;
      reject(result, reason, text);
      result.records.push({ index, kind: 'rejected', error: text });
    };
    const data = asObject(records[index])?.data;
    const decodedObject = asObject(data);
    if (decodedObject) {
      const bad = ingestSubscriptionMessage(decodedObject, cwOptions, result);
      if (bad === undefined) result.records.push({ index, kind: kindOf(decodedObject) });
      else fail('invalid_shape', bad);
      continue;
    }
    if (typeof data !== 'string') {
      fail('invalid_shape', '"data" must be a base64 string');
      continue;
    }
    if (data === '') {
      // Empty records are permitted by the contract.
      result.records.push({ index, kind: 'empty' });
      continue;
    }
    const raw = decodeBase64(data);
    if (!raw) {
      fail('invalid_base64', '"data" is not valid base64');
      continue;
    }
    const inflated = decompressBounded(raw, Math.min(perRecordMax, budget));
    if (!inflated.ok && inflated.reason === 'too_large') {
      // The delivery as a whole (400): a record refused alone is answered 200 with the rest, and
      // Firehose, which reads nothing else of a 200, drops it. Refused, the delivery is retried,
      // then backed up to the stream's S3 error bucket (firehoseStatus()).
      const what =
        budget < perRecordMax
          ? `the records together inflate to more than ${totalMax} bytes`
          : `a record inflates to more than ${perRecordMax} bytes`;
      failWith(
        result,
        'too_large',
        `records[${index}]: ${what}: send smaller deliveries (a smaller buffer size)`,
      );
      return result;
    }
    if (!inflated.ok) {
      fail(inflated.reason, inflated.message);
      continue;
    }
    if (inflated.compressed) budget -= inflated.data.length;
    const text = inflated.data.toString('utf8');
    const kind = ingestRecordText(text, index, receivedAt, options, cwOptions, lines, result);
    if (kind === OVER_LINE_LIMIT) {
      // Refused before its lines become rows, and with no record inflated after it.
      failWith(
        result,
        'too_many_lines',
        `records[${index}]: ${tooManyLinesMessage(MAX_LINES, 'send smaller deliveries (a smaller buffer size)')}`,
      );
      return result;
    }
    if (typeof kind === 'string') result.records.push({ index, kind });
    else fail('invalid_shape', kind.error);
  }
  const unnamed = result.rejectedByReason.missing_identity ?? 0;
  if (unnamed > 0) {
    // The request as a whole is refused (400, each line counted), as the other platform routes
    // refuse a request that does not name its function: Firehose retries it, then backs it up to
    // its S3 error bucket with this message, where a 200 would have dropped the invocations.
    result.failure = {
      reason: 'missing_identity',
      message: `extracted REPORT lines name no function (${unnamed} refused; message extraction drops the log group, so the endpoint must name it, in its URL or its common attributes): ${options.identityError ?? 'pass function-arn=arn:aws:lambda:REGION:ACCOUNT:function:NAME'}`,
    };
  }
  return result;
}

function kindOf(msg: Record<string, unknown>): FirehoseRecordKind {
  return msg.messageType === 'CONTROL_MESSAGE' ? 'control' : 'cloudwatch';
}

/** One record's inflated text: subscription JSON (one or several), or extracted lines. */
function ingestRecordText(
  text: string,
  index: number,
  receivedAt: number,
  options: FirehoseParseOptions,
  cwOptions: CloudWatchDecodeOptions,
  lines: LineBudget,
  result: IngestResult,
): FirehoseRecordKind | { error: string } | typeof OVER_LINE_LIMIT {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  if (i === text.length) return 'empty';
  if (text.charCodeAt(i) === 123 /* { */) {
    let single: unknown;
    let parts: string[] | undefined;
    try {
      single = JSON.parse(text);
    } catch {
      parts = splitConcatenatedJson(text, lines.left);
      if (parts && parts.length > lines.left) return OVER_LINE_LIMIT;
    }
    const objects: { obj: Record<string, unknown> | undefined; text: string }[] = [];
    if (parts === undefined && single !== undefined) objects.push({ obj: asObject(single), text });
    else if (parts) {
      for (const p of parts) {
        try {
          objects.push({ obj: asObject(JSON.parse(p)), text: p });
        } catch {
          objects.push({ obj: undefined, text: p });
        }
      }
    }
    if (objects.length > 0 && objects.every((o) => o.obj && isSubscriptionMessage(o.obj))) {
      if (parts) lines.left -= parts.length;
      let kind: FirehoseRecordKind = 'control';
      for (const o of objects) {
        const msg = o.obj as Record<string, unknown>;
        const bad = ingestSubscriptionMessage(msg, cwOptions, result);
        if (bad !== undefined) return { error: bad };
        if (kindOf(msg) === 'cloudwatch') kind = 'cloudwatch';
      }
      return kind;
    }
    // Otherwise: JSON log lines (Lambda JSON log format, extracted), one per line.
  }
  const count = countLines(text, lines.left);
  if (count > lines.left) return OVER_LINE_LIMIT;
  lines.left -= count;
  ingestLines(text, index, receivedAt, options, cwOptions.logSource ?? 'firehose', result);
  return 'lines';
}

function ingestLines(
  text: string,
  index: number,
  receivedAt: number,
  options: FirehoseParseOptions,
  logSource: string,
  result: IngestResult,
): void {
  const lines = text.split('\n');
  if (options.identity) {
    const ctx = {
      identity: options.identity,
      version: options.version ?? '',
      instance: options.instance ?? '',
      source: 'lambda_log' as const,
      logSource,
    };
    // One assembler a record, never the pool's: a record holds the lines of one CloudWatch Logs
    // record, of one log stream, but extraction dropped its name, and the endpoint's `instance`
    // names no sandbox (one stream carries them all). State kept across records would carry one
    // sandbox's reset after a timeout to another's next invocation, a cold start it never had.
    const assembler = new LambdaLogStreamAssembler(ctx, options);
    for (const line of lines) if (line.trim() !== '') assembler.pushRawLine(line, receivedAt);
    assembler.drainInto(result);
    return;
  }
  const nanos = `${Math.round(receivedAt)}000000`;
  for (const line of lines) {
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (body.trim() === '') continue;
    const { event } = classifyLambdaLine(body);
    if (event.kind === 'report') {
      // An invocation of no function cannot be stored; as a log row it was dropped in silence.
      reject(
        result,
        'missing_identity',
        `records[${index}]: the REPORT of request ${event.report.requestId || '(no id)'} names no function`,
      );
      continue;
    }
    const row: LogRow = {
      timeUnixNano: nanos,
      observedTimeUnixNano: nanos,
      traceId: '',
      spanId: '',
      severityText: '',
      severityNumber: 0,
      serviceName: '',
      functionId: '',
      requestId: '',
      source: logSource,
      body,
      resourceAttributes: {},
      logAttributes: {},
    };
    result.logs.push(row);
  }
}
