import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { parseIsoTime, rejectionReasons } from '@fleetscope/model';
import {
  Azure2019Synthesiser,
  headerColumns,
  inStartOrder2021,
  readDurationPercentiles,
  readMemoryPercentiles,
  StartLateness,
  streamInvocationCounts,
  streamInvocations2021,
  synthesiseAzure2021Stream,
  type AzureDurationPercentiles,
  type AzureMemoryPercentiles,
  type AzureSynthesisOptions,
  type InvocationCountsHeader,
  type SynthesisedBatch,
} from '@fleetscope/traces';
import type { CommandRegistration } from '../cli.program';
import {
  endpointsFrom,
  FleetscopeRequestError,
  type FleetscopeEndpoints,
} from '../fleetscope.client';
import { OtlpTraceSender } from '../otlp-trace.sender';

export interface AzureImportOptions {
  invocations: string;
  durations?: string;
  memory?: string;
  /** Epoch ms of minute 1 of the trace. */
  dayStartMs: number;
  speedUp?: number;
  seed: number;
  prefix?: string;
  batchSpans: number;
  concurrency: number;
  capPerMinute?: number;
}

export interface AzureImportSummary {
  schema: 'azure-2019' | 'vhive' | 'azure-2021';
  functions: number;
  /** Invocations in the files (after --cap-per-minute): what the import sends. */
  invocations: number;
  /** Of them, those the collector acknowledged as stored. */
  stored: number;
  /** Of them, those the collector refused (partial_success, or 400 for a whole request). */
  rejected: number;
  requests: number;
  seconds: number;
}

/** Progress as the import goes: the CLI draws a bar; tests and the demo may listen. */
export interface ImportProgress {
  start(total: number): void;
  advance(spans: number): void;
  stop(): void;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function positiveInteger(value: string): number {
  const n = positiveNumber(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/**
 * A UTC day (2026-12-01), or a minute-aligned ISO-8601 time (UTC unless it names an offset) or
 * epoch ms: where minute 1 starts. Not Date.parse: it rolls 2026-02-30 into March and reads
 * "12/01/2026" or "1.5" in the local time zone.
 */
export function parseDay(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : parseIsoTime(value);
  if (!Number.isFinite(ms)) {
    throw new InvalidArgumentError('expected a day (2026-12-01), an ISO-8601 time or epoch ms');
  }
  if (ms % MINUTE_MS !== 0) throw new InvalidArgumentError('must fall on a whole minute');
  return ms;
}

/** The columns of a file's header (its first 4 KB: the columns that tell the formats apart). */
async function headerOf(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return headerColumns(
      buffer
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0],
    );
  } finally {
    await handle.close();
  }
}

type TraceFileKind = 'invocations' | 'durations' | 'memory';

const FILE_KINDS: Record<TraceFileKind, { flag: string; what: string; headers: string }> = {
  invocations: {
    flag: '--invocations',
    what: 'an invocation-count file',
    headers:
      'HashOwner,HashApp,HashFunction,Trigger,1,2,… (2019), HashOwner,HashApp,HashFunction,minute_1,minute_2,… (vHive) or app,func,end_timestamp,duration (2021)',
  },
  durations: {
    flag: '--durations',
    what: 'a function-durations file (function_durations_percentiles)',
    headers: 'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,…',
  },
  memory: {
    flag: '--memory',
    what: 'an app-memory file (app_memory_percentiles)',
    headers:
      'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,… (HashFunction after HashApp in the vHive copy)',
  },
};

/** Which of the trace's files a header (its columns, as headerColumns gives them) looks like. */
export function traceFileKind(columns: readonly string[]): TraceFileKind | undefined {
  if (columns.some((c) => c.startsWith('percentile_Average_'))) return 'durations';
  if (columns.some((c) => c.startsWith('AverageAllocatedMb'))) return 'memory';
  if (columns[3] === 'Trigger' || /^minute_\d+$/.test(columns[3] ?? '')) return 'invocations';
  if (columns.slice(0, 4).join(',') === 'app,func,end_timestamp,duration') return 'invocations';
  return undefined;
}

/**
 * Refuses a file given for the wrong flag (the durations file as --invocations, …) by what it
 * looks like, with the headers the flag takes, before the reader names one column of one format.
 */
async function checkFileKind(file: string, expected: TraceFileKind): Promise<void> {
  const kind = traceFileKind(await headerOf(file));
  if (kind === undefined || kind === expected) return;
  const { flag, headers } = FILE_KINDS[expected];
  const other = FILE_KINDS[kind];
  throw new Error(
    `${basename(file)}:1: not ${FILE_KINDS[expected].what}: it looks like ${other.what} (pass it as ${other.flag}); ${flag} takes ${headers}`,
  );
}

/** A header error of the invocation-count reader, with every header --invocations accepts. */
function withAcceptedHeaders(error: unknown, name: string): unknown {
  if (!(error instanceof Error) || !error.message.startsWith(`${name}:1: `)) return error;
  return new Error(`${error.message}; --invocations takes ${FILE_KINDS.invocations.headers}`);
}

/**
 * The 2019 trace's batches, after a first pass that checks the counts file and joins to each
 * function its durations and its app's memory (the percentile files are held, per function and
 * per app, only until then). The counts are read again as they are sent, a stretch of minutes at
 * a time (every function's minute m comes before any function's minute m + 1).
 */
async function prepare2019(
  options: AzureImportOptions,
  synthesis: AzureSynthesisOptions,
  name: string,
): Promise<{ batches: AsyncIterable<SynthesisedBatch>; summary: ImportedFiles }> {
  const durations = options.durations
    ? await readDurationPercentiles(
        createReadStream(options.durations),
        basename(options.durations),
      )
    : new Map<string, AzureDurationPercentiles>();
  const memory = options.memory
    ? await readMemoryPercentiles(createReadStream(options.memory), basename(options.memory))
    : new Map<string, AzureMemoryPercentiles>();
  const synthesiser = new Azure2019Synthesiser(durations, memory, synthesis);
  let schema: InvocationCountsHeader['schema'] = 'azure-2019';
  const read = (onHeader?: (header: InvocationCountsHeader) => void) =>
    streamInvocationCounts(createReadStream(options.invocations), name, onHeader);
  try {
    for await (const row of read((header) => (schema = header.schema))) synthesiser.add(row);
  } catch (error) {
    throw withAcceptedHeaders(error, name);
  }
  return {
    batches: synthesiser.batches(read, name),
    summary: {
      schema,
      // Rows without an invocation that day are not imported: no span names them.
      functions: synthesiser.functionCount,
      invocations: synthesiser.invocations,
    },
  };
}

/** What the files hold, as the import's summary says it. */
type ImportedFiles = Omit<AzureImportSummary, 'stored' | 'rejected' | 'requests' | 'seconds'>;

/**
 * When a re-run after a failed import stores nothing twice. The collector recognises a request it
 * stored by its body (for 2 days), and an invocation by its ids only among the ~500,000 it stored
 * last: the same requests are recognised; other batching of the same spans is, at best, soon after.
 */
export const RERUN_CONDITION =
  'Running the same command again (the same files and options, --batch-spans included) within 2 days sends the same requests, and the collector does not store again those it has stored; another --batch-spans, --seed, --day, --prefix or --cap-per-minute sends other requests, and invocations already stored may be stored twice';

/**
 * Reads and checks every file whole (the traces in a first pass, then again as they are sent),
 * then sends the synthesised spans to the collector's /v1/traces. Nothing is sent unless every
 * file is valid. Batches are the same on every run with
 * the same files and options, so re-running the same command after a failure stores nothing twice
 * while the collector remembers the requests it stored (by their body, for 2 days). With another
 * --batch-spans every body differs, and only invocations among the collector's most recent
 * (~500,000) are recognised (RERUN_CONDITION).
 */
export async function importAzureFunctions(
  options: AzureImportOptions,
  endpoints: FleetscopeEndpoints,
  progress?: ImportProgress,
): Promise<AzureImportSummary> {
  const began = Date.now();
  const header = await headerOf(options.invocations);
  const name = basename(options.invocations);
  await checkFileKind(options.invocations, 'invocations');
  if (options.durations) await checkFileKind(options.durations, 'durations');
  if (options.memory) await checkFileKind(options.memory, 'memory');
  const synthesis = {
    dayStartMs: options.dayStartMs,
    seed: options.seed,
    batchSpans: options.batchSpans,
    namePrefix: options.prefix,
    capPerMinute: options.capPerMinute,
  };
  let batches: Iterable<SynthesisedBatch> | AsyncIterable<SynthesisedBatch>;
  let summary: ImportedFiles;
  if (header[0] === 'app') {
    // The 2021 trace lists each invocation with its own duration and no owner: options made for
    // the 2019 per-minute counts would be ignored, and the import would not be what was asked.
    const ignored = [
      ['--durations', options.durations],
      ['--memory', options.memory],
      ['--cap-per-minute', options.capPerMinute],
    ].filter(([, value]) => value !== undefined);
    if (ignored.length > 0) {
      throw new Error(
        `${name} is the 2021 per-invocation trace: ${ignored.map(([flag]) => flag).join(', ')} ${ignored.length === 1 ? 'applies' : 'apply'} to the 2019 trace only`,
      );
    }
    // A first pass checks every row (nothing is sent from a malformed file) and keeps only what
    // the second needs. The trace lists invocations by end; sending them by start keeps batches in
    // time order, and the second pass holds only those a later row may come before.
    const read = () => streamInvocations2021(createReadStream(options.invocations), name);
    const functions = new Set<string>();
    const lateness = new StartLateness();
    let invocations = 0;
    for await (const row of read()) {
      invocations++;
      functions.add(`${row.app}/${row.func}`);
      lateness.add(row);
    }
    batches = synthesiseAzure2021Stream(
      inStartOrder2021(read(), lateness.seconds, name),
      synthesis,
    );
    summary = { schema: 'azure-2021', functions: functions.size, invocations };
  } else {
    ({ batches, summary } = await prepare2019(options, synthesis, name));
  }

  const sender = new OtlpTraceSender(endpoints);
  const tally = new RejectionTally();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let requests = 0;
  let acknowledged = 0;
  let answered = 0;
  progress?.start(summary.invocations);
  try {
    for await (const batch of batches) {
      if (options.speedUp !== undefined) {
        // Minute m of the trace is sent m minutes ÷ speed-up after the start.
        const due = began + (batch.minute * MINUTE_MS) / options.speedUp;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const sent: Promise<void> = sender.send(batch.request).then(
        (answer) => {
          inFlight.delete(sent);
          acknowledged++;
          answered += batch.spans;
          tally.add(Math.min(answer.rejected, batch.spans), answer.errorMessage);
          progress?.advance(batch.spans);
        },
        (error: unknown) => {
          inFlight.delete(sent);
          if (error instanceof FleetscopeRequestError && error.status === 400) {
            // Every span of the request was refused (none could be stored): the others go on.
            answered += batch.spans;
            tally.add(batch.spans, error.message);
            progress?.advance(batch.spans);
            return;
          }
          failure ??= error;
        },
      );
      inFlight.add(sent);
      requests++;
      if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
      if (failure !== undefined) break;
    }
    await Promise.all(inFlight);
  } finally {
    progress?.stop();
  }
  const stored = answered - tally.spans;
  if (failure !== undefined) {
    const message = failure instanceof Error ? failure.message : 'request failed';
    const rejected = tally.spans > 0 ? `, the collector rejected ${tally.describe()}` : '';
    throw new Error(
      answered === 0
        ? `${message}; nothing was imported`
        : `${message} — the import stopped: ${acknowledged} of the ${requests} requests sent so far were answered (${stored} invocations stored${rejected}), of ${summary.invocations} invocations to import. ${RERUN_CONDITION}`,
    );
  }
  const result: AzureImportSummary = {
    ...summary,
    stored,
    rejected: tally.spans,
    requests,
    seconds: (Date.now() - began) / 1000,
  };
  if (tally.spans > 0) throw new ImportRejectedError(result, tally.describe(), adviceFor(tally));
  return result;
}

/** The spans the collector refused over an import, and why (its partial_success messages). */
class RejectionTally {
  spans = 0;
  private readonly byReason = new Map<string, number>();
  private first = '';

  add(spans: number, message: string): void {
    if (spans <= 0) return;
    this.spans += spans;
    if (this.first === '') this.first = message;
    // The collector's answers say why in rejectionSummary() lines.
    for (const [reason, n] of rejectionReasons(message))
      this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + n);
  }

  has(reason: string): boolean {
    return this.byReason.has(reason);
  }

  describe(): string {
    const reasons = [...this.byReason].map(([reason, n]) => `${reason}: ${n}`).join(', ');
    return `${this.spans} spans${reasons ? ` (${reasons})` : ''}; first: ${this.first}`;
  }
}

/**
 * The import ran to its end but the collector refused some spans (the others are stored). Thrown,
 * so that the CLI exits non-zero and a caller cannot take a partial import for a whole one.
 */
export class ImportRejectedError extends Error {
  constructor(
    readonly summary: AzureImportSummary,
    /** The spans refused, by reason, and the collector's first message. */
    rejections: string,
    advice: string,
  ) {
    super(
      `stored ${summary.stored} of ${summary.invocations} invocations of ${summary.functions} functions (${summary.schema}) in ${summary.requests} requests; the collector rejected ${rejections}. ${advice}`,
    );
    this.name = 'ImportRejectedError';
  }
}

/**
 * What to do about refused spans. Never "run it again": the collector refuses the same spans of
 * the same requests again (a retried request is answered with the same partial_success).
 */
function adviceFor(tally: RejectionTally): string {
  const advice = [
    'Running the same command again sends the same spans and they are rejected again',
  ];
  if (tally.has('time_before_retention')) {
    advice.push(
      "spans older than the collector's retention (FLEETSCOPE_RETENTION_DAYS) are never stored: pass a later --day",
    );
  }
  if (tally.has('time_in_future')) {
    advice.push(
      'spans too far ahead of now (FLEETSCOPE_INGEST_MAX_FUTURE_HOURS) are refused: pass an earlier --day',
    );
  }
  return `${advice.join('; ')}.`;
}

function progressBar(): ImportProgress {
  const bar = new SingleBar({
    format: 'importing |{bar}| {percentage}% {value}/{total} invocations, {eta_formatted} left',
    hideCursor: true,
  });
  return {
    start: (total) => bar.start(total, 0),
    advance: (n) => bar.increment(n),
    stop: () => bar.stop(),
  };
}

interface ImportCliOptions {
  invocations: string;
  durations?: string;
  memory?: string;
  day: number;
  speedUp?: number;
  seed: number;
  prefix?: string;
  batchSpans: number;
  concurrency: number;
  capPerMinute?: number;
  ingestUrl?: string;
}

function yesterdayUtc(): number {
  return Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
}

export const importCommand: CommandRegistration = (program: Command) => {
  const command = program
    .command('import')
    .description('Load public serverless traces into a running Fleetscope');
  command
    .command('azure-functions')
    .description(
      'Import the Azure Functions 2019 trace (or the vHive variant, or the 2021 per-invocation trace) as OTLP spans of platform azure_functions',
    )
    .requiredOption(
      '--invocations <file>',
      'invocations_per_function_md.anon.dNN.csv, the vHive minute_1..minute_1440 variant, or the 2021 app,func,end_timestamp,duration trace',
    )
    .option('--durations <file>', 'function_durations_percentiles.anon.dNN.csv')
    .option('--memory <file>', 'app_memory_percentiles.anon.dNN.csv')
    .option(
      '--day <day>',
      'UTC day of minute 1 (2026-12-01), or a minute-aligned ISO-8601 time or epoch ms (default: yesterday)',
      parseDay,
    )
    .option(
      '--speed-up <n>',
      'replay the trace N times faster than real time instead of as fast as possible',
      positiveNumber,
    )
    .option('--seed <n>', 'seed of the drawn start times, durations and memory', positiveInteger, 1)
    .option('--prefix <text>', "put before account and function names, e.g. 'demo-'")
    .option(
      '--cap-per-minute <n>',
      'import at most N invocations a minute (a sample whose idle minutes are the file’s); default: all',
      positiveInteger,
    )
    .option('--batch-spans <n>', 'spans per OTLP request', positiveInteger, 5000)
    .option('--concurrency <n>', 'requests in flight', positiveInteger, 6)
    .option(
      '--ingest-url <url>',
      'Fleetscope collector (default FLEETSCOPE_INGEST_URL or http://127.0.0.1:4318)',
    )
    .action(async (opts: ImportCliOptions) => {
      const summary = await importAzureFunctions(
        { ...opts, dayStartMs: opts.day ?? yesterdayUtc() },
        endpointsFrom(opts),
        progressBar(),
      );
      process.stdout.write(
        `imported ${summary.stored} invocations of ${summary.functions} functions (${summary.schema}) in ${summary.requests} requests, ${summary.seconds.toFixed(1)} s\n`,
      );
    });
};
