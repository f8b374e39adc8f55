import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '@fleetscope/model';
import {
  byStart2021,
  inStartOrder2021,
  readInvocations2021,
  StartLateness,
  streamInvocations2021,
} from './azure-trace.reader';
import type { AzureInvocation2021 } from './azure-trace.types';

const SAMPLE_2021 = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'azure-functions',
  '2021',
  'Azure2021_200.csv',
);

async function* from<T>(items: Iterable<T>, read?: { count: number }): AsyncGenerator<T> {
  for (const item of items) {
    if (read) read.count++;
    // As a file's rows come: one at a time, between reads.
    yield await Promise.resolve(item);
  }
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function latenessOf(rows: readonly AzureInvocation2021[]): number {
  const lateness = new StartLateness();
  for (const row of rows) lateness.add(row);
  return lateness.seconds;
}

/** `n` invocations listed by end, as the 2021 trace is; durations up to `maxDuration` s. */
function byEnd(n: number, maxDuration: number): AzureInvocation2021[] {
  const r = new SeededRandom(7);
  const rows: AzureInvocation2021[] = [];
  let end = 0;
  for (let i = 0; i < n; i++) {
    // Ties of end and of start now and then, as the trace's millisecond timestamps have.
    end += r.chance(0.2) ? 0 : r.next() * 0.05;
    const duration = r.chance(0.1) ? 0 : Math.round(r.next() * maxDuration * 1000) / 1000;
    rows.push({
      app: 'a',
      func: `f${r.int(5)}`,
      startSeconds: end - duration,
      durationSeconds: duration,
      line: i + 2,
    });
  }
  return rows;
}

describe(inStartOrder2021.name, () => {
  it('gives the order of sorting the whole file, for the trace listed by end', async () => {
    const rows = byEnd(20_000, 2);
    const sorted = [...rows].sort(byStart2021);
    expect(await all(inStartOrder2021(from(rows), latenessOf(rows), 'f.csv'))).toEqual(sorted);
  });

  it('gives the order of sorting the whole file for a file in no order (the sample)', async () => {
    const rows = await readInvocations2021(createReadStream(SAMPLE_2021), 'sample.csv');
    const streamed = inStartOrder2021(
      streamInvocations2021(createReadStream(SAMPLE_2021), 'sample.csv'),
      latenessOf(rows),
      'sample.csv',
    );
    expect(await all(streamed)).toEqual([...rows].sort(byStart2021));
  });

  it('lets rows through while it reads, holding about the longest duration of them, not the file', async () => {
    const rows = byEnd(20_000, 2);
    const read = { count: 0 };
    const ordered = inStartOrder2021(from(rows, read), latenessOf(rows), 'f.csv');
    let held = 0;
    let given = 0;
    while (!(await ordered.next()).done) {
      given++;
      held = Math.max(held, read.count - given);
    }
    // ~40 invocations a second: 2 s of duration and 1 s of margin are ~120 rows.
    expect(held).toBeLessThan(300);
    expect(given).toBe(rows.length);
  });

  it('refuses a row later than the lateness it was given, rather than send it out of order', async () => {
    const rows = byEnd(1000, 2);
    await expect(all(inStartOrder2021(from(rows), 0, 'f.csv'))).rejects.toThrow(
      /^f\.csv:\d+: the file changed while it was read/,
    );
  });
});
