import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { toStorageError } from '../client/storage.errors';
import { CLICKHOUSE } from '../storage.tokens';
import { RecentKeys } from '../writer/recent-keys';

/**
 * Keys of accepted ingest requests (a body hash, or Firehose's X-Amz-Firehose-Request-Id), so a
 * sender retrying a request whose acknowledgement it lost is answered 200 without a second copy.
 * The keys are written by the IngestWriter with their rows; this keeps the recent ones in memory
 * (loaded from ClickHouse at start, so retries across a restart are recognised too) and answers
 * lookups without a query on the ingest path.
 */
@Injectable()
export class IngestRequestsRepository {
  private readonly recent = new RecentKeys(400_000);

  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  /** Loads the keys of the last `hours` hours (bounded); called once at start. */
  async load(hours = 24): Promise<number> {
    try {
      const result = await this.handle.client.query({
        query: `SELECT key FROM ingest_requests WHERE received_at >= now() - toIntervalHour({h:UInt32})
                ORDER BY received_at DESC LIMIT {n:UInt32}`,
        query_params: { h: hours, n: this.recent.capacity / 2 },
        format: 'JSONCompactEachRow',
      });
      const rows = await result.json<[string]>();
      for (const [key] of rows.reverse()) this.recent.addKey(key);
      return rows.length;
    } catch (error) {
      throw toStorageError(error, 'reading ingest_requests');
    }
  }

  seen(key: string): boolean {
    return this.recent.hasKey(key);
  }

  /** Called once the request's rows (and its key) are stored. */
  remember(key: string): void {
    this.recent.addKey(key);
  }
}
