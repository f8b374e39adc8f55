import { emptyFunctionMinute } from '@fleetscope/model';
import { invocationRecord } from '../testing/invocation-record';
import { FUNCTION_MINUTES, INVOCATIONS } from './row-columns';

const invocation = (memorySizeMb: number | null, maxMemoryUsedMb: number | null) =>
  invocationRecord({
    source: 'otel_span',
    functionId: 'knative~c~ns~big',
    platform: 'knative',
    memorySizeMb,
    maxMemoryUsedMb,
  });

const column = (encoded: unknown[], columns: string[], name: string) =>
  encoded[columns.indexOf(name)];

describe('memory sizes in the UInt16 columns', () => {
  it('defect (found by a review): a pod of 128 GiB was stored at 65,535 MB; it is stored as unknown, its row kept', () => {
    const row = INVOCATIONS.encode(invocation(131_072, 70_000));
    expect(column(row, INVOCATIONS.columns, 'memory_size_mb')).toBe(0);
    expect(column(row, INVOCATIONS.columns, 'max_memory_used_mb')).toBe(0);
    const minute = {
      ...emptyFunctionMinute('otel_span', 'knative~c~ns~big', '', 1_700_000_000_000, 131_072),
    };
    minute.maxMemoryUsedMb = 70_000;
    const encoded = FUNCTION_MINUTES.encode(minute);
    expect(column(encoded, FUNCTION_MINUTES.columns, 'memory_size_mb')).toBe(0);
    expect(column(encoded, FUNCTION_MINUTES.columns, 'max_memory_used_mb')).toBe(0);
  });

  it('keeps every size the column holds, and an unknown one as 0', () => {
    const row = INVOCATIONS.encode(invocation(65_535, 10_240));
    expect(column(row, INVOCATIONS.columns, 'memory_size_mb')).toBe(65_535);
    expect(column(row, INVOCATIONS.columns, 'max_memory_used_mb')).toBe(10_240);
    const unknown = INVOCATIONS.encode(invocation(null, null));
    expect(column(unknown, INVOCATIONS.columns, 'memory_size_mb')).toBe(0);
  });
});
