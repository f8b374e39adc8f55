import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { FunctionConfigRepository, type FunctionConfigUpdate } from '@fleetscope/storage';
import { PerTargetRuns } from '../platforms/per-target-runs';
import { TargetHealth } from '../platforms/target-health';
import { SettingsHistoryRecorder } from './settings-history.recorder';
import { IngestMetrics } from '../telemetry/ingest-metrics';
import type { InventoryPlatform, InventorySource, InventoryTargetResult } from './inventory-source';
import { KnativeInventorySource } from './knative-inventory.source';
import { LambdaInventorySource } from './lambda-inventory.source';
import { OpenFaasInventorySource } from './openfaas-inventory.source';

/** How often the platform APIs are read: configuration changes with deployments, not by the minute. */
export const INVENTORY_SYNC_INTERVAL_MS = 15 * 60_000;

/**
 * The platforms whose listing says which pod functions are gone: an 'api' row older than the
 * newest of its cluster or gateway is one the last listing did not name (podLifetimes in
 * libs/storage/src/repositories/weekly-reports.repository.ts). A listing of theirs is written whole
 * or not at all, or a failed page or a rejected item would mark the functions it missed removed.
 */
const LISTING_NAMES_REMOVED: ReadonlySet<InventoryPlatform> = new Set(['openfaas', 'knative']);

export interface InventoryTargetReport {
  platform: InventoryPlatform;
  target: string;
  functions: number;
  rejected: number;
  error?: { reason: string; message: string };
}

export interface InventorySyncReport {
  targets: InventoryTargetReport[];
  /** Inventory rows written (source 'api'). */
  upserted: number;
  /** Set when the rows could not be written. */
  storeError?: string;
}

/**
 * How long one platform's listing may take before its requests are stopped and what was read is
 * kept: shorter than the interval, so a hung API never keeps a platform's next sync from starting.
 */
export const INVENTORY_SYNC_DEADLINE_MS = 10 * 60_000;

/**
 * The function inventory from the platform APIs (Lambda, OpenFaaS gateways, Knative Services),
 * written as source 'api' so it beats what records imply and yields to what a person typed. Runs
 * at start and every 15 minutes, each platform on its own and stored as soon as it is read: a
 * platform or region that fails or hangs is counted and logged when its state changes, and never
 * stops or holds up the others.
 */
@Injectable()
export class InventorySyncService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Inventory');
  private readonly health = new TargetHealth(this.logger);
  private readonly runs = new PerTargetRuns();
  private readonly sources: InventorySource[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly configs: FunctionConfigRepository,
    private readonly metrics: IngestMetrics,
    private readonly history: SettingsHistoryRecorder,
    lambda: LambdaInventorySource,
    openfaas: OpenFaasInventorySource,
    knative: KnativeInventorySource,
  ) {
    this.sources = [lambda, openfaas, knative];
  }

  onApplicationBootstrap(): void {
    const enabled = this.sources.filter((s) => s.enabled());
    if (enabled.length === 0) return;
    for (const s of enabled) this.runs.tick(s.platform, (signal) => this.syncSource(s, signal));
    this.timer = setInterval(() => {
      for (const s of enabled) this.runs.tick(s.platform, (signal) => this.syncSource(s, signal));
    }, INVENTORY_SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.runs.stop();
  }

  /** Reads every enabled platform once, each after its own sync already running; never rejects. */
  async syncOnce(): Promise<InventorySyncReport> {
    const reports = await Promise.all(
      this.sources
        .filter((s) => s.enabled())
        .map((s) => this.runs.run(s.platform, (signal) => this.syncSource(s, signal))),
    );
    const report: InventorySyncReport = {
      targets: reports.flatMap((r) => r.targets),
      upserted: reports.reduce((sum, r) => sum + r.upserted, 0),
    };
    const storeError = reports.find((r) => r.storeError !== undefined)?.storeError;
    if (storeError !== undefined) report.storeError = storeError;
    return report;
  }

  /** Reads one platform, within the deadline, and stores what it gave; never rejects. */
  private async syncSource(
    source: InventorySource,
    stop: AbortSignal,
  ): Promise<InventorySyncReport> {
    const readAtMs = Date.now();
    const deadline = AbortSignal.timeout(INVENTORY_SYNC_DEADLINE_MS);
    try {
      const results = await source.collect(AbortSignal.any([stop, deadline]));
      // Shutting down: the listing may be cut short, and storage may be closing.
      if (stop.aborted) return { targets: [], upserted: 0 };
      if (deadline.aborted) {
        this.logger.warn(
          `${source.platform}: listing took longer than ${INVENTORY_SYNC_DEADLINE_MS / 1000} s; its requests were stopped`,
        );
      }
      return await this.store(results, readAtMs);
    } catch (error) {
      this.logger.error(`${source.platform}: inventory sync failed: ${(error as Error).message}`);
      return { targets: [], upserted: 0, storeError: (error as Error).message };
    }
  }

  private async store(
    results: InventoryTargetResult[],
    readAtMs: number,
  ): Promise<InventorySyncReport> {
    const updates: FunctionConfigUpdate[] = [];
    const targets: InventoryTargetReport[] = [];
    for (const r of results) {
      const key = `${r.platform} ${r.target}`;
      const signal = `inventory_${r.platform}`;
      if (r.rejected > 0) this.metrics.rejected(signal, 'invalid_item', r.rejected);
      if (r.error) {
        this.metrics.rejected(signal, r.error.reason);
        this.health.failed(
          key,
          r.error.reason,
          `inventory not read (${r.error.reason}): ${r.error.message}`,
        );
      } else {
        this.health.ok(key);
      }
      const partial = (r.error !== undefined || r.rejected > 0) && r.updates.length > 0;
      const kept = partial && LISTING_NAMES_REMOVED.has(r.platform) ? [] : r.updates;
      if (kept !== r.updates) {
        this.logger.warn(
          `${key}: partial listing (${r.updates.length} read, ${r.rejected} rejected${r.error ? `, ${r.error.reason}` : ''}) not stored, so the functions it missed are not taken as removed`,
        );
      }
      for (const u of kept) updates.push(u);
      targets.push({
        platform: r.platform,
        target: r.target,
        functions: kept.length,
        rejected: r.rejected,
        error: r.error,
      });
    }
    const report: InventorySyncReport = { targets, upserted: 0 };
    try {
      await this.configs.upsert('api', updates);
      report.upserted = updates.length;
      // A snapshot of each function's settings as the platform had them when read.
      await this.history.record(
        'api',
        updates.map((u) => ({
          functionId: u.functionId,
          observedAtMs: readAtMs,
          architecture: u.architecture,
          memoryMb: u.memoryMb ?? undefined,
          provisionedConcurrency: u.provisionedConcurrency ?? undefined,
        })),
      );
      for (const t of targets)
        this.metrics.accepted(`inventory_${t.platform}_functions`, t.functions);
      this.health.ok('storage');
    } catch (error) {
      report.storeError = (error as Error).message;
      this.metrics.rejected('inventory', 'storage');
      this.health.failed('storage', 'storage', `inventory not stored: ${report.storeError}`);
    }
    return report;
  }
}
