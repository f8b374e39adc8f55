import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { toStorageError } from '../client/storage.errors';
import { CLICKHOUSE } from '../storage.tokens';
import { RecentKeys } from '../writer/recent-keys';

/**
 * Keys of accepted ingest requests (a body hash, or Firehose's X-Amz-Firehose-Request-Id). A sender
 * that retries a request whose acknowledgement it lost is answered 200 without a second copy.
 * Recent keys are held in memory; older ones (and those from before a restart) are looked up.
 */
@Injectable()
export class IngestRequestsRepository {
  private readonly recent = new RecentKeys(200_000);

  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  async seen(key: string): Promise<boolean> {
    if (this.recent.has(key)) return true;
    try {
      const result = await this.handle.client.query({
        query: 'SELECT 1 FROM ingest_requests WHERE key = {key:String} LIMIT 1',
        query_params: { key },
        format: 'JSONCompactEachRow',
      });
      const found = (await result.json<unknown[]>()).length > 0;
      if (found) this.recent.add(key);
      return found;
    } catch (error) {
      throw toStorageError(error, 'reading ingest_requests');
    }
  }

  async remember(key: string, source: string): Promise<void> {
    this.recent.add(key);
    try {
      await this.handle.client.insert({
        table: 'ingest_requests',
        values: [[key, source]],
        columns: ['key', 'source'],
        format: 'JSONCompactEachRow',
      });
    } catch (error) {
      throw toStorageError(error, 'writing ingest_requests');
    }
  }
}
