import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The package version, read from package.json (beside dist/ in the image, at the root in a checkout). */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export const FLEETSCOPE_VERSION = readVersion();
