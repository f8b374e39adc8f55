import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type * as Fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  FlushJournal,
  IngestLog,
  IngestWriter,
  QueueFullError,
  ReadBarrier,
  behindReadBarrier,
  openIngestLog,
  startIngestWriter,
  type IngestBatch,
  type LoggedFacts,
} from '@fleetscope/storage';
import { emptyFunctionMinute, type InvocationRecord, type LogRow } from '@fleetscope/model';
// The writer's row encoders are internal to @fleetscope/storage (not in its index): the log's
// lines are held against exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FUNCTION_MINUTES, INVOCATIONS, LOGS } from '../../libs/storage/src/writer/row-columns';
import { finiteDisk, tearNextWrite } from './support/disk-faults';
import { withWriterHarness } from './support/writer-harness';

// The module object itself: a spec replaces its ftruncateSync() for one call (a cut that fails).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof Fs;

const FN = 'aws_lambda~123456789012~eu-west-1~checkout';
const NEVER = 3_600_000;
/** A writer that drains when told only (flush(), a read's barrier, a batch that does not fit). */
const ON_FLUSH = { flushIntervalMs: NEVER, flushRows: 1_000_000 };
/** A writer that drains 20 ms after a write, as a started process does. */
const DRAINING = { flushIntervalMs: 20, flushRows: 20_000 };

function invocation(requestId: string, startTimeMs: number): InvocationRecord {
  return {
    source: 'lambda_log',
    functionId: FN,
    platform: 'aws_lambda',
    account: '123456789012',
    region: 'eu-west-1',
    name: 'checkout',
    version: '1',
    requestId,
    startTimeMs,
    durationMs: 12,
    billedDurationMs: 12,
    memorySizeMb: 256,
    coldStart: false,
    status: 'success',
  } as InvocationRecord;
}

function logRow(body: string, timeMs: number): LogRow {
  const nanos = `${timeMs}000000`;
  return {
    timeUnixNano: nanos,
    observedTimeUnixNano: nanos,
    traceId: '',
    spanId: '',
    severityText: 'INFO',
    severityNumber: 9,
    serviceName: 'checkout',
    functionId: FN,
    requestId: '',
    source: 'lambda_log',
    body,
    resourceAttributes: {},
    logAttributes: {},
  };
}

/** A delivery as the CloudWatch route hands it to the writer: invocations, a log line, its key. */
function delivery(n: number, startMs: number): IngestBatch {
  return {
    invocations: Array.from({ length: 20 }, (_, i) =>
      invocation(`req-${n}-${i}`, startMs + n * 1000 + i * 10),
    ),
    logs: [logRow(`delivery ${n}`, startMs + n * 1000)],
    requestKeys: [{ key: `cloudwatch:delivery-${n}`, source: 'cloudwatch' }],
  };
}

/** A scrape as the Knative route hands it to the writer: minute rows of its own, its key. */
function scrape(n: number, startMs: number): IngestBatch {
  const minuteMs = startMs + n * 60_000;
  return {
    functionMinutes: [
      {
        ...emptyFunctionMinute('knative', `knative~cluster~default~scraped-${n}`, '1', minuteMs),
        invocations: 10,
        durationSumMs: 120,
        durationBuckets: { 40: 10 },
      },
    ],
    requestKeys: [{ key: `knative:scrape-${n}`, source: 'knative' }],
  };
}

/** Invocations on the five-minute and day rows. */
async function coarser(client: ClickHouseClient) {
  const result = await client.query({
    query: `SELECT (SELECT sum(invocations) FROM function_five_minutes) AS fives,
                   (SELECT sum(invocations) FROM function_days) AS days`,
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  const [row] = await result.json<Record<string, number>>();
  return row;
}

async function counts(client: ClickHouseClient) {
  const result = await client.query({
    query: `SELECT (SELECT count() FROM invocations) AS raw,
                   (SELECT sum(invocations) FROM function_minutes) AS minutes,
                   (SELECT sum(invocations) FROM function_hours) AS hours,
                   (SELECT count() FROM logs) AS logs,
                   (SELECT count() FROM ingest_requests) AS keys`,
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  const [row] = await result.json<Record<string, number>>();
  return row;
}

/** The batches the ingest log at `dir` holds (without the records of the attempts to store them). */
const loggedBatches = (dir: string): unknown[] =>
  IngestLog.open(dir)
    .leftOver()
    .filter((document) => (document as { attempt?: unknown }).attempt === undefined);

const segments = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.log'));

/**
 * Four deliveries with 20 invocations and a log line each, and three scrapes with a minute row
 * each: 80 invocations and 4 log lines, minute rows counting 110.
 */
const deliveriesAndScrapes = (writer: IngestWriter, startMs: number): Promise<unknown> =>
  Promise.all([
    ...Array.from({ length: 4 }, (_, n) => writer.write(delivery(n, startMs))),
    ...Array.from({ length: 3 }, (_, n) => writer.write(scrape(n, startMs))),
  ]);

/** What `counts` reads once `n` whole deliveries are stored. */
const storedDeliveries = (n: number) => ({
  raw: 20 * n,
  minutes: 20 * n,
  hours: 20 * n,
  logs: n,
  keys: n,
});

describe(IngestLog.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fleetscope-ingest-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a new process every document appended and not removed, in order', async () => {
    const first = IngestLog.open(dir);
    await Promise.all([first.append({ n: 1 }), first.append({ n: 2 })]);
    first.rotate();
    await first.append({ n: 3 });
    // The process dies: nothing is closed or removed.
    const second = IngestLog.open(dir);
    expect(second.leftOver()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('drops a last line whose write never finished, which was never acknowledged', async () => {
    const first = IngestLog.open(dir);
    await first.append({ n: 1 });
    const [segment] = segments(dir);
    appendFileSync(join(dir, segment), '{"n":2,"rows":[1,2');
    expect(IngestLog.open(dir).leftOver()).toEqual([{ n: 1 }]);
  });

  it('forgets the segments removed once their documents are committed', async () => {
    const log = IngestLog.open(dir);
    await log.append({ n: 1 });
    const closed = log.rotate();
    await log.append({ n: 2 });
    await closed.written;
    log.remove(closed.ids);
    expect(IngestLog.open(dir).leftOver()).toEqual([{ n: 2 }]);
  });

  it('writes each document as the line JSON.stringify makes of it, whatever the appends around it', async () => {
    const log = IngestLog.open(dir);
    const documents: unknown[] = [
      {
        spans: [{ name: 'GET /é', attrs: { k: 'v\u2028"' }, skipped: undefined }, null],
        none: undefined,
        empty: [],
        holes: [undefined, 1],
        note: 'lone \ud800 surrogate',
        big: 'x'.repeat(200_000),
      },
      {},
      [1, 'two'],
      { when: new Date(0), rows: [{ at: new Date(1) }] },
    ];
    // Appended together: the later ones while the first write() runs.
    await Promise.all(documents.map((d) => log.append(d)));
    const [segment] = segments(dir);
    expect(readFileSync(join(dir, segment), 'utf8')).toBe(
      documents.map((d) => `${JSON.stringify(d)}\n`).join(''),
    );
  });

  it('refuses a document it cannot serialise and keeps the lines around it whole', async () => {
    const log = IngestLog.open(dir);
    await log.append({ n: 1 });
    await expect(log.append({ rows: [{ ok: 1 }, { id: 1n }] })).rejects.toThrow(TypeError);
    await log.append({ n: 2 });
    expect(IngestLog.open(dir).leftOver()).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('cuts back a write the disk filled half-way, so that the next line is read whole', async () => {
    const log = IngestLog.open(dir);
    await log.append({ n: 1 });
    // The next write() gets half its bytes onto the disk, then the disk is full.
    tearNextWrite();
    await expect(log.append({ n: 2, refused: 'x'.repeat(200) })).rejects.toThrow(/ENOSPC/);
    await log.append({ n: 3 });
    expect(IngestLog.open(dir).leftOver()).toEqual([{ n: 1 }, { n: 3 }]);
  });

  describe('when the disk is full', () => {
    const RESERVE_BYTES = 4 << 20;
    const SLICE = 256 << 10;
    const reserve = (): number => statSync(join(dir, 'reserve')).size;
    /** Every document in the segments, oldest first, read without opening the log. */
    const written = (): unknown[] =>
      segments(dir)
        .sort()
        .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as unknown);
    const outcome = (append: Promise<void>): Promise<string> =>
      append.then(
        () => 'written',
        (error: Error) => `refused: ${error.message}`,
      );

    it('writes a record in a slice of its reserve, and refuses batches until a removed segment makes room to fill it again', async () => {
      const log = IngestLog.open(dir);
      expect(reserve()).toBe(RESERVE_BYTES);
      await log.append({ n: 1 });
      const room = finiteDisk(dir);
      try {
        await log.appendRecord({ attempt: 'a' });
        expect(reserve()).toBe(RESERVE_BYTES - SLICE);
        expect(await outcome(log.append({ n: 2 }))).toMatch(/^refused: ENOSPC: .*disk is full/);
      } finally {
        room();
      }
      expect(written()).toEqual([{ n: 1 }, { attempt: 'a' }]);
      // Committed: the segments' room fills the reserve again, and batches are accepted.
      const { ids, written: closed } = log.rotate();
      await closed;
      log.remove(ids);
      expect(reserve()).toBe(RESERVE_BYTES);
      await log.append({ n: 3 });
      expect(written()).toEqual([{ n: 3 }]);
    });

    it("refuses the lines queued behind a write the disk refused, so that a record's room goes to the record", async () => {
      const log = IngestLog.open(dir);
      await log.append({ n: 1 });
      const room = finiteDisk(dir);
      try {
        const record = outcome(log.appendRecord({ attempt: 'a' }));
        // Accepted while the record's first write is under way (the reserve is whole), and as
        // large as the whole reserve: written first, it would leave the record no room.
        const batch = outcome(log.append({ pad: 'x'.repeat(RESERVE_BYTES) }));
        expect({ record: await record, batch: await batch }).toEqual({
          record: 'written',
          batch: expect.stringMatching(/^refused: ENOSPC/),
        });
      } finally {
        room();
      }
      expect(written()).toEqual([{ n: 1 }, { attempt: 'a' }]);
    });

    it('refuses the lines queued behind a write the disk refused, even when room is freed before their turn', async () => {
      const log = IngestLog.open(dir);
      const room = finiteDisk(dir);
      try {
        // Room is freed once the first write has failed, before the line queued behind it is
        // written: it was never acknowledged, and a record may need that room.
        const first = outcome(
          log.append({ n: 1 }).catch((error: unknown) => {
            rmSync(join(dir, 'reserve'));
            throw error;
          }),
        );
        const queued = outcome(log.append({ n: 2 }));
        expect({ first: await first, queued: await queued }).toEqual({
          first: expect.stringMatching(/^refused: ENOSPC/),
          queued: expect.stringMatching(/^refused: ENOSPC/),
        });
      } finally {
        room();
      }
      expect(written()).toEqual([]);
    });

    it('writes a record again alone before it gives up any of its reserve', async () => {
      const log = IngestLog.open(dir);
      await log.append({ n: 1 });
      // Room for a record, not for the batch that shares its write.
      const room = finiteDisk(dir, 1 << 20);
      try {
        const first = log.append({ n: 2 });
        const big = outcome(log.append({ pad: 'x'.repeat(2 << 20) }));
        const record = outcome(log.appendRecord({ attempt: 'a' }));
        await first;
        expect({ big: await big, record: await record }).toEqual({
          big: expect.stringMatching(/^refused: ENOSPC/),
          record: 'written',
        });
        expect(reserve()).toBe(RESERVE_BYTES);
        await log.append({ n: 3 });
      } finally {
        room();
      }
      expect(written()).toEqual([{ n: 1 }, { n: 2 }, { attempt: 'a' }, { n: 3 }]);
    });

    it('keeps what is left of its reserve for the records of the next start, on a disk still full', async () => {
      const log = IngestLog.open(dir);
      let room = finiteDisk(dir);
      try {
        await log.appendRecord({ attempt: 'a' });
        await log.close();
      } finally {
        room();
      }
      // Another writer took the rest of the slice's room before the next start.
      room = finiteDisk(dir);
      try {
        const next = IngestLog.open(dir);
        expect(next.leftOver()).toEqual([{ attempt: 'a' }]);
        await next.appendRecord({ attempt: 'b' });
        expect(reserve()).toBe(RESERVE_BYTES - 2 * SLICE);
      } finally {
        room();
      }
    });

    it('fills a reserve deleted by hand again when a drain removes segments', async () => {
      const log = IngestLog.open(dir);
      await log.append({ n: 1 });
      rmSync(join(dir, 'reserve'));
      const { ids, written: closed } = log.rotate();
      await closed;
      log.remove(ids);
      expect(reserve()).toBe(RESERVE_BYTES);
    });

    it('after a full quota, fills its reserve only when a drain removes segments, not from the disk room statfs reports', async () => {
      const log = IngestLog.open(dir);
      await log.append({ n: 1 });
      const room = finiteDisk(dir, 0, { quota: true });
      try {
        await log.appendRecord({ attempt: 'a' });
        expect(reserve()).toBe(RESERVE_BYTES - SLICE);
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        // The quota's room left in the slice stays free for ClickHouse.
        expect(await outcome(log.append({ n: 2 }))).toMatch(/^refused: ENOSPC/);
        expect(reserve()).toBe(RESERVE_BYTES - SLICE);
      } finally {
        room();
      }
      const { ids, written: closed } = log.rotate();
      await closed;
      log.remove(ids);
      expect(reserve()).toBe(RESERVE_BYTES);
      await log.append({ n: 3 });
    });

    it('accepts batches again a second later, once the disk has room to fill its reserve', async () => {
      const log = IngestLog.open(dir);
      const room = finiteDisk(dir);
      try {
        await log.appendRecord({ attempt: 'a' });
      } finally {
        room();
      }
      expect(await outcome(log.append({ n: 1 }))).toMatch(/^refused: ENOSPC/);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await log.append({ n: 2 });
      expect(reserve()).toBe(RESERVE_BYTES);
      expect(written()).toEqual([{ attempt: 'a' }, { n: 2 }]);
    });
  });

  it('never cuts into a line acknowledged after a cut that failed', async () => {
    const log = IngestLog.open(dir);
    await log.append({ n: 1 });
    const ftruncateSync = fs.ftruncateSync;
    try {
      // The first torn write cannot be cut back (EIO).
      tearNextWrite();
      (fs as { ftruncateSync: unknown }).ftruncateSync = () => {
        (fs as { ftruncateSync: unknown }).ftruncateSync = ftruncateSync;
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      };
      await expect(log.append({ n: 2, refused: 'x'.repeat(200) })).rejects.toThrow(/ENOSPC/);
      await log.append({ n: 3 });
      // A second torn write: whatever is cut, n = 3, acknowledged, stays whole.
      tearNextWrite();
      await expect(log.append({ n: 4, refused: 'y'.repeat(200) })).rejects.toThrow(/ENOSPC/);
      await log.append({ n: 5 });
    } finally {
      (fs as { ftruncateSync: unknown }).ftruncateSync = ftruncateSync;
    }
    const read = IngestLog.open(dir).leftOver() as { n: number }[];
    expect(read.map((d) => d.n)).toEqual(expect.arrayContaining([1, 3, 5]));
  });

  it('is not opened by a second live process while its owner runs', () => {
    expect(openIngestLog(dir)).toBeDefined();
    // The owner file names a live process other than this one (the parent of this worker).
    writeFileSync(join(dir, 'owner.pid'), String(process.ppid));
    expect(openIngestLog(dir)).toBeUndefined();
  });
});

describe(`${IngestWriter.name} with the ingest log`, () => {
  const hourMs = Math.floor(Date.now() / 3600_000) * 3600_000 - 3600_000;

  it('stores at the next start, exactly once, what was acknowledged into the log and never stored', () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
      // What a writer of an earlier version acknowledged and a kill -9 kept from its first drain:
      // the batches in the log as decoded (today's lines are the next spec's; the kill itself is
      // test/storage/kill-restart).
      const dying = IngestLog.open(logDir);
      await Promise.all(Array.from({ length: 30 }, (_, n) => dying.append(delivery(n, hourMs))));
      expect(await counts(handle.client)).toMatchObject({ raw: 0, logs: 0 });

      const restarted = loggedWriter(DRAINING);
      expect(await restarted.replayLog()).toBe(30);
      expect(await counts(handle.client)).toEqual(storedDeliveries(30));
      // Replayed and committed: a third start finds nothing left.
      expect(loggedBatches(logDir)).toEqual([]);
    }));

  it('logs each batch as the bytes of its inserts, and stores those lines at the next start', async () => {
    const kept = mkdtempSync(join(tmpdir(), 'fleetscope-ingest-log-kept-'));
    try {
      await withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
        const writer = loggedWriter({ ...ON_FLUSH, rawInsert: handle.rawInsert });
        const batches = Array.from({ length: 30 }, (_, n) => delivery(n, hourMs));
        await Promise.all(batches.map((b) => writer.write(b)));
        // Acknowledged, not drained: the segment as a kill -9 would leave it.
        const [segment] = segments(logDir);
        copyFileSync(join(logDir, segment), join(kept, segment));
        const lines = readFileSync(join(logDir, segment), 'utf8').trimEnd().split('\n');
        expect(lines).toHaveLength(30);
        // Each row is written as the JSON text of its insert body's line (JSONCompactEachRow).
        const body = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join(',');
        // Each batch is named once, the same start's prefix and its place in the order.
        const ids = lines.map((line) => (JSON.parse(line) as { id: string }).id);
        const prefix = ids[0].split('.')[0];
        expect(ids).toEqual(ids.map((_, n) => `${prefix}.${n + 1}`));
        lines.forEach((line, n) => {
          const b = batches[n];
          expect(line).toBe(
            `{"v":2,"id":"${ids[n]}","requestKeys":${JSON.stringify(b.requestKeys)},"rows":{` +
              `"invocations":[${body(b.invocations!.map(INVOCATIONS.encode))}],` +
              `"logs":[${body(b.logs!.map(LOGS.encode))}]}}`,
          );
        });
      });

      await withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
        // The segment left in the data directory of the next start.
        mkdirSync(logDir, { recursive: true });
        for (const file of readdirSync(kept)) copyFileSync(join(kept, file), join(logDir, file));
        const replaying = loggedWriter({ ...DRAINING, rawInsert: handle.rawInsert });
        expect(await replaying.replayLog()).toBe(30);
        expect(await counts(handle.client)).toEqual(storedDeliveries(30));
        const ids = await handle.client.query({
          query: 'SELECT request_id FROM invocations ORDER BY request_id',
          format: 'JSONCompactEachRow',
        });
        const expected = Array.from({ length: 30 }, (_, n) =>
          Array.from({ length: 20 }, (_, i) => [`req-${n}-${i}`]),
        ).flat();
        expect(await ids.json()).toEqual(expected.sort());
      });
    } finally {
      rmSync(kept, { recursive: true, force: true });
    }
  });

  it('drains at most FLEETSCOPE_FLUSH_ROWS rows at a time and keeps a segment until every batch in it is stored', () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
      // Ten deliveries (22 rows each) acknowledged into one segment, then the process died.
      const dying = IngestLog.open(logDir);
      await Promise.all(Array.from({ length: 10 }, (_, n) => dying.append(delivery(n, hourMs))));
      // The next process's ClickHouse goes away after its first drain committed.
      let drainsCommitted = 0;
      // The writer's inserts go through client.exec without a raw insert (execInserter()).
      const failing = new Proxy(handle.client, {
        get(target, property, receiver) {
          if (property !== 'exec') return Reflect.get(target, property, receiver) as unknown;
          return async (params: Parameters<ClickHouseClient['exec']>[0]) => {
            const insert = /^INSERT INTO (\w+)/.exec(params.query)?.[1];
            if (insert && drainsCommitted > 0) {
              throw new Error('connect ECONNREFUSED 127.0.0.1:8123');
            }
            const result = await target.exec(params);
            if (insert === 'ingest_requests') drainsCommitted++;
            return result;
          };
        },
      });
      const second = loggedWriter({ flushIntervalMs: 20, flushRows: 50 }, failing);
      await expect(second.replayLog()).rejects.toThrow(/ECONNREFUSED/);
      // Stopped there (its close tries once more, fails, and deletes nothing).
      await second.close();
      // Its one drain took two deliveries (44 rows; a third would pass 50).
      expect(second.stats.requestsPerFlush[0]).toBe(2);
      expect(await counts(handle.client)).toMatchObject({ raw: 40, keys: 2 });
      // Killed there: the segment still holds the eight deliveries not stored.
      expect(loggedBatches(logDir)).toHaveLength(10);

      const third = loggedWriter({ flushIntervalMs: 20, flushRows: 50 });
      await third.seedRecentInvocations();
      expect(await third.replayLog()).toBe(8);
      expect(third.stats.requestsPerFlush).toEqual([2, 2, 2, 2]);
      expect(await counts(handle.client)).toEqual(storedDeliveries(10));
      expect(loggedBatches(logDir)).toEqual([]);
    }));

  it('drops a batch ClickHouse refuses for good and keeps for the next drain only the one that failed, storing the others once', () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
      const insert = handle.rawInsert!;
      let unavailable = 0;
      // While the drain stores its batches one by one (after the refusal), ClickHouse is away
      // for the third batch's first insert.
      const flaky: typeof insert = async (params) => {
        const body = params.body.toString('utf8');
        if (body.includes('delivery 2') && !body.includes('delivery 0') && unavailable++ === 0) {
          throw new Error('connect ECONNREFUSED 127.0.0.1:8123');
        }
        await insert(params);
      };
      const writer = loggedWriter({ ...DRAINING, rawInsert: flaky });
      const refused: IngestBatch = {
        // A time ClickHouse cannot read as DateTime64(9): the rows themselves are wrong.
        logs: [{ ...logRow('refused', hourMs), timeUnixNano: 'nineteen-chars-long' }],
        requestKeys: [{ key: 'cloudwatch:refused', source: 'cloudwatch' }],
      };
      // One drain takes the three (acknowledged once in the log).
      await Promise.all([
        writer.write(delivery(0, hourMs)),
        writer.write(refused),
        writer.write(delivery(2, hourMs)),
      ]);
      await writer.flush().catch(() => undefined);
      await writer.flush();

      expect(unavailable).toBeGreaterThan(0);
      expect(writer.stats.refusedLoggedBatches).toBe(1);
      // Each stored delivery once: the first was not written again with the third's retry.
      const bodies = await handle.client.query({
        query: 'SELECT body FROM logs ORDER BY body',
        format: 'JSONCompactEachRow',
      });
      expect(await bodies.json()).toEqual([['delivery 0'], ['delivery 2']]);
      expect(await counts(handle.client)).toEqual(storedDeliveries(2));
      expect(loggedBatches(logDir)).toEqual([]);
    }));

  it('does not write a kept batch again into the tables its failed drain had stored', () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
      const insert = handle.rawInsert!;
      let failedOnce = false;
      // ClickHouse is away for the first `invocations` insert only; the drain's `logs` insert,
      // issued beside it, commits.
      const flaky: typeof insert = async (params) => {
        if (params.table === 'invocations' && !failedOnce) {
          failedOnce = true;
          throw new Error('connect ECONNREFUSED 127.0.0.1:8123');
        }
        await insert(params);
      };
      const writer = loggedWriter({ ...DRAINING, rawInsert: flaky });
      await Promise.all([writer.write(delivery(0, hourMs)), writer.write(delivery(1, hourMs))]);
      await writer.flush().catch(() => undefined);
      await writer.flush();

      expect(failedOnce).toBe(true);
      expect(writer.stats.insertFailures).toBeGreaterThan(0);
      // Each log line once: the retry inserted what was missing, not the lines stored already.
      expect(await counts(handle.client)).toEqual(storedDeliveries(2));
      expect(loggedBatches(logDir)).toEqual([]);
    }));

  it('does not store a batch whose append to the log failed while a drain waited for it', () =>
    withWriterHarness(async ({ handle, loggedWriter, fillDisk }) => {
      const writer = loggedWriter({ ...ON_FLUSH, rawInsert: handle.rawInsert });
      // The log's next write() fails after 50 ms (the disk is full).
      fillDisk({ writes: 1, afterMs: 50 });
      const answer = writer.write(delivery(0, hourMs)).then(
        () => 'acknowledged',
        (error: Error) => `refused: ${error.message}`,
      );
      // A drain starts while the append is in flight.
      const flushed = writer.flush().catch(() => undefined);
      expect(await answer).toMatch(/^refused: writing the ingest log: .*ENOSPC/);
      await flushed;
      // Its sender was told it failed and sends it again: nothing of it may be stored yet.
      expect(await counts(handle.client)).toMatchObject({ raw: 0, logs: 0, keys: 0 });
    }));

  it('stores at the next start the minute rows an earlier version logged without the columns appended since', () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
      // A scrape's minute row as the writer logged it before unknown_starts (migration 0029) was
      // the encoder's last column: one value short.
      const batch = scrape(0, hourMs);
      const row = FUNCTION_MINUTES.encode(batch.functionMinutes![0]).slice(0, -1);
      expect(FUNCTION_MINUTES.columns.at(-1)).toBe('unknown_starts');
      mkdirSync(logDir, { recursive: true });
      writeFileSync(
        join(logDir, '000000000001.log'),
        `${JSON.stringify({ v: 2, id: 'earlier.1', requestKeys: batch.requestKeys, rows: { function_minutes: [row] } })}\n`,
      );

      const restarted = loggedWriter({ ...DRAINING, rawInsert: handle.rawInsert });
      expect(await restarted.replayLog()).toBe(1);
      expect(await counts(handle.client)).toMatchObject({ minutes: 10, hours: 10, keys: 1 });
      expect(loggedBatches(logDir)).toEqual([]);
    }));

  it('skips on replay what was committed before the process died with its segment still on disk', () =>
    withWriterHarness(async ({ handle, config, logDir, loggedWriter }) => {
      const writer = loggedWriter(ON_FLUSH);
      await Promise.all(Array.from({ length: 10 }, (_, n) => writer.write(delivery(n, hourMs))));
      // The segment as it was before the drain deleted it (a kill between commit and deletion).
      const [segment] = segments(logDir);
      const kept = join(config.dataDir, 'kept.log');
      copyFileSync(join(logDir, segment), kept);
      await writer.flush();
      expect(segments(logDir)).toHaveLength(1); // only the new, empty current segment
      copyFileSync(kept, join(logDir, segment));

      const restarted = loggedWriter(DRAINING);
      await restarted.seedRecentInvocations();
      expect(await restarted.replayLog()).toBe(0);
      expect(restarted.stats.replaySkippedBatches).toBe(10);
      expect(await counts(handle.client)).toEqual(storedDeliveries(10));
      expect(loggedBatches(logDir)).toEqual([]);
    }));

  it("keeps a stored batch's segment until its facts are kept, and hands them to the next start's keeper, stored batches included", () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter }) => {
      // The collector's recorders hold what they learn for a second: this keeper never gets there.
      let kept!: () => void;
      const keeping = new Promise<void>((resolve) => (kept = resolve));
      const writer = loggedWriter({ ...ON_FLUSH, factsKeeperExpected: true });
      writer.keepFacts({ replayed: () => undefined, settled: () => keeping });
      const hint = { functionId: FN, version: '1', runtime: 'nodejs20.x', observedAtMs: hourMs };
      await Promise.all([
        writer.write({ ...delivery(0, hourMs), hints: [hint] }),
        writer.write(delivery(1, hourMs)),
        writer.write({ ...delivery(2, hourMs), hints: [] }),
      ]);
      await writer.flush();
      expect(await counts(handle.client)).toEqual(storedDeliveries(3));
      // Stored, and still in the log: a kill here replays it. Only the hints given are logged.
      const logged = loggedBatches(logDir) as { hints?: unknown }[];
      expect(logged.map((b) => b.hints)).toEqual([[hint], undefined, undefined]);

      const restarted = loggedWriter({ ...DRAINING, factsKeeperExpected: true });
      await restarted.seedRecentInvocations();
      expect(await restarted.replayLog()).toBe(0);
      expect(restarted.stats.replaySkippedBatches).toBe(3);
      // No keeper yet: the facts it read keep their segments.
      expect(loggedBatches(logDir)).toHaveLength(3);
      const replayed: LoggedFacts[] = [];
      restarted.keepFacts({
        replayed: (facts) => replayed.push(...facts),
        settled: () => Promise.resolve(),
      });
      const memory = (n: number, i: number) => ({
        functionId: FN,
        source: 'lambda_log',
        startTimeMs: hourMs + n * 1000 + i * 10,
        memorySizeMb: 256,
        runtime: '',
        architecture: '',
      });
      // Each batch's settings at the earliest and the latest time it shows them.
      expect(replayed).toEqual([
        { invocations: [memory(0, 0), memory(0, 19)], hints: [hint] },
        { invocations: [memory(1, 0), memory(1, 19)], hints: [] },
        { invocations: [memory(2, 0), memory(2, 19)], hints: [] },
      ]);
      await restarted.close();
      expect(loggedBatches(logDir)).toEqual([]);
      kept();
    }));

  it.each([
    ['after its rows were stored and before its request keys were', ['ingest_requests'], false],
    [
      'after a retry stored what its first attempt had not, before its request keys',
      ['logs', 'function_minutes', 'ingest_requests'],
      false,
    ],
    [
      'after a retry of inserts whose answers were lost, before its request keys',
      ['logs', 'function_minutes', 'ingest_requests'],
      true,
    ],
  ])(
    'stores each log line and scraped minute once at the next start when the process died %s',
    (_when, failing, answersLost) =>
      withWriterHarness(async ({ handle, logDir, loggedWriter, kill }) => {
        const insert = handle.rawInsert!;
        // ClickHouse is away for the first insert into each of `failing`; once the process is
        // dead, nothing it sends arrives.
        const failed = new Set<string>();
        let dead = false;
        const flaky: typeof insert = async (params) => {
          if (dead) throw new Error('the process is dead');
          if (failing.includes(params.table) && !failed.has(params.table)) {
            failed.add(params.table);
            // The rows are committed and the answer is lost (the request keys' insert always
            // fails before, so the process dies with none stored).
            if (answersLost && params.table !== 'ingest_requests') await insert(params);
            throw new Error('connect ECONNRESET 127.0.0.1:8123');
          }
          await insert(params);
        };
        const writer = loggedWriter({ ...ON_FLUSH, rawInsert: flaky });
        await deliveriesAndScrapes(writer, hourMs);
        // One drain fails on the `failing` row tables (all in one attempt), the next on the keys.
        const drains = failing.length > 1 ? 2 : 1;
        for (let drain = 0; drain < drains; drain++) await writer.flush().catch(() => undefined);
        expect([...failed].sort()).toEqual([...failing].sort());
        // Every row stored, no request key: the process is killed here, its log as it is now.
        const stored = { raw: 80, minutes: 80 + 30, hours: 80 + 30, logs: 4, keys: 0 };
        expect(await counts(handle.client)).toEqual(stored);
        await kill(writer, () => (dead = true));

        const restarted = loggedWriter({ ...DRAINING, rawInsert: insert });
        await restarted.seedRecentInvocations();
        expect(await restarted.replayLog()).toBe(7);
        // Each row once on every path, the minute rows' coarser tables included.
        expect(await counts(handle.client)).toEqual({ ...stored, keys: 7 });
        expect(await coarser(handle.client)).toEqual({ fives: 110, days: 110 });
        expect(loggedBatches(logDir)).toEqual([]);
      }),
  );

  it('counts a replayed scrape once on every resolution when a view had not stored it before the kill', () =>
    withWriterHarness(async ({ handle, config, logDir }) => {
      const client = handle.client;
      const insert = handle.rawInsert!;
      // The engine commits the minute rows, then the hour view's insert fails, and the process is
      // killed before its retry (a CHECK no row passes stands for the failure).
      const dying: typeof insert = async (params) => {
        if (params.table !== 'function_minutes') return insert(params);
        await client.command({
          query: `ALTER TABLE function_hours ADD CONSTRAINT killed CHECK invocations > 1000000`,
        });
        await insert(params).catch(() => undefined);
        await client.command({ query: `ALTER TABLE function_hours DROP CONSTRAINT killed` });
        killed = true;
        return new Promise<void>(() => undefined);
      };
      let killed = false;
      // Not the harness's: a killed process never closes it (its drain never returns).
      const writer = new IngestWriter(client, {
        maxQueueBytes: 1 << 26,
        ...ON_FLUSH,
        rawInsert: dying,
        journal: new FlushJournal(join(config.dataDir, 'flush-journal')),
        log: IngestLog.open(logDir),
      });
      await writer.write(scrape(0, hourMs));
      void writer.flush();
      while (!killed) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await counts(client)).toMatchObject({ minutes: 10, hours: 0, keys: 0 });

      // The next start, as the process runs it.
      const restarted = await startIngestWriter(handle, config);
      expect(await counts(client)).toMatchObject({ minutes: 10, hours: 10, keys: 1 });
      expect(await coarser(client)).toEqual({ fives: 10, days: 10 });
      await restarted.close();
    }));

  it('counts scrapes of identical minute rows in separate drains each time', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      const writer = loggedWriter({ ...ON_FLUSH, rawInsert: handle.rawInsert });
      // The same minute row under two request keys: two scrapes that measured the same.
      for (const key of ['first', 'second']) {
        await writer.write({ ...scrape(0, hourMs), requestKeys: [{ key, source: 'knative' }] });
        await writer.flush();
      }
      expect(await counts(handle.client)).toMatchObject({ minutes: 20, hours: 20, keys: 2 });
      expect(await coarser(handle.client)).toEqual({ fives: 20, days: 20 });
    }));

  it('loses no log line when batches refused together are stored one by one and the log cannot record one of those attempts', () =>
    withWriterHarness(async ({ handle, loggedWriter, fillDisk, kill }) => {
      const insert = handle.rawInsert!;
      // ClickHouse refuses every `logs` insert holding delivery 0's line (a row it cannot parse).
      // Once delivery 0 is refused alone, the disk is full for the next record (delivery 1's own
      // attempt), whatever room the log's reserve gives up for it (another writer takes it), and
      // every `logs` insert holding delivery 1's line fails (ClickHouse away for it) until the
      // process dies.
      let room: (() => void) | undefined;
      let triggered = false;
      let away = false;
      let dead = false;
      const flaky: typeof insert = async (params) => {
        if (dead) throw new Error('the process is dead');
        const body = params.body.toString('utf8');
        if (params.table === 'logs' && body.includes('"delivery 0"')) {
          if (!body.includes('"delivery 1"') && !triggered) {
            triggered = true;
            away = true;
            room = fillDisk({});
          }
          throw Object.assign(new Error('Cannot parse input'), { clickhouseCode: 27 });
        }
        if (away && params.table === 'logs' && body.includes('"delivery 1"')) {
          throw new Error('connect ECONNREFUSED 127.0.0.1:8123');
        }
        await insert(params);
      };
      const writer = loggedWriter({ ...ON_FLUSH, rawInsert: flaky });
      await Promise.all(Array.from({ length: 4 }, (_, n) => writer.write(delivery(n, hourMs))));
      await writer.flush().catch(() => undefined);
      await writer.flush().catch(() => undefined);
      // Delivery 1's own attempt could not be recorded, its reserve spent too.
      expect(writer.stats.unrecordedAttempts).toBe(1);
      await kill(writer, () => (dead = true));
      room?.();

      const restarted = loggedWriter({ ...DRAINING, rawInsert: flaky });
      dead = false;
      away = false;
      await restarted.seedRecentInvocations();
      await restarted.replayLog();
      // Delivery 0 is refused for good (dropped and counted); the three others are all stored.
      const lines = await handle.client.query({
        query: `SELECT body FROM logs ORDER BY body`,
        format: 'JSONCompactEachRow',
      });
      expect((await lines.json<[string]>()).map(([body]) => body)).toEqual([
        'delivery 1',
        'delivery 2',
        'delivery 3',
      ]);
    }));

  it("records a drain's attempt in the log's reserve when the disk is full, so that after a kill each log line and scraped minute is stored once", () =>
    withWriterHarness(async ({ handle, logDir, loggedWriter, kill }) => {
      const insert = handle.rawInsert!;
      // The request keys' insert fails: the process dies with the rows stored and its batches
      // still in the log.
      let dead = false;
      const flaky: typeof insert = async (params) => {
        if (dead) throw new Error('the process is dead');
        if (params.table === 'ingest_requests')
          throw new Error('connect ECONNRESET 127.0.0.1:8123');
        await insert(params);
      };
      const writer = loggedWriter({ ...ON_FLUSH, rawInsert: flaky });
      await deliveriesAndScrapes(writer, hourMs);
      // The log's disk is full from here on (ClickHouse's is not).
      const room = finiteDisk(logDir);
      await writer.flush().catch(() => undefined);
      expect(writer.stats.unrecordedAttempts).toBe(0);
      await expect(writer.write(delivery(9, hourMs))).rejects.toThrow(/ENOSPC/);
      const stored = { raw: 80, minutes: 80 + 30, hours: 80 + 30, logs: 4, keys: 0 };
      expect(await counts(handle.client)).toEqual(stored);
      await kill(writer, () => (dead = true));
      room();

      const restarted = loggedWriter({ ...DRAINING, rawInsert: insert });
      await restarted.seedRecentInvocations();
      expect(await restarted.replayLog()).toBe(7);
      expect(await counts(handle.client)).toEqual({ ...stored, keys: 7 });
      expect(await coarser(handle.client)).toEqual({ fives: 110, days: 110 });
    }));

  it('stores what it acknowledged when the log disk fills up and an attempt cannot be recorded', () =>
    withWriterHarness(async ({ handle, loggedWriter, fillDisk }) => {
      const writer = loggedWriter({ ...ON_FLUSH, rawInsert: handle.rawInsert });
      await Promise.all([0, 1].map((n) => writer.write(delivery(n, hourMs))));
      // The disk is full from here on: the drain's record of its attempt cannot be written.
      fillDisk({ afterMs: 0 });
      await writer.flush();
      expect(writer.stats.unrecordedAttempts).toBe(1);
      expect(await counts(handle.client)).toEqual(storedDeliveries(2));
    }));

  it('makes a read wait until what was acknowledged before it is stored, and not otherwise', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      // No drain would start on its own for an hour: only the read's barrier starts it.
      const writer = loggedWriter(ON_FLUSH);
      const barrier = new ReadBarrier();
      barrier.attach(writer);
      const reads = behindReadBarrier(handle, barrier).client;
      await Promise.all(Array.from({ length: 5 }, (_, n) => writer.write(delivery(n, hourMs))));
      expect(await counts(handle.client)).toMatchObject({ raw: 0 });
      expect(await counts(reads)).toEqual(storedDeliveries(5));
      expect(writer.stats.flushes).toBe(1);
      // Nothing pending: the next read sends no drain.
      await counts(reads);
      expect(writer.stats.flushes).toBe(1);
    }));

  it('holds a batch that does not fit until a drain makes room, instead of answering queue full', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      // Four deliveries fit; a fifth may wait (a quarter of the bound) for the drain it starts.
      const writer = loggedWriter({ ...ON_FLUSH, maxQueueBytes: 50_000 });
      for (let n = 0; n < 4; n++) await writer.write(delivery(n, hourMs));
      expect(writer.stats.flushes).toBe(0);
      await writer.write(delivery(4, hourMs));
      expect(writer.stats.flushes).toBeGreaterThanOrEqual(1);
      await writer.close();
      expect(await counts(handle.client)).toMatchObject({ raw: 100, logs: 5 });
    }));

  it('keeps serving reads and reports the failure when the log cannot start a new segment', () =>
    withWriterHarness(async ({ logDir, loggedWriter }) => {
      const writer = loggedWriter(ON_FLUSH);
      await writer.write(delivery(0, hourMs));
      rmSync(logDir, { recursive: true, force: true });
      await expect(writer.readBarrier()).resolves.toBeUndefined();
      await expect(writer.flush()).rejects.toThrow(/ENOENT/);
      expect(writer.stats.insertFailures).toBeGreaterThan(0);
    }));

  it('starts a drain at most once per FLEETSCOPE_DRAIN_INTERVAL_MS under load, at once when FLEETSCOPE_FLUSH_ROWS are queued', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      const writer = loggedWriter({
        flushIntervalMs: 20,
        flushRows: 2_000,
        drainIntervalMs: 1_500,
      });
      // A delivery every 20 ms for two seconds, each acknowledged once logged: the first drain
      // starts 1.5 s after the first delivery (not 20 ms: it would carry one delivery at a whole
      // drain's cost), and the next not before 1.5 s after it began.
      const started = performance.now();
      let written = 0;
      while (performance.now() - started < 2_000) {
        await writer.write(delivery(written++, hourMs));
        if (performance.now() - started < 1_300) expect(writer.stats.flushes).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(writer.stats.flushes).toBe(1);
      // Fewer than 100 deliveries of 20 invocations were queued behind it; 100 more pass 2,000
      // invocations: the next drain starts without waiting.
      expect(written).toBeLessThan(100);
      await Promise.all(
        Array.from({ length: 100 }, () => writer.write(delivery(written++, hourMs))),
      );
      // Well before the 1.5 s interval (a loaded CI machine took over 100 ms to start it).
      const queuedAt = performance.now();
      while (writer.stats.flushes < 2 && performance.now() - queuedAt < 1_000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(writer.stats.flushes).toBe(2);
      await writer.close();
      expect(await counts(handle.client)).toEqual(storedDeliveries(written));
    }));

  it('counts FLEETSCOPE_FLUSH_ROWS per table: a drain carries that many invocations, whatever log lines and request keys come with them', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      // Each delivery: 20 invocations, a log line and a request key. No drain starts on its own.
      const writer = loggedWriter({ flushIntervalMs: NEVER, flushRows: 40 });
      for (let n = 0; n < 4; n++) await writer.write(delivery(n, hourMs));
      await writer.flush();
      expect(writer.stats.requestsPerFlush).toEqual([2, 2]);
      expect(await counts(handle.client)).toEqual(storedDeliveries(4));
    }));

  it('counts against its bound the batches waiting for a drain, not those of the drain under way', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      // Four deliveries fit the bound; a fifth may wait for room (a quarter of the bound).
      const writer = loggedWriter({ ...ON_FLUSH, maxQueueBytes: 50_000 });
      for (let n = 0; n < 4; n++) await writer.write(delivery(n, hourMs));
      // A drain takes the four; three deliveries sent meanwhile are queued at once.
      const drained = writer.flush();
      const during = await Promise.allSettled(
        [4, 5, 6].map((n) => writer.write(delivery(n, hourMs))),
      );
      expect(during.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      await drained;
      await writer.close();
      expect(await counts(handle.client)).toMatchObject({ raw: 140, logs: 7 });
    }));

  it('starts a paced drain without waiting for its pace once half the bound waits', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      // Four deliveries fit the bound; no drain would start on its own for an hour.
      const writer = loggedWriter({ ...ON_FLUSH, drainIntervalMs: NEVER, maxQueueBytes: 50_000 });
      await writer.write(delivery(0, hourMs));
      await writer.write(delivery(1, hourMs));
      expect(writer.stats.flushes).toBe(0);
      // The third passes half the bound.
      await writer.write(delivery(2, hourMs));
      expect(writer.stats.flushes).toBe(1);
      await writer.close();
      expect(await counts(handle.client)).toMatchObject({ raw: 60, logs: 3 });
    }));

  it('answers queue full while the log holds its bound, and accepts again once drained', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      const writer = loggedWriter({ ...ON_FLUSH, maxQueueBytes: 25_000 });
      await writer.write(delivery(0, hourMs));
      await writer.write(delivery(1, hourMs));
      await expect(writer.write(delivery(2, hourMs))).rejects.toBeInstanceOf(QueueFullError);
      await writer.flush();
      await writer.write(delivery(2, hourMs));
      await writer.close();
      expect(await counts(handle.client)).toMatchObject({ raw: 60, logs: 3 });
    }));
});
