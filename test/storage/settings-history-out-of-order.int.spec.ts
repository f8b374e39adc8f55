import { FunctionSettingsRepository, type SettingObservation } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

const F = 'aws_lambda~123456789012~us-east-1~orders';
const G = 'aws_lambda~123456789012~us-east-1~billing';
const T0 = Date.parse('2026-11-16T00:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;

/** `setting=value@hours after T0`, in time order. */
const timeline = (seen: SettingObservation[], setting: string) =>
  seen
    .filter((o) => o.setting === setting)
    .map((o) => `${o.value}@${(o.observedAtMs - T0) / HOUR}h`);

describe(`${FunctionSettingsRepository.name} with observations out of time order`, () => {
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  beforeAll(async () => {
    opened = await openTestClickHouse();
  });
  afterAll(async () => {
    await opened.cleanup();
  });

  it('stores a setting seen again after a later-dated change once its time passes that change, and nothing for traffic at the settings in force', async () => {
    const repo = new FunctionSettingsRepository(opened.handle);
    const x86 = { architecture: 'x86_64', memoryMb: 1024 };
    // A sender whose clock runs 26 h ahead reports an arm64 deploy before the x86 traffic of now.
    expect(await repo.record('records', [{ functionId: F, observedAtMs: T0, ...x86 }])).toBe(2);
    expect(
      await repo.record('records', [
        { functionId: F, observedAtMs: T0 + 26 * HOUR, architecture: 'arm64', memoryMb: 2048 },
      ]),
    ).toBe(2);
    // Traffic of now, at the settings in force now: stored once, as the value written last was the
    // future-dated one (a repeat, harmless), then nothing.
    expect(await repo.record('records', [{ functionId: F, observedAtMs: T0 + MIN, ...x86 }])).toBe(
      2,
    );
    expect(
      await repo.record('records', [{ functionId: F, observedAtMs: T0 + 2 * HOUR, ...x86 }]),
    ).toBe(0);
    // The same traffic once the clock passes the arm64 row: x86 is in force again from then.
    expect(
      await repo.record('records', [{ functionId: F, observedAtMs: T0 + 27 * HOUR, ...x86 }]),
    ).toBe(2);
    expect(
      await repo.record('records', [{ functionId: F, observedAtMs: T0 + 28 * HOUR, ...x86 }]),
    ).toBe(0);

    const seen = await repo.observations({ fromMs: T0, toMs: T0 + 48 * HOUR }, [F]);
    expect(timeline(seen, 'architecture')).toEqual([
      'x86_64@0h',
      `x86_64@${MIN / HOUR}h`,
      'arm64@26h',
      'x86_64@27h',
    ]);
    expect(timeline(seen, 'memory_mb')).toEqual([
      '1024@0h',
      `1024@${MIN / HOUR}h`,
      '2048@26h',
      '1024@27h',
    ]);

    // After a restart the same: what is in force at each time comes from the table.
    const restarted = new FunctionSettingsRepository(opened.handle);
    expect(
      await restarted.record('records', [{ functionId: F, observedAtMs: T0 + 3 * HOUR, ...x86 }]),
    ).toBe(0);
    expect(
      await restarted.record('records', [{ functionId: F, observedAtMs: T0 + 30 * HOUR, ...x86 }]),
    ).toBe(0);
    // A restarted process remembers the latest observation of each setting only (as it did
    // before out-of-order times were told apart): x86 inside the arm64 stretch repeats it.
    expect(
      await restarted.record('records', [
        { functionId: F, observedAtMs: T0 + 26.5 * HOUR, architecture: 'x86_64' },
      ]),
    ).toBe(0);
  });

  it('stores a snapshot older than the latest observation when it differs from the value written last', async () => {
    const repo = new FunctionSettingsRepository(opened.handle);
    // Six changes; a restarted process remembers the latest (0 at 6 h).
    for (let h = 1; h <= 6; h++) {
      expect(
        await repo.record('api', [
          { functionId: G, observedAtMs: T0 + h * HOUR, provisionedConcurrency: h % 2 },
        ]),
      ).toBe(1);
    }
    const restarted = new FunctionSettingsRepository(opened.handle);
    // 1 at 2.5 h differs from 0, the value remembered.
    expect(
      await restarted.record('api', [
        { functionId: G, observedAtMs: T0 + 2.5 * HOUR, provisionedConcurrency: 1 },
      ]),
    ).toBe(1);
    // 1 at 5.5 h repeats the value just written.
    expect(
      await restarted.record('api', [
        { functionId: G, observedAtMs: T0 + 5.5 * HOUR, provisionedConcurrency: 1 },
      ]),
    ).toBe(0);
    const seen = await restarted.observations({ fromMs: T0, toMs: T0 + 24 * HOUR }, [G]);
    expect(timeline(seen, 'provisioned_concurrency')).toEqual([
      '1@1h',
      '0@2h',
      '1@2.5h',
      '1@3h',
      '0@4h',
      '1@5h',
      '0@6h',
    ]);
  });

  it('stores nothing for late deliveries of traffic at the settings in force, before or after a restart', async () => {
    const H = 'aws_lambda~123456789012~us-east-1~late';
    const x86 = { architecture: 'x86_64', memoryMb: 1024 };
    const repo = new FunctionSettingsRepository(opened.handle);
    const written = [await repo.record('records', [{ functionId: H, observedAtMs: T0, ...x86 }])];
    // Firehose buffers, backfills: each delivery older than the last.
    for (let m = 1; m <= 5; m++) {
      written.push(
        await repo.record('records', [{ functionId: H, observedAtMs: T0 - m * MIN, ...x86 }]),
      );
    }
    const restarted = new FunctionSettingsRepository(opened.handle);
    for (let m = 6; m <= 8; m++) {
      written.push(
        await restarted.record('records', [{ functionId: H, observedAtMs: T0 - m * MIN, ...x86 }]),
      );
    }
    expect(written).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
