import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export const FLEETSCOPE_VERSION = readVersion();
