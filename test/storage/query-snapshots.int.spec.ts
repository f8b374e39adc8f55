import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AnalysisInputsRepository,
  FunctionConfigRepository,
  FunctionSettingsRepository,
  FunctionsRepository,
  InvocationsRepository,
  WeeklyReportsRepository,
  type ClickHouseHandle,
} from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

/**
 * The SQL the read repositories build, committed under docs/queries/ (as immich commits its
 * queries) so a reviewer reads the query, not the template. Each query runs on the real embedded
 * ClickHouse; the text it sent must equal its snapshot. After changing a query:
 * `UPDATE_QUERY_SNAPSHOTS=1 TZ=UTC npx jest test/storage/query-snapshots.int.spec.ts`.
 */
const DIR = join(__dirname, '..', '..', 'docs', 'queries');
const UPDATE = process.env.UPDATE_QUERY_SNAPSHOTS === '1';
const RANGE = {
  fromMs: Date.parse('2026-11-30T00:00:00Z'),
  toMs: Date.parse('2026-12-01T00:00:00Z'),
};
const ID = 'aws_lambda~123456789012~us-east-1~checkout';
/** A settings change of ID at 10:30: its rows read per stretch (coldStarts, billedByStretch). */
const SPLITS = new Map([[ID, [RANGE.fromMs + 10.5 * 3_600_000]]]);

describe('the SQL the repositories build', () => {
  let handle: ClickHouseHandle;
  let cleanup: () => Promise<void>;
  let sent: string[] = [];

  beforeAll(async () => {
    ({ handle, cleanup } = await openTestClickHouse());
    // Records the text of each query on its way to the real client.
    const query = handle.client.query.bind(handle.client);
    handle.client.query = (params) => {
      sent.push(params.query);
      return query(params);
    };
  }, 60_000);
  afterAll(() => cleanup());

  const functions = () => new FunctionsRepository(handle);
  const inputs = () => new AnalysisInputsRepository(handle);
  const cases: [string, () => Promise<unknown>][] = [
    ['functions.totals', () => functions().totals(RANGE)],
    ['functions.totals-one-function', () => functions().totals(RANGE, ID)],
    ['functions.billed', () => functions().billed(RANGE, 'aws_lambda~123456789012~us-east-1~')],
    ['functions.timeseries', () => functions().timeseries(ID, RANGE, 300)],
    ['functions.cold-starts', () => functions().coldStarts(RANGE, false)],
    ['functions.cold-starts-by-hour', () => functions().coldStarts(RANGE, true)],
    ['functions.cold-starts-by-stretch', () => functions().coldStarts(RANGE, false, SPLITS)],
    ['functions.billed-by-stretch', () => functions().billedByStretch(RANGE, SPLITS)],
    ['functions.minute-activity', () => functions().minuteActivity(RANGE)],
    ['functions.with-unknown-memory', () => functions().withUnknownMemory(RANGE, [ID])],
    ['functions.lambda-month-gb-seconds', () => functions().lambdaMonthGbSecondsAtMost(RANGE)],
    ['analysis-inputs.window-stats', () => inputs().windowStats(RANGE)],
    ['analysis-inputs.concurrency-profiles', () => inputs().concurrencyProfiles(RANGE)],
    ['analysis-inputs.cold-start-extras', () => inputs().coldStartExtras(RANGE, false)],
    ['analysis-inputs.runtime-changes', () => inputs().runtimeChanges(RANGE)],
    [
      'invocations.merged',
      () => new InvocationsRepository(handle).merged(ID, { ...RANGE, limit: 100 }),
    ],
    ['function-config.merged', () => new FunctionConfigRepository(handle).merged()],
    ['weekly-reports.daily-usage', () => new WeeklyReportsRepository(handle).dailyUsage(RANGE)],
    [
      'weekly-reports.daily-usage-of-functions',
      () => new WeeklyReportsRepository(handle).dailyUsage(RANGE, SPLITS, [ID]),
    ],
    [
      'weekly-reports.daily-concurrency',
      () =>
        new WeeklyReportsRepository(handle).dailyConcurrency(
          RANGE,
          new Map([[ID, { changesAtMs: SPLITS.get(ID)!, levels: [0, 5] }]]),
        ),
    ],
    ['weekly-reports.pod-lifetimes', () => new WeeklyReportsRepository(handle).podLifetimes([ID])],
    [
      'weekly-reports.restored-on-days',
      () => new WeeklyReportsRepository(handle).restoredOnDays(RANGE, ID),
    ],
    [
      'function-settings.observations',
      () => new FunctionSettingsRepository(handle).observations(RANGE),
    ],
    [
      'function-settings.observations-of-functions',
      () => new FunctionSettingsRepository(handle).observations(RANGE, [ID]),
    ],
    // Last: its rows make the dashboard's reads bind the days with a choice from here on.
    [
      'functions.totals-days-with-a-choice',
      async () => {
        await handle.client.command({
          query: `INSERT INTO function_minutes (function_id, minute, source, version, invocations)
                  VALUES ({id:String}, '2026-11-30 10:00:00', 'lambda_log', '$LATEST', 3),
                         ({id:String}, '2026-11-30 10:00:00', 'otel_span', '$LATEST', 2)`,
          query_params: { id: ID },
        });
        return functions().totals(RANGE);
      },
    ],
    // After the rows above: the days with a choice read once and bound, as the dashboard's reads.
    [
      'weekly-reports.daily-usage-days-with-a-choice',
      () => new WeeklyReportsRepository(handle).dailyUsage(RANGE, SPLITS, [ID]),
    ],
    [
      'weekly-reports.daily-concurrency-days-with-a-choice',
      () =>
        new WeeklyReportsRepository(handle).dailyConcurrency(
          RANGE,
          new Map([[ID, { changesAtMs: SPLITS.get(ID)!, levels: [0, 5] }]]),
        ),
    ],
    ['functions.timeseries-days-with-a-choice', () => functions().timeseries(ID, RANGE, 300)],
    // After the rows above: a SnapStart restore of a function two sources reported.
    [
      'analysis-inputs.cold-start-extras-several-sources',
      async () => {
        await handle.client.command({
          query: `INSERT INTO invocations (function_id, source, start_time, request_id, version,
                    init_type, cold_start, restore_duration_us)
                  VALUES ({id:String}, 'lambda_log', '2026-11-30 10:00:01', 'r', '$LATEST',
                    'snap-start', 1, 300000)`,
          query_params: { id: ID },
        });
        return inputs().coldStartExtras(RANGE, false);
      },
    ],
  ];

  it.each(cases)('builds docs/queries/%s.sql', async (name, run) => {
    sent = [];
    await run();
    const text = `${sent.map((q) => `${dedent(q)};\n`).join('\n')}`;
    const file = join(DIR, `${name}.sql`);
    if (UPDATE) writeFileSync(file, text);
    expect(existsSync(file) ? readFileSync(file, 'utf8') : `no ${file}`).toBe(text);
  });

  it('keeps no snapshot of a query that is gone', () => {
    const names = new Set(cases.map(([name]) => `${name}.sql`));
    expect(readdirSync(DIR).filter((f) => f.endsWith('.sql') && !names.has(f))).toEqual([]);
  });
});

/** The query without the template's indentation and blank lines. */
function dedent(sql: string): string {
  const lines = sql.split('\n').filter((l) => l.trim() !== '');
  const indent = Math.min(...lines.map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent).trimEnd()).join('\n');
}
