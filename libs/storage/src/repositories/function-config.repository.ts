import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { activeParts } from '../client/data-parts';
import { withoutReadBarrier } from '../client/read-barrier';
import { toStorageError } from '../client/storage.errors';
import { CLICKHOUSE } from '../storage.tokens';

/** Where a configuration fact came from; a higher one wins field by field. */
/**
 * Where a fact came from, lowest priority first: what OpenTelemetry spans say (their runtime:
 * `process.runtime.*`, another vocabulary than Lambda's runtime ids, so only where nothing else
 * names one), the platform's own records, its API, a person.
 */
export type ConfigSource = 'manual' | 'api' | 'records' | 'spans';
const PRIORITY: ConfigSource[] = ['spans', 'records', 'api', 'manual'];

export interface FunctionConfig {
  functionId: string;
  platform: Platform | '';
  account: string;
  region: string;
  name: string;
  version: string;
  runtime: string;
  architecture: string;
  packageType: string;
  memoryMb: number | null;
  timeoutMs: number | null;
  ephemeralStorageMb: number | null;
  provisionedConcurrency: number | null;
  minScale: number | null;
  maxScale: number | null;
  podCpu: number | null;
  podMemoryMb: number | null;
  labels: Record<string, string>;
  /** The source that gave timeoutMs ('records' = a `Task timed out after N seconds` line); merged() only. */
  timeoutSource?: ConfigSource | '';
}

export type FunctionConfigUpdate = Partial<Omit<FunctionConfig, 'functionId' | 'timeoutSource'>> & {
  functionId: string;
};

const NUMERIC: (keyof FunctionConfig)[] = [
  'memoryMb',
  'timeoutMs',
  'ephemeralStorageMb',
  'provisionedConcurrency',
  'minScale',
  'maxScale',
  'podCpu',
  'podMemoryMb',
];
/**
 * The fields whose 0 is a fact when a source says it (migrations/0031_function_config_known_zeros.sql):
 * counts of idle capacity, where 0 means none (a Knative Service that scales to zero, no
 * provisioned concurrency). Elsewhere 0 is unknown: no function has 0 MB or a 0 ms timeout, and a
 * max-scale of 0 is Knative's "no limit".
 */
const KNOWN_ZERO: (keyof FunctionConfig)[] = ['provisionedConcurrency', 'minScale'];
const COLUMN: Record<string, string> = {
  platform: 'platform',
  account: 'account',
  region: 'region',
  name: 'name',
  version: 'version',
  runtime: 'runtime',
  architecture: 'architecture',
  packageType: 'package_type',
  memoryMb: 'memory_mb',
  timeoutMs: 'timeout_ms',
  ephemeralStorageMb: 'ephemeral_storage_mb',
  provisionedConcurrency: 'provisioned_concurrency',
  minScale: 'min_scale',
  maxScale: 'max_scale',
  podCpu: 'pod_cpu',
  podMemoryMb: 'pod_memory_mb',
};

/**
 * The function inventory. Each source (the records, the platform APIs, a person) keeps its own row
 * per function; reads merge them field by field, manual over API over records, so a fact typed by
 * hand is not overwritten by the next REPORT line.
 */
@Injectable()
export class FunctionConfigRepository {
  /** The whole inventory as merged() last read it, and the data version it was read at. */
  private inventory?: { version: string; configs: ReadonlyMap<string, FunctionConfig> };

  /**
   * Without the read barrier: the ingest writer never writes function_configs, so nothing acknowledged
   * into its log can be missing from them, and a read that waited would start a drain early.
   */
  private readonly client: ClickHouseClient;

  constructor(@Inject(CLICKHOUSE) handle: ClickHouseHandle) {
    this.client = withoutReadBarrier(handle.client);
  }

  /**
   * Upserts facts; fields left undefined keep what this source said before, null makes them
   * unknown, and 0 is kept as said for the KNOWN_ZERO fields.
   */
  async upsert(source: ConfigSource, updates: FunctionConfigUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const existing = new Map(
      (
        await this.readSource(
          source,
          updates.map((u) => u.functionId),
        )
      ).map((c) => [c.functionId, c]),
    );
    const now = Date.now();
    const rows = updates.map((u) => {
      const merged: Record<string, unknown> = { ...(existing.get(u.functionId) ?? {}) };
      for (const [key, value] of Object.entries(u)) if (value !== undefined) merged[key] = value;
      const row: Record<string, unknown> = {
        function_id: u.functionId,
        source,
        labels: merged.labels ?? {},
        zero_fields: KNOWN_ZERO.filter((key) => merged[key] === 0),
        updated_at: now,
      };
      for (const [key, column] of Object.entries(COLUMN)) {
        const value = merged[key];
        row[column] = NUMERIC.includes(key as keyof FunctionConfig)
          ? typeof value === 'number' && value > 0
            ? value
            : 0
          : typeof value === 'string'
            ? value
            : '';
      }
      return row;
    });
    try {
      await this.client.insert({
        table: 'function_configs',
        values: rows,
        format: 'JSONEachRow',
      });
    } catch (error) {
      throw toStorageError(error, 'writing function_configs');
    }
  }

  /**
   * The merged configuration of each function (all of them when ids is omitted). The whole
   * inventory is kept between calls for as long as function_configs holds the same data parts
   * (see dataVersion()): a 10,000-function inventory takes 40–60 ms to read and merge, and every
   * fleet page and cold-start report needs it, while it changes only when a function's facts do.
   * Callers share what it returns and must not change it.
   */
  async merged(functionIds?: string[]): Promise<ReadonlyMap<string, FunctionConfig>> {
    if (functionIds) return this.read(functionIds);
    const version = await this.dataVersion();
    const kept = this.inventory;
    if (version !== null && kept?.version === version) return kept.configs;
    const configs = await this.read();
    if (version !== null) this.inventory = { version, configs };
    return configs;
  }

  /**
   * What identifies the rows of function_configs: the names of its active data parts
   * (activeParts), read before the rows. Null in cluster mode (a Distributed table): nothing is
   * kept.
   */
  private async dataVersion(): Promise<string | null> {
    const parts = await activeParts(this.client, ['function_configs']);
    return parts && parts.map((part) => part.name).join(',');
  }

  private async read(functionIds?: string[]): Promise<Map<string, FunctionConfig>> {
    // A numeric field no source knows reads NULL, so a known 0 stays apart from unknown.
    const fields = Object.entries(COLUMN)
      .map(([key, column]) => {
        const known = knownIf(key, column);
        return NUMERIC.includes(key as keyof FunctionConfig)
          ? `if(countIf(${known}) > 0, argMaxIf(${column}, prio, ${known}), NULL) AS ${key}`
          : `argMaxIf(${column}, prio, ${known}) AS ${key}`;
      })
      .join(',\n');
    const filter = functionIds ? 'WHERE function_id IN {ids:Array(String)}' : '';
    const rows = await this.query(
      `SELECT function_id AS functionId, ${fields},
              argMaxIf(labels, prio, length(labels) > 0) AS labels,
              argMaxIf(source, prio, ${knownIf('timeoutMs', 'timeout_ms')}) AS timeoutSource
       FROM (
         SELECT *, indexOf({order:Array(String)}, source) AS prio
         FROM function_configs FINAL ${filter}
       )
       GROUP BY function_id`,
      { ids: functionIds ?? [], order: PRIORITY },
    );
    return new Map(rows.map((r) => [r.functionId, r]));
  }

  private async readSource(source: ConfigSource, functionIds: string[]): Promise<FunctionConfig[]> {
    const fields = Object.entries(COLUMN)
      .map(([key, column]) =>
        NUMERIC.includes(key as keyof FunctionConfig)
          ? `if(${knownIf(key, column)}, ${column}, NULL) AS ${key}`
          : `${column} AS ${key}`,
      )
      .join(', ');
    return this.query(
      `SELECT function_id AS functionId, ${fields}, labels FROM function_configs FINAL
       WHERE source = {source:String} AND function_id IN {ids:Array(String)}`,
      { source, ids: functionIds },
    );
  }

  private async query(query: string, params: Record<string, unknown>): Promise<FunctionConfig[]> {
    try {
      const result = await this.client.query({
        query,
        query_params: params,
        format: 'JSONEachRow',
      });
      const rows = await result.json<Record<string, unknown>>();
      return rows.map(toConfig);
    } catch (error) {
      throw toStorageError(error, 'reading function_configs');
    }
  }
}

/** Whether a row knows the field: a number above 0, a said 0 (KNOWN_ZERO), a non-empty string. */
function knownIf(key: string, column: string): string {
  if (!NUMERIC.includes(key as keyof FunctionConfig)) return `${column} != ''`;
  return KNOWN_ZERO.includes(key as keyof FunctionConfig)
    ? `(${column} > 0 OR has(zero_fields, '${key}'))`
    : `${column} > 0`;
}

function toConfig(row: Record<string, unknown>): FunctionConfig {
  // The queries read an unknown number as NULL (knownIf).
  const num = (v: unknown): number | null => {
    if (v === null || v === undefined) return null;
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? n : null;
  };
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    functionId: str(row.functionId),
    platform: str(row.platform) as Platform | '',
    account: str(row.account),
    region: str(row.region),
    name: str(row.name),
    version: str(row.version),
    runtime: str(row.runtime),
    architecture: str(row.architecture),
    packageType: str(row.packageType),
    memoryMb: num(row.memoryMb),
    timeoutMs: num(row.timeoutMs),
    ephemeralStorageMb: num(row.ephemeralStorageMb),
    provisionedConcurrency: num(row.provisionedConcurrency),
    minScale: num(row.minScale),
    maxScale: num(row.maxScale),
    podCpu: num(row.podCpu),
    podMemoryMb: num(row.podMemoryMb),
    labels: (row.labels as Record<string, string> | undefined) ?? {},
    ...(typeof row.timeoutSource === 'string'
      ? { timeoutSource: row.timeoutSource as ConfigSource | '' }
      : {}),
  };
}
