import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The pid a claim file names when it is another live process's, else undefined (no file, this
 * process, or a process since killed, whose claim is taken over). Embedded ClickHouse's data
 * directory and the ingest log are each claimed this way.
 */
export function liveOtherHolder(file: string): number | undefined {
  let holder = NaN;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    // No claim yet.
  }
  return Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)
    ? holder
    : undefined;
}

/** Claims the file for this process. */
export function claimPidFile(file: string): void {
  writeFileSync(file, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
