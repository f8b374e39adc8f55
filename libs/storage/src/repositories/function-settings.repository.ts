import { Inject, Injectable } from '@nestjs/common';
import type { InvocationRecord } from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { toStorageError } from '../client/storage.errors';
import { CLICKHOUSE } from '../storage.tokens';
import type { ConfigSource } from './function-config.repository';

/** The settings whose history prices a function: its architecture, memory and provisioned concurrency. */
export type FunctionSetting = 'architecture' | 'memory_mb' | 'provisioned_concurrency';

/** What one source saw of one function at one time; a field left unset was not observed. */
export interface SettingsSnapshot {
  functionId: string;
  observedAtMs: number;
  architecture?: string;
  memoryMb?: number;
  /** 0: none allocated (an observation, unlike unset). */
  provisionedConcurrency?: number;
}

/** One stored observation of one setting. */
export interface SettingObservation {
  functionId: string;
  setting: FunctionSetting;
  observedAtMs: number;
  source: ConfigSource;
  /** `x86_64`, `1024`, `0`: as stored. */
  value: string;
}

/** Settings remembered at most to tell changes from repeats (record()). */
const MAX_REMEMBERED = 200_000;

/**
 * Of one function, setting and source: the value written last, and the latest observation by time.
 * They differ when a sender's clock ran ahead: its observation is the latest, while traffic of now
 * goes on at the value written last.
 */
interface Remembered {
  written: string;
  latestMs: number;
  latest: string;
}

/**
 * Whether an observation repeats what is known: one at or after the latest repeats the latest (so
 * once the clock passes a future-dated observation, the value of now is stored again); an older
 * one repeats the value written last (late deliveries of traffic at the settings in force).
 */
function repeats(known: Remembered, atMs: number, value: string): boolean {
  return atMs >= known.latestMs ? value === known.latest : value === known.written;
}

/** `known` after `value` observed at `atMs` is written. */
function afterWrite(known: Remembered | undefined, atMs: number, value: string): Remembered {
  if (!known || atMs >= known.latestMs) return { written: value, latestMs: atMs, latest: value };
  return { ...known, written: value };
}

/** A snapshot's observed settings as (setting, value) pairs; empty and non-finite values are not observations. */
export function observedSettings(s: SettingsSnapshot): [FunctionSetting, string][] {
  const pairs: [FunctionSetting, string][] = [];
  if (s.architecture) pairs.push(['architecture', s.architecture]);
  if (typeof s.memoryMb === 'number' && Number.isFinite(s.memoryMb) && s.memoryMb > 0) {
    pairs.push(['memory_mb', String(s.memoryMb)]);
  }
  const pc = s.provisionedConcurrency;
  if (typeof pc === 'number' && Number.isFinite(pc) && pc >= 0) {
    pairs.push(['provisioned_concurrency', String(pc)]);
  }
  return pairs;
}

/**
 * The settings invocations report of themselves (REPORT's Memory Size, a span's faas.max_memory and
 * host.arch): per function, each value with the earliest time the batch shows it. Sources that do
 * not know a setting leave it unset (platform records never name the architecture).
 */
export function settingsSeenIn(invocations: readonly InvocationRecord[]): SettingsSnapshot[] {
  const earliest = new Map<string, SettingsSnapshot>();
  const note = (inv: InvocationRecord, key: string, seen: Partial<SettingsSnapshot>) => {
    const k = `${inv.functionId}|${key}`;
    const before = earliest.get(k);
    if (!before || inv.startTimeMs < before.observedAtMs) {
      earliest.set(k, { functionId: inv.functionId, observedAtMs: inv.startTimeMs, ...seen });
    }
  };
  // Batches mostly hold runs of one function in time order: a record that repeats the one before
  // at a later time changes no earliest time.
  let previous: InvocationRecord | undefined;
  for (const inv of invocations) {
    const repeat =
      previous !== undefined &&
      inv.functionId === previous.functionId &&
      inv.architecture === previous.architecture &&
      inv.memorySizeMb === previous.memorySizeMb &&
      inv.startTimeMs >= previous.startTimeMs;
    if (repeat) continue;
    previous = inv;
    if (inv.architecture) note(inv, `a|${inv.architecture}`, { architecture: inv.architecture });
    if (inv.memorySizeMb && inv.memorySizeMb > 0) {
      note(inv, `m|${inv.memorySizeMb}`, { memoryMb: inv.memorySizeMb });
    }
  }
  return [...earliest.values()];
}

/**
 * The history of each function's settings (migrations/0023_function_settings_history.sql): every
 * observed change with its time and source. Writers hand in what they see; a snapshot is stored
 * only when it does not repeat what is remembered of the same function, setting and source (from
 * the table at the first write of a process: repeats()), so the table grows with deployments, not
 * with traffic or restarts.
 */
@Injectable()
export class FunctionSettingsRepository {
  /** `source|function|setting` → what is remembered of it (Remembered). */
  private readonly known = new Map<string, Remembered>();
  /** Seeds `known` from the table once, so a restart does not write every setting again. */
  private loaded: Promise<void> | undefined;
  /** The whole history while it is unchanged (history()). */
  private kept?: KeptHistory;
  /** The read of the whole history under way, and the row count and latest that asked for it. */
  private reading?: { rows: number; latestMs: number; read: Promise<KeptHistory> };

  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  /**
   * Stores the changes among the snapshots and returns how many observations it wrote. A snapshot
   * at or after the latest observation is compared with that one, not only with the value written
   * last: senders whose clocks run ahead store observations after now, and the value traffic
   * reports meanwhile is in force again once the clock passes them, so it is stored again then.
   */
  async record(source: ConfigSource, snapshots: readonly SettingsSnapshot[]): Promise<number> {
    await (this.loaded ??= this.load());
    const ordered = [...snapshots]
      .filter((s) => Number.isFinite(s.observedAtMs) && s.observedAtMs > 0)
      .sort((a, b) => a.observedAtMs - b.observedAtMs);
    // This batch's view: what is known plus what the batch writes, remembered once stored.
    const batch = new Map<string, Remembered>();
    const rows: Record<string, unknown>[] = [];
    const written: [string, number, string][] = [];
    for (const s of ordered) {
      for (const [setting, value] of observedSettings(s)) {
        const key = `${source}|${s.functionId}|${setting}`;
        const known = batch.get(key) ?? this.known.get(key);
        if (known && repeats(known, s.observedAtMs, value)) continue;
        batch.set(key, afterWrite(known, s.observedAtMs, value));
        written.push([key, s.observedAtMs, value]);
        rows.push({
          function_id: s.functionId,
          setting,
          observed_at: s.observedAtMs,
          source,
          value,
        });
      }
    }
    if (rows.length === 0) return 0;
    try {
      await this.handle.client.insert({
        table: 'function_settings_history',
        format: 'JSONEachRow',
        values: rows,
      });
    } catch (error) {
      throw toStorageError(error, 'writing function_settings_history');
    }
    // Remembered only once stored, so a failed write is tried again with the next observation;
    // into what is known now, which another write may have changed meanwhile.
    if (this.known.size > MAX_REMEMBERED) this.known.clear();
    for (const [key, atMs, value] of written) {
      this.known.set(key, afterWrite(this.known.get(key), atMs, value));
    }
    return rows.length;
  }

  /** Each source's latest observation of each setting, as if this process wrote it. */
  private async load(): Promise<void> {
    try {
      const rows = await queryRows<{ key: string; value: string; latestMs: number | string }>(
        this.handle.client,
        `SELECT concat(toString(source), '|', toString(function_id), '|', toString(setting)) AS key,
                argMax(value, (observed_at, recorded_at)) AS value,
                toUnixTimestamp64Milli(max(observed_at)) AS latestMs
         FROM function_settings_history
         GROUP BY source, function_id, setting
         LIMIT {limit:UInt32}`,
        { limit: MAX_REMEMBERED },
        'reading function_settings_history',
      );
      for (const r of rows) {
        this.known.set(r.key, { written: r.value, latestMs: Number(r.latestMs), latest: r.value });
      }
    } catch {
      // Unseeded, the first observation of each setting is written once more: harmless.
      this.loaded = undefined;
    }
  }

  /**
   * The observations a range needs: those inside it, and for each function, setting and source the
   * latest one before it (what was in force when the range began). All functions when ids is
   * omitted: then from the whole history, read once and kept while it is unchanged (history()).
   */
  async observations(
    range: { fromMs: number; toMs: number },
    functionIds?: readonly string[],
  ): Promise<SettingObservation[]> {
    const whole = functionIds ? undefined : await this.history();
    if (whole) return observationsOfRange(whole, range);
    const filter = functionIds ? 'AND function_id IN {ids:Array(String)}' : '';
    return queryRows<SettingObservation>(
      this.handle.client,
      `
      SELECT function_id AS functionId, setting, toUnixTimestamp64Milli(observed_at) AS observedAtMs,
             toString(source) AS source, argMax(value, recorded_at) AS value
      FROM function_settings_history
      WHERE observed_at < fromUnixTimestamp64Milli({toMs:Int64}) ${filter}
        AND (observed_at >= fromUnixTimestamp64Milli({fromMs:Int64})
             OR (function_id, setting, source, observed_at) IN (
               SELECT function_id, setting, source, max(observed_at)
               FROM function_settings_history
               WHERE observed_at < fromUnixTimestamp64Milli({fromMs:Int64}) ${filter}
               GROUP BY function_id, setting, source))
      GROUP BY function_id, setting, observed_at, source
      ORDER BY functionId, observedAtMs, setting, source`,
      { fromMs: Math.floor(range.fromMs), toMs: Math.ceil(range.toMs), ids: functionIds ?? [] },
      'reading function_settings_history',
    );
  }

  /**
   * Every observation (of each function, setting, time and source, the value recorded last), in
   * the order observations() returns them, read again only when the table changed: its row count
   * or latest recorded_at differs from those of the rows kept (an insert raises the count; a merge
   * lowers it). The rows kept carry their own count and latest, read by the same query, so a
   * check answered by a newer replica than the read only causes another read. Every fleet page,
   * cold-start read and report reads the whole history, 30,000 rows for 10,000 functions with three
   * settings each (~80 ms to read), where the check costs a few. Undefined, and nothing kept, above
   * MAX_KEPT_OBSERVATIONS rows: the range's query then reads less.
   */
  private async history(): Promise<readonly Readonly<SettingObservation>[] | undefined> {
    const [state] = await queryRows<{ rows: number; latestMs: number }>(
      this.handle.client,
      `SELECT count() AS rows, toUnixTimestamp64Milli(max(recorded_at)) AS latestMs
       FROM function_settings_history`,
      {},
      'reading function_settings_history',
    );
    const rows = Number(state?.rows ?? 0);
    const latestMs = Number(state?.latestMs ?? 0);
    const kept = this.kept;
    if (kept && kept.rows === rows && kept.latestMs === latestMs) return kept.observations;
    this.kept = undefined;
    if (rows > MAX_KEPT_OBSERVATIONS) return undefined;
    // Requests that find the same change at once share one read.
    const reading = this.reading;
    if (reading && reading.rows === rows && reading.latestMs === latestMs) {
      return (await reading.read).observations;
    }
    const read = this.readWhole();
    this.reading = { rows, latestMs, read };
    try {
      const whole = await read;
      this.kept = whole;
      return whole.observations;
    } finally {
      if (this.reading?.read === read) this.reading = undefined;
    }
  }

  /** The whole history, with the row count and latest recorded_at of the rows it was read from. */
  private async readWhole(): Promise<KeptHistory> {
    const read = await queryRows<SettingObservation & { n: number; latestMs: number }>(
      this.handle.client,
      `
      SELECT function_id AS functionId, setting, toUnixTimestamp64Milli(observed_at) AS observedAtMs,
             toString(source) AS source, argMax(value, recorded_at) AS value,
             count() AS n, toUnixTimestamp64Milli(max(recorded_at)) AS latestMs
      FROM function_settings_history
      GROUP BY function_id, setting, observed_at, source
      ORDER BY functionId, observedAtMs, setting, source`,
      {},
      'reading function_settings_history',
    );
    let count = 0;
    let latest = 0;
    // Frozen: every later request reads these objects.
    const observations = read.map(({ n, latestMs: groupLatestMs, ...o }) => {
      count += Number(n);
      latest = Math.max(latest, Number(groupLatestMs));
      return Object.freeze(o);
    });
    return { rows: count, latestMs: latest, observations };
  }
}

/** The whole settings history as read, with the row count and latest recorded_at it was read at. */
interface KeptHistory {
  rows: number;
  latestMs: number;
  observations: readonly Readonly<SettingObservation>[];
}

/** Observations kept in memory at most (history()): ~150 B each. */
const MAX_KEPT_OBSERVATIONS = 200_000;

/**
 * Of a whole history (in observations()' order), what observations() returns for `range`: the
 * observations before its end that are inside it or the latest of their function, setting and
 * source before its start.
 */
export function observationsOfRange(
  all: readonly Readonly<SettingObservation>[],
  range: { fromMs: number; toMs: number },
): SettingObservation[] {
  const fromMs = Math.floor(range.fromMs);
  const toMs = Math.ceil(range.toMs);
  const kept: SettingObservation[] = [];
  // One function at a time (the history is ordered by function, then time): its observations
  // before the range come first, and the latest of each setting and source is found among them
  // by a key of those two alone; a key with the function id cost 40 ms per fleet read of 30,000.
  let first = 0;
  while (first < all.length) {
    const functionId = all[first].functionId;
    let end = first;
    while (end < all.length && all[end].functionId === functionId) end++;
    let inside = first;
    while (inside < end && all[inside].observedAtMs < fromMs) inside++;
    // The history holds one observation per function, setting, time and source.
    const seen = new Set<string>();
    const latest = new Set<number>();
    for (let i = inside - 1; i >= first; i--) {
      const key = `${all[i].setting}\u0000${all[i].source}`;
      if (!seen.has(key)) latest.add(i);
      seen.add(key);
    }
    for (let i = first; i < inside; i++) if (latest.has(i)) kept.push(all[i]);
    for (let i = inside; i < end && all[i].observedAtMs < toMs; i++) kept.push(all[i]);
    first = end;
  }
  return kept;
}
