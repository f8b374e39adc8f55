import type { FunctionMinuteRow, InvocationRecord, MetricPointRow } from '@fleetscope/model';
import { EARLIEST_STORED_MS } from '@fleetscope/model';
import {
  ingestTimeWindow,
  screenBatch,
  type IngestWindowSettings,
} from './storable-rows.validator';
import { invocationRecord } from '../testing/invocation-record';

const NOW = Date.UTC(2026, 11, 4, 12);
const SETTINGS: IngestWindowSettings = {
  maxFutureHours: 168,
  retentionDays: 30,
  futureSetting: 'FLEETSCOPE_INGEST_MAX_FUTURE_HOURS',
  retentionSetting: 'FLEETSCOPE_RETENTION_DAYS',
};
const window = ingestTimeWindow(NOW, SETTINGS);

function invocation(overrides: Partial<InvocationRecord> = {}): InvocationRecord {
  return invocationRecord({ startTimeMs: NOW - 1000, ...overrides });
}

function point(overrides: Partial<MetricPointRow> = {}): MetricPointRow {
  return {
    timeUnixNano: `${NOW}000000`,
    startTimeUnixNano: '0',
    metricName: 'm',
    metricType: 'histogram',
    unit: '',
    serviceName: '',
    functionId: '',
    temporality: 'delta',
    isMonotonic: false,
    value: 0,
    count: 1,
    sum: 1,
    min: null,
    max: null,
    bucketCounts: [1],
    explicitBounds: [],
    resourceAttributes: {},
    attributes: {},
    ...overrides,
  };
}

function minute(overrides: Partial<FunctionMinuteRow> = {}): FunctionMinuteRow {
  return {
    source: 'openfaas',
    functionId: 'f',
    version: '',
    memorySizeMb: 0,
    minuteMs: NOW - 60_000,
    invocations: 1,
    errors: 0,
    timeouts: 0,
    coldStarts: 0,
    unknownStarts: 0,
    durationSumMs: 1,
    durationBuckets: {},
    initDurationSumMs: 0,
    initBuckets: {},
    maxMemoryUsedMb: 0,
    ...overrides,
  };
}

describe(screenBatch.name, () => {
  it('passes a batch with nothing to refuse through as it is', () => {
    const batch = { invocations: [invocation()], metricPoints: [point()] };
    const screened = screenBatch(batch, window);
    expect(screened.batch).toBe(batch);
    expect(screened.rejected.total).toBe(0);
    expect(screened.nothingLeft).toBe(false);
  });

  it('refuses init durations beyond the UInt32 microsecond column instead of letting them wrap', () => {
    const screened = screenBatch(
      { invocations: [invocation({ initDurationMs: 5_000_000 }), invocation({ requestId: 'ok' })] },
      window,
    );
    expect(screened.batch.invocations?.map((i) => i.requestId)).toEqual(['ok']);
    expect(screened.rejected.byReason).toEqual({ value_out_of_range: 1 });
    expect(screened.rejected.errors[0]).toMatch(/initDurationMs 5000000/);
  });

  it('refuses counts that are not finite or exceed UInt64, which would fail the whole insert', () => {
    const screened = screenBatch(
      {
        metricPoints: [point({ count: Infinity }), point({ bucketCounts: [1, 2 ** 70] })],
        functionMinutes: [minute({ invocations: NaN })],
      },
      window,
    );
    expect(screened.rejected.total).toBe(3);
    expect(screened.nothingLeft).toBe(true);
  });

  it('names the retention setting for data older than the retention window', () => {
    const screened = screenBatch(
      { invocations: [invocation({ startTimeMs: NOW - 31 * 86_400_000 })] },
      window,
    );
    expect(screened.rejected.byReason).toEqual({ time_before_retention: 1 });
    expect(screened.rejected.errors[0]).toMatch(/FLEETSCOPE_RETENTION_DAYS=30/);
  });

  it('calls a time before 2000 a unit error with retention on too, not one older than the retention', () => {
    // A span's start in milliseconds sent as nanoseconds: 1970-01-21.
    const screened = screenBatch({ invocations: [invocation({ startTimeMs: NOW / 1e6 })] }, window);
    expect(screened.rejected.byReason).toEqual({ time_out_of_range: 1 });
    expect(screened.rejected.errors[0]).toMatch(
      /is before 2000-01-01: a unit error \(milliseconds or seconds sent as nanoseconds\?\)$/,
    );
    expect(screened.rejected.errors[0]).not.toMatch(/retention/);
  });

  it('keeps data of any age since 2000 when retention is 0, and calls earlier times a unit error', () => {
    const forever = ingestTimeWindow(NOW, { ...SETTINGS, retentionDays: 0 });
    expect(forever.minMs).toBe(EARLIEST_STORED_MS);
    const screened = screenBatch(
      {
        invocations: [
          invocation({ startTimeMs: Date.UTC(2015, 0, 1) }),
          invocation({ startTimeMs: NOW / 1e6 }),
        ],
      },
      forever,
    );
    expect(screened.rejected.byReason).toEqual({ time_out_of_range: 1 });
    expect(screened.rejected.errors[0]).toMatch(/milliseconds or seconds sent as nanoseconds/);
  });

  it('counts only the item parts by reason, while dropping every refused row', () => {
    const screened = screenBatch(
      {
        invocations: [invocation({ startTimeMs: NOW + 30 * 86_400_000 })],
        metricPoints: [point({ timeUnixNano: '9999999999999999999' })],
      },
      window,
      ['metricPoints'],
    );
    expect(screened.rejected.total).toBe(1);
    expect(screened.rejected.byPart).toMatchObject({ invocations: 1, metricPoints: 1 });
    expect(screened.batch.invocations).toEqual([]);
  });
});
