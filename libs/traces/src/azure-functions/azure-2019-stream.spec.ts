import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { encodeTraceRequestProtobuf } from '@fleetscope/otlp';
import {
  readDurationPercentiles,
  readInvocationCounts,
  readMemoryPercentiles,
  streamInvocationCounts,
} from './azure-trace.reader';
import {
  Azure2019Synthesiser,
  synthesiseAzure2019,
  type AzureSynthesisOptions,
  type SynthesisedBatch,
} from './azure-span.synthesiser';

const SAMPLE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'azure-functions',
  '2019-10fn',
);

/** The sample cut to its first `minutes` minutes, optionally in the vHive variant. */
function sample(minutes: number, vhive: boolean): string {
  const lines = readFileSync(join(SAMPLE, 'invocations.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  return lines
    .map((r, i) => {
      const cols = r.slice(4, 4 + minutes);
      if (!vhive) return [...r.slice(0, 4), ...cols].join(',');
      return [...r.slice(0, 3), ...(i === 0 ? cols.map((c) => `minute_${c}`) : cols)].join(',');
    })
    .join('\n');
}

/**
 * What the import sent for the sample before the 2019 file was streamed (synthesiseAzure2019 over
 * every row held, at 0bbb44a): batches, spans, and the SHA-256 of each batch's minute, span count
 * and OTLP/protobuf body in order.
 */
const BEFORE = [
  {
    name: 'the whole day, capped at 5 a minute, with a prefix',
    csv: () => readFileSync(join(SAMPLE, 'invocations.csv'), 'utf8'),
    options: { capPerMinute: 5, batchSpans: 1000, namePrefix: 'x-' },
    cellsPerPass: 300,
    sent: [68, 67906, 'bbb27fec0ba953ebd27f046cec37f8b00b7426741884cad86173f8833bca9c75'],
  },
  {
    name: 'the first 12 minutes, every invocation',
    csv: () => sample(12, false),
    options: { batchSpans: 5000 },
    cellsPerPass: 15,
    sent: [22, 108643, 'e9d8dd3abde21481997136af9c24513a752e7678bcea6e5ec27b3c82424c910d'],
  },
  {
    name: 'the vHive variant, capped at 3 a minute',
    csv: () => sample(1440, true),
    options: { capPerMinute: 3, batchSpans: 777 },
    cellsPerPass: 300,
    sent: [53, 40744, '8909bb27ee1c57ce6958fc2ac574a3bb771902aa6bd2c4065f3367eab5b77f3a'],
  },
] as const;

async function sent(batches: AsyncIterable<SynthesisedBatch> | Iterable<SynthesisedBatch>) {
  const hash = createHash('sha256');
  let count = 0;
  let spans = 0;
  for await (const b of batches) {
    hash.update(`${b.minute}/${b.spans}/`);
    hash.update(encodeTraceRequestProtobuf(b.request));
    count++;
    spans += b.spans;
  }
  return [count, spans, hash.digest('hex')];
}

async function percentiles() {
  return {
    durations: await readDurationPercentiles(createReadStream(join(SAMPLE, 'durations.csv')), 'd'),
    memory: await readMemoryPercentiles(createReadStream(join(SAMPLE, 'memory.csv')), 'm'),
  };
}

/** The file streamed: a first pass adds its rows, then `cellsPerPass` bounds each later pass. */
async function streamed(
  csv: string,
  options: AzureSynthesisOptions,
  cellsPerPass?: number,
  reads?: { count: number },
) {
  const { durations, memory } = await percentiles();
  const synthesiser = new Azure2019Synthesiser(durations, memory, options);
  const read = () => {
    if (reads) reads.count++;
    return streamInvocationCounts(Readable.from([csv]), 'f.csv');
  };
  for await (const row of read()) synthesiser.add(row);
  return { synthesiser, batches: synthesiser.batches(read, 'f.csv', cellsPerPass) };
}

const DAY = Date.UTC(2026, 11, 1);

// Each case synthesises 10^4–10^5 spans, some over dozens of passes, on a shared 2-core machine.
jest.setTimeout(120_000);

describe('the 2019 trace streamed', () => {
  describe.each(BEFORE)('$name', ({ csv, options, cellsPerPass, sent: before }) => {
    const opts = { dayStartMs: DAY, seed: 1, ...options };

    it('sends what holding every row sent', async () => {
      expect(await sent((await streamed(csv(), opts)).batches)).toEqual(before);
    });

    it('sends the same when each pass holds only a few cells of the file (many passes)', async () => {
      const reads = { count: 0 };
      const { batches } = await streamed(csv(), opts, cellsPerPass, reads);
      expect(await sent(batches)).toEqual(before);
      expect(reads.count).toBeGreaterThan(5);
    });

    it('and so does synthesiseAzure2019 over the rows held', async () => {
      const { durations, memory } = await percentiles();
      const { rows } = await readInvocationCounts(Readable.from([csv()]), 'f.csv');
      expect(await sent(synthesiseAzure2019(rows, durations, memory, opts))).toEqual(before);
    });
  });

  it('counts the invocations and the functions the import sends, from the first pass', async () => {
    const { synthesiser } = await streamed(sample(12, false), {
      dayStartMs: DAY,
      seed: 1,
      batchSpans: 5000,
    });
    expect([synthesiser.invocations, synthesiser.functionCount]).toEqual([108643, 9]);
  });

  it('refuses a file that changed between passes, rather than send other counts', async () => {
    const { durations, memory } = await percentiles();
    const options = { dayStartMs: DAY, seed: 1, batchSpans: 5000 };
    const synthesiser = new Azure2019Synthesiser(durations, memory, options);
    const first = sample(12, false);
    for await (const row of streamInvocationCounts(Readable.from([first]), 'f.csv')) {
      synthesiser.add(row);
    }
    const lines = first.split('\n');
    const cells = lines[3].split(',');
    // Another count in a minute that has one: the same cells, other invocations.
    cells[4] = String(Number(cells[4]) + 1);
    lines[3] = cells.join(',');
    const read = () => streamInvocationCounts(Readable.from([lines.join('\n')]), 'f.csv');
    await expect(sent(synthesiser.batches(read, 'f.csv'))).rejects.toThrow(
      /^f\.csv:\d+: the file changed while it was read/,
    );
  });
});
