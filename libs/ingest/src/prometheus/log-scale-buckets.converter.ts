import { explicitBucketsToLogBuckets, type LogBuckets } from '@fleetscope/model';
import type { HistogramDelta } from './scrape-delta';

/**
 * The bucket increases of a Prometheus histogram (or a summary's count and sum) as the model's
 * log-scale buckets, through the one explicit-bucket conversion of libs/model. `toMs` converts the
 * histogram's unit (1000 for seconds).
 */
export function prometheusHistogramToLogBuckets(delta: HistogramDelta, toMs: number): LogBuckets {
  return explicitBucketsToLogBuckets(
    {
      upperBounds: delta.upperBounds,
      counts: [...delta.counts, delta.overflow],
      count: delta.count,
      sum: delta.sum,
    },
    toMs,
  );
}
