import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { openAndMigrate } from '../storage.module';
import type { InvocationRecord } from '@fleetscope/model';
import {
  FunctionSettingsRepository,
  observationsOfRange,
  settingsSeenIn,
  type SettingObservation,
} from './function-settings.repository';

const F = 'aws_lambda~123456789012~us-east-1~orders';
const G = 'aws_lambda~123456789012~us-east-1~billing';
const T0 = Date.parse('2026-11-16T00:00:00Z');
const HOUR = 3_600_000;

describe(FunctionSettingsRepository.name, () => {
  let config: Config;
  let handle: ClickHouseHandle;

  const count = async () => {
    const result = await handle.client.query({
      query: 'SELECT count() AS n FROM function_settings_history FINAL',
      format: 'JSONEachRow',
    });
    return Number((await result.json<{ n: number | string }>())[0].n);
  };

  beforeAll(async () => {
    config = loadConfig({
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-settings-')),
      CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
      CLICKHOUSE_DATABASE: `fleetscope_settings_${process.pid}`,
    });
    handle = await openAndMigrate(config);
  });

  afterAll(async () => {
    await handle?.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('stores only changes per function, setting and source, with the time each was observed', async () => {
    const repo = new FunctionSettingsRepository(handle);
    expect(
      await repo.record('records', [
        { functionId: F, observedAtMs: T0, architecture: 'x86_64', memoryMb: 1024 },
        { functionId: F, observedAtMs: T0 + HOUR, architecture: 'x86_64', memoryMb: 1024 },
        { functionId: F, observedAtMs: T0 + 3 * HOUR, architecture: 'arm64', memoryMb: 1024 },
      ]),
    ).toBe(3);
    // Seen again by the same source: nothing new to store.
    expect(
      await repo.record('records', [
        { functionId: F, observedAtMs: T0 + 4 * HOUR, architecture: 'arm64', memoryMb: 1024 },
      ]),
    ).toBe(0);
    // The platform API is another witness: its first word is stored; no PC is an observation (0).
    expect(
      await repo.record('api', [
        { functionId: F, observedAtMs: T0 + 2 * HOUR, provisionedConcurrency: 0 },
        { functionId: G, observedAtMs: T0 + 2 * HOUR, provisionedConcurrency: 5, memoryMb: 0 },
      ]),
    ).toBe(2);
    expect(await count()).toBe(5);

    // After a restart, what the table already says is not written again; a change is.
    const restarted = new FunctionSettingsRepository(handle);
    expect(
      await restarted.record('records', [
        { functionId: F, observedAtMs: T0 + 5 * HOUR, architecture: 'arm64', memoryMb: 1024 },
      ]),
    ).toBe(0);
    expect(
      await restarted.record('records', [
        { functionId: F, observedAtMs: T0 + 6 * HOUR, memoryMb: 2048 },
      ]),
    ).toBe(1);
    expect(await count()).toBe(6);
  });

  it('reads a range with the latest observation before it, per setting and source', async () => {
    const repo = new FunctionSettingsRepository(handle);
    const seen = await repo.observations({ fromMs: T0 + 2 * HOUR, toMs: T0 + 24 * HOUR }, [F]);
    expect(seen).toEqual([
      // before the range: the latest architecture and memory the records gave
      {
        functionId: F,
        setting: 'architecture',
        observedAtMs: T0,
        source: 'records',
        value: 'x86_64',
      },
      { functionId: F, setting: 'memory_mb', observedAtMs: T0, source: 'records', value: '1024' },
      {
        functionId: F,
        setting: 'provisioned_concurrency',
        observedAtMs: T0 + 2 * HOUR,
        source: 'api',
        value: '0',
      },
      {
        functionId: F,
        setting: 'architecture',
        observedAtMs: T0 + 3 * HOUR,
        source: 'records',
        value: 'arm64',
      },
      {
        functionId: F,
        setting: 'memory_mb',
        observedAtMs: T0 + 6 * HOUR,
        source: 'records',
        value: '2048',
      },
    ]);
    const all = await repo.observations({ fromMs: T0, toMs: T0 + 2 * HOUR + 1 });
    expect(all.map((o) => `${o.functionId === G ? 'G' : 'F'} ${o.setting}=${o.value}`)).toEqual([
      'G provisioned_concurrency=5',
      'F architecture=x86_64',
      'F memory_mb=1024',
      'F provisioned_concurrency=0',
    ]);
  });

  it('answers a fleet-wide read from the whole history kept in memory exactly as the range query does, and reads it again once it changed', async () => {
    const repo = new FunctionSettingsRepository(handle);
    const ranges = [
      { fromMs: T0, toMs: T0 + 2 * HOUR + 1 },
      { fromMs: T0 + HOUR, toMs: T0 + 5 * HOUR },
      { fromMs: T0 + 4 * HOUR, toMs: T0 + 24 * HOUR },
      { fromMs: T0 - 24 * HOUR, toMs: T0 },
    ];
    const ids = [F, G];
    for (const range of ranges)
      expect(await repo.observations(range)).toEqual(await repo.observations(range, ids));
    await repo.record('api', [
      { functionId: G, observedAtMs: T0 + 4.5 * HOUR, provisionedConcurrency: 7 },
    ]);
    const after = { fromMs: T0 + 4 * HOUR, toMs: T0 + 24 * HOUR };
    expect(await repo.observations(after)).toEqual(await repo.observations(after, ids));
    expect((await repo.observations(after)).map((o) => o.value)).toContain('7');
  });

  it('reads the whole history once for requests that find the same change at once', async () => {
    const repo = new FunctionSettingsRepository(handle);
    const query = handle.client.query.bind(handle.client);
    let wholeReads = 0;
    // Counts the reads of the whole history (their rows carry a count each); ClickHouse answers.
    const counting = jest.spyOn(handle.client, 'query').mockImplementation((params) => {
      if (params.query.includes('count() AS n')) wholeReads++;
      return query(params);
    });
    try {
      const range = { fromMs: T0, toMs: T0 + 24 * HOUR };
      const [first, ...others] = await Promise.all([1, 2, 3].map(() => repo.observations(range)));
      expect(wholeReads).toBe(1);
      for (const other of others) expect(other).toEqual(first);
      await repo.record('api', [
        { functionId: G, observedAtMs: T0 + 5 * HOUR, provisionedConcurrency: 9 },
      ]);
      const [changed] = await Promise.all([repo.observations(range), repo.observations(range)]);
      expect(wholeReads).toBe(2);
      expect(changed.map((o) => o.value)).toContain('9');
    } finally {
      counting.mockRestore();
    }
  });
});

describe(observationsOfRange.name, () => {
  /** The rule spelled out over the whole history: keys of function, setting and source. */
  function reference(all: readonly SettingObservation[], range: { fromMs: number; toMs: number }) {
    const key = (o: SettingObservation) => [o.functionId, o.setting, o.source].join('|');
    const lastBefore = new Map<string, number>();
    for (const o of all) if (o.observedAtMs < range.fromMs) lastBefore.set(key(o), o.observedAtMs);
    return all.filter(
      (o) =>
        o.observedAtMs < range.toMs &&
        (o.observedAtMs >= range.fromMs || lastBefore.get(key(o)) === o.observedAtMs),
    );
  }

  it('keeps what the range query returns: the observations inside the range and the latest of each setting and source before it', () => {
    // A history in observations()' order: by function, time, setting, source; one observation
    // per function, setting, time and source.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const settings = ['architecture', 'memory_mb', 'provisioned_concurrency'] as const;
    const sources = ['api', 'manual', 'records'] as const;
    const all: SettingObservation[] = [];
    for (let f = 0; f < 40; f++) {
      const rows = new Map<string, SettingObservation>();
      for (let k = 0; k < next(12); k++) {
        const o: SettingObservation = {
          functionId: `aws_lambda~123456789012~us-east-1~fn${String(f).padStart(2, '0')}`,
          setting: settings[next(3)],
          observedAtMs: T0 + next(10) * HOUR,
          source: sources[next(3)],
          value: String(next(4)),
        };
        rows.set(`${o.setting}|${o.observedAtMs}|${o.source}`, o);
      }
      all.push(
        ...[...rows.values()].sort(
          (a, b) =>
            a.observedAtMs - b.observedAtMs ||
            a.setting.localeCompare(b.setting) ||
            a.source.localeCompare(b.source),
        ),
      );
    }
    for (let from = -1; from <= 10; from++) {
      for (const hours of [0, 1, 3, 12]) {
        const range = { fromMs: T0 + from * HOUR, toMs: T0 + (from + hours) * HOUR };
        expect(observationsOfRange(all, range)).toEqual(reference(all, range));
      }
    }
    expect(
      observationsOfRange(all, { fromMs: T0 + 5 * HOUR, toMs: T0 + 6 * HOUR }).length,
    ).toBeGreaterThan(20);
  });
});

describe(settingsSeenIn.name, () => {
  const inv = (
    functionId: string,
    startTimeMs: number,
    architecture: string,
    memorySizeMb: number | null,
  ) => ({ functionId, startTimeMs, architecture, memorySizeMb }) as InvocationRecord;

  it("gives each function's architectures and memory sizes with the earliest time the batch shows them", () => {
    const seen = settingsSeenIn([
      inv(F, T0 + 5, 'x86_64', 1024),
      inv(F, T0 + 9, 'x86_64', 1024),
      inv(F, T0 + 2, 'x86_64', 1024), // out of order: earlier than the run before it
      inv(F, T0 + 20, 'arm64', 1024),
      inv(G, T0 + 7, '', null), // a REPORT line names no architecture, a span may lack memory
      inv(G, T0 + 8, '', 512),
    ]);
    expect(seen).toEqual([
      { functionId: F, observedAtMs: T0 + 2, architecture: 'x86_64' },
      { functionId: F, observedAtMs: T0 + 2, memoryMb: 1024 },
      { functionId: F, observedAtMs: T0 + 20, architecture: 'arm64' },
      { functionId: G, observedAtMs: T0 + 8, memoryMb: 512 },
    ]);
  });
});
