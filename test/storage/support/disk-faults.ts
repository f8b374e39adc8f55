import type * as Fs from 'node:fs';
import { join } from 'node:path';

// The module object itself: the ingest log calls these through it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof Fs;

const noSpace = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
const overQuota = (): Error =>
  Object.assign(new Error('EDQUOT: disk quota exceeded'), { code: 'EDQUOT' });

/** fs.write() as the ingest log calls it. */
type FsWrite = (
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: null,
  done: (error: Error | null, written: number) => void,
) => void;

const setWrite = (write: FsWrite): void => {
  (fs as { write: unknown }).write = write;
};

/** The next fs.write() gets half its bytes onto the disk, then fails with ENOSPC. */
export function tearNextWrite(): void {
  const write = fs.write;
  setWrite((fd, buffer, offset, length, _position, done) => {
    Object.assign(fs, { write });
    const half = fs.writeSync(fd, buffer, offset, Math.floor(length / 2));
    setImmediate(() => done(noSpace(), half));
  });
}

/**
 * Makes fs.write() fail with ENOSPC, writing nothing, after `afterMs` or within the call without
 * it: for the next `writes` calls, or until the returned function gives the disk room again.
 */
export function failWrites({
  writes = Infinity,
  afterMs,
}: {
  writes?: number;
  afterMs?: number;
}): () => void {
  const write = fs.write;
  const room = (): void => void Object.assign(fs, { write });
  let left = writes;
  setWrite((_fd, _buffer, _offset, _length, _position, done) => {
    if (--left <= 0) room();
    if (afterMs === undefined) done(noSpace(), 0);
    else setTimeout(() => done(noSpace(), 0), afterMs);
  });
  return room;
}

/**
 * Makes the disk under `dir` as full as the files in it now, plus `room` bytes: fs.write() (in
 * the next turn of the event loop, as the thread pool answers) writes what fits, then fails with
 * ENOSPC; appendFileSync() under `dir` the same; statfsSync() of `dir` says what is free. A file
 * truncated or deleted under `dir` frees its bytes. With `quota`, a user's quota is what is full:
 * the errors are EDQUOT, and statfsSync() sees the disk's room, not the quota's. Returns the
 * function that gives the disk its room back.
 */
export function finiteDisk(dir: string, room = 0, { quota = false } = {}): () => void {
  const used = (): number =>
    fs.readdirSync(dir).reduce((n, name) => n + fs.statSync(join(dir, name)).size, 0);
  const capacity = used() + room;
  const free = (): number => Math.max(0, capacity - used());
  const original = {
    write: fs.write,
    appendFileSync: fs.appendFileSync,
    statfsSync: fs.statfsSync,
  };
  const patched = fs as unknown as Record<keyof typeof original, unknown>;
  const full = quota ? overQuota : noSpace;
  setWrite((fd, buffer, offset, length, _position, done) =>
    setImmediate(() => {
      const left = free();
      if (left === 0) return done(full(), 0);
      done(null, fs.writeSync(fd, buffer, offset, Math.min(left, length)));
    }),
  );
  patched.appendFileSync = (file: string, data: Buffer) => {
    if (!String(file).startsWith(dir)) return original.appendFileSync(file, data);
    const left = free();
    original.appendFileSync(file, data.subarray(0, Math.min(left, data.length)));
    if (left < data.length) throw full();
  };
  patched.statfsSync = (path: string) => {
    const stats = original.statfsSync(path);
    return String(path).startsWith(dir) && !quota ? { ...stats, bsize: 1, bavail: free() } : stats;
  };
  return () => Object.assign(fs, original);
}
