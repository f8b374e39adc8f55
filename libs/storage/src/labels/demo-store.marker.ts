import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '@fleetscope/config';

/**
 * Whether a store holds the demo fleet (`npm run demo`, issue 12) is known in one place: this file
 * in its data directory, written by the demo before anything is loaded. The demo runs on embedded
 * ClickHouse only, so the store of a ClickHouse server is never the demo's.
 */
export const DEMO_STORE_MARKER = '.fleetscope-demo';

export function markDemoStore(dataDir: string): void {
  writeFileSync(
    join(resolve(dataDir), DEMO_STORE_MARKER),
    'npm run demo rebuilds this directory on every start\n',
  );
}

export function isDemoStore(config: Pick<Config, 'clickhouseUrl' | 'dataDir'>): boolean {
  return (
    config.clickhouseUrl === undefined &&
    existsSync(join(resolve(config.dataDir), DEMO_STORE_MARKER))
  );
}

/**
 * What the store holds, read once at start (the demo marks its directory before it starts): every
 * output that labels demo data asks this, never the process's own settings.
 */
export class StoreLabel {
  constructor(readonly demo: boolean) {}

  static of(config: Pick<Config, 'clickhouseUrl' | 'dataDir'>): StoreLabel {
    return new StoreLabel(isDemoStore(config));
  }
}
