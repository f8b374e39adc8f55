import { Readable } from 'node:stream';
import { readInvocationCounts } from './azure-trace.reader';
import { drawFromPercentiles, synthesiseAzure2019 } from './azure-span.synthesiser';

const CSV = [
  'HashOwner,HashApp,HashFunction,Trigger,1,2,3',
  'o1,a1,f1,http,5,0,1',
  'o1,a1,f2,timer,0,3,0',
].join('\n');

async function rows() {
  return (await readInvocationCounts(Readable.from([CSV]), 'inline.csv')).rows;
}

function perMinute(batches: ReturnType<typeof synthesiseAzure2019>, dayStartMs: number) {
  const counts = new Map<string, number>();
  for (const batch of batches) {
    for (const rs of batch.request.resourceSpans ?? []) {
      const name = rs.resource!.attributes!.find((a) => a.key === 'faas.name')!.value!.stringValue!;
      for (const span of rs.scopeSpans![0].spans!) {
        // The synthesiser writes decimal nanosecond strings.
        const ms = Number((span.startTimeUnixNano as string).slice(0, -6));
        const key = `${name}@${Math.floor((ms - dayStartMs) / 60_000)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

describe(synthesiseAzure2019.name, () => {
  const options = { dayStartMs: Date.UTC(2026, 11, 1), seed: 1, batchSpans: 4 };

  it("starts each minute's invocations inside that minute, as many as the file says", async () => {
    const counts = perMinute(
      synthesiseAzure2019(await rows(), new Map(), new Map(), options),
      options.dayStartMs,
    );
    expect(counts).toEqual(
      new Map([
        ['f1@0', 5],
        ['f2@1', 3],
        ['f1@2', 1],
      ]),
    );
  });

  it('caps the invocations of a minute without emptying a busy one', async () => {
    const counts = perMinute(
      synthesiseAzure2019(await rows(), new Map(), new Map(), { ...options, capPerMinute: 2 }),
      options.dayStartMs,
    );
    expect(counts).toEqual(
      new Map([
        ['f1@0', 2],
        ['f2@1', 2],
        ['f1@2', 1],
      ]),
    );
  });

  it('draws the same spans from the same seed, and others from another', async () => {
    const body = (seed: number) =>
      JSON.stringify([
        ...synthesiseAzure2019([...rowsCache], new Map(), new Map(), { ...options, seed }),
      ]);
    const rowsCache = await rows();
    expect(body(1)).toBe(body(1));
    expect(body(1)).not.toBe(body(2));
  });
});

describe(drawFromPercentiles.name, () => {
  const points = [
    { p: 0, value: 10 },
    { p: 0.5, value: 20 },
    { p: 1, value: 100 },
  ];

  it('interpolates between the published percentiles', () => {
    expect(drawFromPercentiles(points, 0)).toBe(10);
    expect(drawFromPercentiles(points, 0.25)).toBe(15);
    expect(drawFromPercentiles(points, 0.75)).toBe(60);
    expect(drawFromPercentiles(points, 1)).toBe(100);
  });
});
