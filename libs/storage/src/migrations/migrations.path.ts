import { resolve } from 'node:path';

/** The repository's `migrations/` folder (the build copies it into dist/, so the same path holds). */
export const MIGRATIONS_DIR = resolve(__dirname, '../../../../migrations');
