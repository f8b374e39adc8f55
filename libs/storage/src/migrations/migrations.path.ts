import { resolve } from 'node:path';

/** The repository's `migrations/` folder (the same in a clone and in the container image). */
export const MIGRATIONS_DIR = resolve(__dirname, '../../../../migrations');
