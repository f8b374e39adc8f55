import type { FunctionIdentity } from '@fleetscope/model';
import { functionId } from '@fleetscope/model';
import type { IngestResult } from '../common/ingest-result';
import { emptyIngestResult } from '../common/ingest-result';
import type { LambdaStreamOptions } from './log-stream.assembler';
import { LambdaLogStreamAssembler } from './log-stream.assembler';
import type { LambdaLogStreamAssemblerPool } from './log-stream-assembler.pool';
import { lambdaStreamKey } from './log-stream-assembler.pool';

export interface LambdaLogLinesOptions extends LambdaStreamOptions {
  identity: FunctionIdentity;
  version?: string;
  /** The sandbox (log stream name) the lines come from, '' when unknown. */
  instance?: string;
  /** Time for lines that print none (Invoke `LogType=Tail` output), epoch ms; default now. */
  receivedAtMs?: number;
  pool?: LambdaLogStreamAssemblerPool;
  /** LogRow.source, default 'lambda_log'. */
  logSource?: string;
}

/**
 * Raw Lambda log text of one sandbox, one record a line (an export, `sam logs`, the 4 KB tail an
 * Invoke with LogType=Tail returns). Lines that print a timestamp use it.
 */
export function parseLambdaLogLines(text: string, options: LambdaLogLinesOptions): IngestResult {
  const result = emptyIngestResult();
  const ctx = {
    identity: options.identity,
    version: options.version ?? '',
    instance: options.instance ?? '',
    source: 'lambda_log' as const,
    logSource: options.logSource ?? 'lambda_log',
  };
  const assembler = options.pool
    ? options.pool.get(lambdaStreamKey(functionId(ctx.identity), ctx.instance), ctx)
    : new LambdaLogStreamAssembler(ctx, options);
  const fallback = options.receivedAtMs ?? Date.now();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) assembler.pushRawLine(text.slice(start, end), fallback);
    start = end + 1;
  }
  assembler.drainInto(result);
  return result;
}
