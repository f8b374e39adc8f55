import type { InvocationRecord } from '@fleetscope/model';
import {
  FunctionConfigRepository,
  ReadBarrier,
  TuningJobsRepository,
  behindReadBarrier,
  type IngestBatch,
} from '@fleetscope/storage';
import { withWriterHarness } from './support/writer-harness';

const FN = 'aws_lambda~123456789012~eu-west-1~checkout';
const NEVER = 3_600_000;

function delivery(n: number): IngestBatch {
  return {
    invocations: Array.from(
      { length: 20 },
      (_, i) =>
        ({
          source: 'lambda_log',
          functionId: FN,
          platform: 'aws_lambda',
          requestId: `req-${n}-${i}`,
          startTimeMs: Date.now() - 60_000,
          durationMs: 12,
          status: 'success',
        }) as InvocationRecord,
    ),
    requestKeys: [{ key: `cloudwatch:delivery-${n}`, source: 'cloudwatch' }],
  };
}

/**
 * Reads of tables the ingest writer never writes (the inventory's function_configs, the tuning
 * jobs) have nothing acknowledged to wait for. A read that waits starts a drain at once, so each
 * one of them during ingest cut the drains' pace short (FLEETSCOPE_DRAIN_INTERVAL_MS).
 */
describe('reads of tables the ingest writer does not write', () => {
  it('neither wait for nor start a drain of the ingest log', () =>
    withWriterHarness(async ({ handle, loggedWriter }) => {
      const writer = loggedWriter({ flushIntervalMs: NEVER, flushRows: 1_000_000 });
      const barrier = new ReadBarrier();
      barrier.attach(writer);
      const behind = behindReadBarrier(handle, barrier);
      await writer.write(delivery(0));

      // The inventory records what REPORT lines say of a function's memory.
      await new FunctionConfigRepository(behind).upsert('records', [
        { functionId: FN, memoryMb: 256 },
      ]);
      // The tuning runner polls for jobs.
      expect(await new TuningJobsRepository(behind).pending()).toEqual([]);
      expect(writer.stats.flushes).toBe(0);

      // Reads of what the writer stores still wait for it.
      const result = await behind.client.query({
        query: 'SELECT count() AS n FROM invocations',
        format: 'JSONEachRow',
      });
      expect(await result.json()).toEqual([{ n: 20 }]);
      expect(writer.stats.flushes).toBe(1);
    }));
});
