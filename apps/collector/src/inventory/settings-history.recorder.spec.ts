import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import {
  FunctionSettingsRepository,
  openAndMigrate,
  type ClickHouseHandle,
  type ConfigSource,
  type SettingsSnapshot,
} from '@fleetscope/storage';
import { SettingsHistoryRecorder } from './settings-history.recorder';

/** The real repository on the real engine, counting the writes it is asked for. */
class CountingRepository extends FunctionSettingsRepository {
  calls = 0;

  override record(source: ConfigSource, snapshots: readonly SettingsSnapshot[]): Promise<number> {
    this.calls++;
    return super.record(source, snapshots);
  }
}

const T0 = Date.parse('2026-11-16T00:00:00Z');
const fn = (i: number) => `aws_lambda~123456789012~us-east-1~fn-${i}`;

describe(SettingsHistoryRecorder.name, () => {
  let config: Config;
  let handle: ClickHouseHandle;

  beforeAll(async () => {
    config = loadConfig({
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-recorder-')),
      CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
      CLICKHOUSE_DATABASE: `fleetscope_recorder_${process.pid}`,
    });
    handle = await openAndMigrate(config);
  });

  afterAll(async () => {
    await handle?.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('writes what arrives during a write together in the next one, and stores every observation', async () => {
    const repository = new CountingRepository(handle);
    const recorder = new SettingsHistoryRecorder(repository);
    // 200 deliveries, each naming a function not seen before, handed in back to back.
    const acknowledged = Array.from({ length: 200 }, (_, i) =>
      recorder.record('records', [{ functionId: fn(i), observedAtMs: T0 + i, memoryMb: 512 }]),
    );
    await Promise.all(acknowledged);

    expect(repository.calls).toBeLessThanOrEqual(2);
    const stored = await repository.observations({ fromMs: T0, toMs: T0 + 1_000 });
    expect(new Set(stored.map((o) => o.functionId)).size).toBe(200);
  });

  it('resolves a record only once its own observation is stored', async () => {
    const recorder = new SettingsHistoryRecorder(new FunctionSettingsRepository(handle));
    await recorder.record('records', [
      { functionId: fn(0), observedAtMs: T0 + 5_000, memoryMb: 1024 },
    ]);
    const late = recorder.record('api', [
      { functionId: fn(1), observedAtMs: T0 + 6_000, architecture: 'arm64' },
    ]);
    await late;
    const stored = await new FunctionSettingsRepository(handle).observations({
      fromMs: T0 + 4_000,
      toMs: T0 + 7_000,
    });
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ functionId: fn(0), setting: 'memory_mb', value: '1024' }),
        expect.objectContaining({ functionId: fn(1), source: 'api', value: 'arm64' }),
      ]),
    );
  });

  it('writes what stored invocations report at most once a second, and all of it on flush', async () => {
    const repository = new CountingRepository(handle);
    const recorder = new SettingsHistoryRecorder(repository);
    // A burst of deliveries naming new functions, one every 60 ms for 0.6 s (each write takes a
    // few ms: unpaced, nearly every delivery had a write, an insert, of its own).
    for (let i = 0; i < 10; i++) {
      recorder.observed([{ functionId: fn(300 + i), observedAtMs: T0 + 9_000 + i, memoryMb: 256 }]);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await recorder.flush();

    expect(repository.calls).toBeLessThanOrEqual(2);
    const stored = await repository.observations({ fromMs: T0 + 9_000, toMs: T0 + 9_100 });
    const burst = Array.from({ length: 10 }, (_, i) => fn(300 + i));
    expect(burst.filter((f) => stored.some((o) => o.functionId === f))).toEqual(burst);
  });
});
