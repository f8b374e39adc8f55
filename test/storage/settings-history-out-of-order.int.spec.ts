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
    // Traffic of now, at the settings in force now: nothing to store.
    expect(await repo.record('records', [{ functionId: F, observedAtMs: T0 + MIN, ...x86 }])).toBe(
      0,
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
    expect(timeline(seen, 'architecture')).toEqual(['x86_64@0h', 'arm64@26h', 'x86_64@27h']);
    expect(timeline(seen, 'memory_mb')).toEqual(['1024@0h', '2048@26h', '1024@27h']);

    // After a restart the same: what is in force at each time comes from the table.
    const restarted = new FunctionSettingsRepository(opened.handle);
    expect(
      await restarted.record('records', [{ functionId: F, observedAtMs: T0 + 3 * HOUR, ...x86 }]),
    ).toBe(0);
    expect(
      await restarted.record('records', [{ functionId: F, observedAtMs: T0 + 30 * HOUR, ...x86 }]),
    ).toBe(0);
    // Inside the arm64 stretch x86 differs from what is in force: stored.
    expect(
      await restarted.record('records', [
        { functionId: F, observedAtMs: T0 + 26.5 * HOUR, architecture: 'x86_64' },
      ]),
    ).toBe(1);
  });

  it('stores a snapshot older than the observations it remembers of a setting, where it cannot tell what was in force', async () => {
    const repo = new FunctionSettingsRepository(opened.handle);
    // Six changes: more than a process remembers of one setting.
    for (let h = 1; h <= 6; h++) {
      expect(
        await repo.record('api', [
          { functionId: G, observedAtMs: T0 + h * HOUR, provisionedConcurrency: h % 2 },
        ]),
      ).toBe(1);
    }
    const restarted = new FunctionSettingsRepository(opened.handle);
    // In force at 2.5 h: 0 (observed at 2 h), which the restarted process no longer remembers.
    expect(
      await restarted.record('api', [
        { functionId: G, observedAtMs: T0 + 2.5 * HOUR, provisionedConcurrency: 1 },
      ]),
    ).toBe(1);
    // In force at 5.5 h: 1 (observed at 5 h), remembered.
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
});
