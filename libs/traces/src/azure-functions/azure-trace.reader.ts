import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import {
  AzureTraceFormatError,
  MINUTES_PER_DAY,
  type AzureDurationPercentiles,
  type AzureInvocation2021,
  type AzureInvocationCounts,
  type AzureMemoryPercentiles,
  type PercentilePoint,
} from './azure-trace.types';

/*
 * Readers for the public Azure Functions traces (schemas in docs/azure-functions-traces.md). Each
 * streams its file through csv-parse and checks every row, so a malformed file is refused whole,
 * with its name and line, before anything is sent anywhere.
 */

type RowHandler = (row: string[], line: number) => void;

const CSV_OPTIONS = { skip_empty_lines: true, trim: true, bom: true } as const;

/**
 * The columns of a file's first line as the readers see them: quotes removed ("app","func",…
 * is app,func,…), blanks trimmed. A line csv-parse refuses (an unclosed quote) is split on commas:
 * the reader names the problem when it reads the file.
 */
export function headerColumns(line: string): string[] {
  try {
    const records: string[][] = parseSync(line, { ...CSV_OPTIONS, relax_column_count: true });
    const [record] = records;
    return record ?? [];
  } catch {
    return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  }
}

/** Every record of a CSV file with its line, csv-parse's errors as `file:line: problem`. */
async function* csvRecords(
  input: Readable,
  file: string,
): AsyncGenerator<{ record: string[]; line: number }> {
  const parser = input.pipe(parse({ info: true, ...CSV_OPTIONS }));
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { record: item.record, line: item.info.lines };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new AzureTraceFormatError(file, line, error.message);
    }
    throw error;
  } finally {
    // Also when the caller stops early (a row refused): the file is not read on.
    input.destroy();
  }
}

/**
 * Each row of the file as the handler `onHeader` gives for its header reads it, one at a time:
 * what the handler returns is yielded, and its error stops the file with the row's line.
 */
async function* csvRows<T>(
  input: Readable,
  file: string,
  onHeader: (header: string[]) => (row: string[], line: number) => T,
): AsyncGenerator<T> {
  let onRow: ((row: string[], line: number) => T) | undefined;
  for await (const { record, line } of csvRecords(input, file)) {
    if (onRow === undefined) {
      try {
        onRow = onHeader(record);
      } catch (error) {
        throw new AzureTraceFormatError(file, line, (error as Error).message);
      }
      continue;
    }
    let value: T;
    try {
      value = onRow(record, line);
    } catch (error) {
      if (error instanceof AzureTraceFormatError) throw error;
      throw new AzureTraceFormatError(file, line, (error as Error).message);
    }
    yield value;
  }
  if (onRow === undefined) throw new AzureTraceFormatError(file, 1, 'empty file: no header');
}

async function readCsv(
  input: Readable,
  file: string,
  onHeader: (header: string[]) => RowHandler,
): Promise<number> {
  let rows = 0;
  const all = csvRows(input, file, onHeader);
  while (!(await all.next()).done) rows++;
  return rows;
}

function expectColumns(header: string[], expected: readonly string[], what: string): void {
  for (let i = 0; i < expected.length; i++) {
    if (header[i] !== expected[i]) {
      throw new Error(
        `not ${what}: column ${i + 1} is '${header[i] ?? ''}', expected '${expected[i]}' (header ${expected.join(',')}…)`,
      );
    }
  }
}

function requireId(row: string[], index: number, column: string): string {
  const value = row[index];
  if (!value) throw new Error(`${column} is empty`);
  return value;
}

function nonNegativeInteger(value: string, column: string): number {
  // Digits only: '1e3', '-0', '2.0' or '' are not counts.
  if (!/^\d+$/.test(value)) {
    throw new Error(`column '${column}' ("${value}") is not a non-negative integer`);
  }
  if (Number(value) > 0xffffffff) {
    throw new Error(`column '${column}' ("${value}") is more than ${0xffffffff}`);
  }
  return Number(value);
}

function nonNegativeNumber(value: string, column: string): number {
  const n = value === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw new Error(`column '${column}' ("${value}") is not a non-negative number`);
  }
  return n;
}

function percentilePoints(
  row: string[],
  columns: { index: number; name: string; p: number }[],
): PercentilePoint[] {
  const points = columns.map(({ index, name, p }) => ({
    p,
    value: nonNegativeNumber(row[index] ?? '', name),
  }));
  for (let i = 1; i < points.length; i++) {
    if (points[i].value < points[i - 1].value) {
      throw new Error(
        `percentiles decrease: '${columns[i].name}' (${points[i].value}) < '${columns[i - 1].name}' (${points[i - 1].value})`,
      );
    }
  }
  return points;
}

/** What an invocation-count file's header says. */
export interface InvocationCountsHeader {
  /** Minute columns in the file (1,440 for a whole day). */
  minutes: number;
  /** 'azure-2019' (HashOwner,HashApp,HashFunction,Trigger,1..N) or 'vhive' (minute_1..N, no Trigger). */
  schema: 'azure-2019' | 'vhive';
}

export interface InvocationCountsFile extends InvocationCountsHeader {
  rows: AzureInvocationCounts[];
}

/**
 * `invocations_per_function_md.anon.dNN.csv` one row at a time, each checked as it is read (a bad
 * one throws with its line): HashOwner, HashApp, HashFunction, Trigger, then one column per minute
 * named 1..1440; or the vHive sampler's variant with minute_1..minute_1440 and no Trigger. Fewer
 * minute columns are accepted (a part of a day), numbered from 1 without gaps. `onHeader` hears
 * what the header says before the first row.
 */
export function streamInvocationCounts(
  input: Readable,
  file: string,
  onHeader?: (header: InvocationCountsHeader) => void,
): AsyncGenerator<AzureInvocationCounts> {
  // Per function, the line it was first listed at: a repeat is refused.
  const seen = new Map<string, number>();
  return csvRows(input, file, (header) => {
    expectColumns(header, ['HashOwner', 'HashApp', 'HashFunction'], 'an invocation-count file');
    const hasTrigger = header[3] === 'Trigger';
    const first = hasTrigger ? 4 : 3;
    const prefix = hasTrigger ? '' : 'minute_';
    const minutes = header.length - first;
    if (minutes < 1 || minutes > MINUTES_PER_DAY) {
      throw new Error(`expected 1 to ${MINUTES_PER_DAY} minute columns, found ${minutes}`);
    }
    for (let m = 1; m <= minutes; m++) {
      if (header[first + m - 1] !== `${prefix}${m}`) {
        throw new Error(
          `column ${first + m} is '${header[first + m - 1]}', expected '${prefix}${m}' (minute columns run from ${prefix}1 without gaps)`,
        );
      }
    }
    onHeader?.({ minutes, schema: hasTrigger ? 'azure-2019' : 'vhive' });
    return (row, line): AzureInvocationCounts => {
      const owner = requireId(row, 0, 'HashOwner');
      const app = requireId(row, 1, 'HashApp');
      const func = requireId(row, 2, 'HashFunction');
      const trigger = hasTrigger ? requireId(row, 3, 'Trigger') : '';
      const key = `${owner}\u0000${app}\u0000${func}\u0000${trigger}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new Error(
          `function ${func} (trigger '${trigger}') already listed at line ${earlier}`,
        );
      }
      seen.set(key, line);
      const counts = new Uint32Array(minutes);
      for (let m = 0; m < minutes; m++) {
        counts[m] = nonNegativeInteger(row[first + m] ?? '', `${prefix}${m + 1}`);
      }
      return { owner, app, func, trigger, counts, line };
    };
  });
}

/** streamInvocationCounts, every row held (small files: samples, the demo's). */
export async function readInvocationCounts(
  input: Readable,
  file: string,
): Promise<InvocationCountsFile> {
  const rows: AzureInvocationCounts[] = [];
  let header: InvocationCountsHeader = { minutes: 0, schema: 'azure-2019' };
  for await (const row of streamInvocationCounts(input, file, (h) => (header = h))) rows.push(row);
  return { rows, ...header };
}

const DURATION_COLUMNS = [
  'HashOwner',
  'HashApp',
  'HashFunction',
  'Average',
  'Count',
  'Minimum',
  'Maximum',
  'percentile_Average_0',
  'percentile_Average_1',
  'percentile_Average_25',
  'percentile_Average_50',
  'percentile_Average_75',
  'percentile_Average_99',
  'percentile_Average_100',
] as const;
const DURATION_PERCENTILES = [0, 1, 25, 50, 75, 99, 100].map((pct, i) => ({
  index: 7 + i,
  name: `percentile_Average_${pct}`,
  p: pct / 100,
}));

/** `function_durations_percentiles.anon.dNN.csv`, keyed by `owner/app/func`. */
export async function readDurationPercentiles(
  input: Readable,
  file: string,
): Promise<Map<string, AzureDurationPercentiles>> {
  const byFunction = new Map<string, AzureDurationPercentiles>();
  await readCsv(input, file, (header) => {
    expectColumns(header, DURATION_COLUMNS, 'a duration-percentile file');
    return (row) => {
      const owner = requireId(row, 0, 'HashOwner');
      const app = requireId(row, 1, 'HashApp');
      const func = requireId(row, 2, 'HashFunction');
      const key = functionKey({ owner, app, func });
      if (byFunction.has(key)) throw new Error(`function ${func} listed twice`);
      byFunction.set(key, {
        owner,
        app,
        func,
        averageMs: nonNegativeNumber(row[3], 'Average'),
        count: nonNegativeNumber(row[4], 'Count'),
        points: percentilePoints(row, DURATION_PERCENTILES),
      });
    };
  });
  return byFunction;
}

const MEMORY_PERCENTILE_NAMES = [1, 5, 25, 50, 75, 95, 99, 100].map(
  (pct) => [`AverageAllocatedMb_pct${pct}`, pct] as const,
);

/**
 * `app_memory_percentiles.anon.dNN.csv` (HashOwner, HashApp, SampleCount, AverageAllocatedMb,
 * AverageAllocatedMb_pct1..pct100), keyed by `owner/app`. The vHive copy's extra HashFunction
 * column is accepted; its rows repeat their app's figures.
 */
export async function readMemoryPercentiles(
  input: Readable,
  file: string,
): Promise<Map<string, AzureMemoryPercentiles>> {
  const byApp = new Map<string, AzureMemoryPercentiles>();
  await readCsv(input, file, (header) => {
    expectColumns(header, ['HashOwner', 'HashApp'], 'an app-memory file');
    const first = header[2] === 'HashFunction' ? 3 : 2;
    const expected = [
      'SampleCount',
      'AverageAllocatedMb',
      ...MEMORY_PERCENTILE_NAMES.map(([name]) => name),
    ];
    expectColumns(header.slice(first), expected, 'an app-memory file');
    const columns = MEMORY_PERCENTILE_NAMES.map(([name, pct], i) => ({
      index: first + 2 + i,
      name,
      p: pct / 100,
    }));
    // Per app: the line it was first listed at and its figures, which a repeat must match.
    const seen = new Map<string, { line: number; figures: string }>();
    return (row, line) => {
      const owner = requireId(row, 0, 'HashOwner');
      const app = requireId(row, 1, 'HashApp');
      const sampleCount = nonNegativeNumber(row[first], 'SampleCount');
      const averageMb = nonNegativeNumber(row[first + 1], 'AverageAllocatedMb');
      // The 0th percentile was dropped from the trace (recorded as 0 by mistake): the 1st stands
      // in for it.
      const points = percentilePoints(row, columns);
      const key = `${owner}/${app}`;
      const figures = [sampleCount, averageMb, ...points.map((p) => p.value)].join(',');
      const before = seen.get(key);
      if (before && before.figures !== figures)
        throw new Error(
          `app ${app} is listed twice with different figures (first at line ${before.line})`,
        );
      if (before) return;
      seen.set(key, { line, figures });
      byApp.set(key, {
        owner,
        app,
        points: [{ p: 0, value: points[0].value }, ...points],
      });
    };
  });
  return byApp;
}

/** The 2021 trace's rows one at a time, each checked as it is read (a bad one throws with its line). */
export function streamInvocations2021(
  input: Readable,
  file: string,
): AsyncGenerator<AzureInvocation2021> {
  return csvRows(input, file, (header) => {
    expectColumns(header, ['app', 'func', 'end_timestamp', 'duration'], 'a 2021 invocation trace');
    return (row, line): AzureInvocation2021 => {
      const app = requireId(row, 0, 'app');
      const func = requireId(row, 1, 'func');
      const end = nonNegativeNumber(row[2], 'end_timestamp');
      const durationSeconds = nonNegativeNumber(row[3], 'duration');
      // The trace rounds durations to the millisecond and keeps its ends to the microsecond: a
      // start that much before the trace's first second is rounding, not an invocation.
      if (durationSeconds > end + 0.001) {
        throw new Error(
          `duration ${row[3]} s is longer than end_timestamp ${row[2]} s: the invocation would start before the trace`,
        );
      }
      return { app, func, startSeconds: end - durationSeconds, durationSeconds, line };
    };
  });
}

/** The 2021 trace: app, func, end_timestamp, duration (seconds from the start of the trace). */
export async function readInvocations2021(
  input: Readable,
  file: string,
): Promise<AzureInvocation2021[]> {
  const rows: AzureInvocation2021[] = [];
  for await (const row of streamInvocations2021(input, file)) rows.push(row);
  return rows;
}

/** Start order of 2021 rows: by start, then by line (as a stable sort of the file gives). */
export function byStart2021(a: AzureInvocation2021, b: AzureInvocation2021): number {
  return a.startSeconds - b.startSeconds || a.line - b.line;
}

/**
 * How far the rows of a file come behind the latest start read before them (seconds): the 2021
 * trace is listed by end, so at most its longest duration. Measured in a first pass over the file.
 */
export class StartLateness {
  private latest = -Infinity;
  seconds = 0;

  add(row: Pick<AzureInvocation2021, 'startSeconds'>): void {
    this.seconds = Math.max(this.seconds, this.latest - row.startSeconds);
    this.latest = Math.max(this.latest, row.startSeconds);
  }
}

/** Float rounding of the lateness, and then some: a row held one second longer costs little. */
const LATENESS_MARGIN_SECONDS = 1;

/**
 * The rows in start order (byStart2021), as sorting the whole file would give, holding only those
 * a later row may still come before: no row comes more than `latenessSeconds` (StartLateness, of
 * the same rows) behind the latest start read, so one that starts earlier than that is let
 * through. Memory: the invocations of the lateness (the trace's longest duration), not the file.
 * Throws if a row comes later than the lateness said (another file than the one measured).
 */
export async function* inStartOrder2021(
  rows: AsyncIterable<AzureInvocation2021>,
  latenessSeconds: number,
  file: string,
): AsyncGenerator<AzureInvocation2021> {
  const heap = new MinHeap<AzureInvocation2021>(byStart2021);
  let latest = -Infinity;
  let last: AzureInvocation2021 | undefined;
  const next = (): AzureInvocation2021 => {
    const row = heap.pop();
    if (last !== undefined && byStart2021(last, row) > 0) {
      throw new AzureTraceFormatError(file, row.line, 'the file changed while it was read');
    }
    return (last = row);
  };
  for await (const row of rows) {
    latest = Math.max(latest, row.startSeconds);
    const settled = latest - latenessSeconds - LATENESS_MARGIN_SECONDS;
    while (heap.size > 0 && heap.peek().startSeconds < settled) yield next();
    heap.push(row);
  }
  while (heap.size > 0) yield next();
}

class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop(): T {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.compare(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export function functionKey(key: { owner: string; app: string; func: string }): string {
  return `${key.owner}/${key.app}/${key.func}`;
}
