import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  close,
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  truncateSync,
  write,
} from 'node:fs';
import { join } from 'node:path';
import { claimPidFile, liveOtherHolder } from '../client/pid-file';
import { LineBuffer } from './line-buffer';

/** A segment file: `<number>.log`, one JSON document a line, numbered in the order written. */
const SEGMENT = /^(\d{12})\.log$/;

/**
 * Room the log keeps on its disk for the records of store attempts (appendRecord()): a file of
 * random bytes (a compressing file system would not hold zeros' blocks), given up a slice at a
 * time when the disk is full, so that what is left of it outlasts a restart. A record names a
 * drain's batches, about 20 bytes each: a slice holds thousands of them.
 */
const RESERVE = 'reserve';
const RESERVE_BYTES = 4 << 20;
const RESERVE_SLICE = 256 << 10;
/** While the reserve is not whole, how often a batch's append tries to fill it again. */
const RESERVE_RETRY_MS = 1_000;

interface Segment {
  id: number;
  fd: number;
  /** Lines appended but not yet handed to write() (UTF-8), and who waits for them. */
  pending: LineBuffer;
  /** The buffer of the last write(), reused for the next appends once it returned. */
  spare: LineBuffer | undefined;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
  writing: boolean;
  /** Whether anything was ever appended to it. */
  used: boolean;
  /** Bytes of whole writes in the file: a failed write is cut back to it (NaN: unknown). */
  size: number;
  /** The cut failed: the next write starts with a newline, ending the torn line. */
  torn: boolean;
  /** Resolved when nothing of this segment is left to write (see rotate()). */
  idle: (() => void)[];
}

/** What `rotate()` closed: the segments the entries appended so far live in. */
export interface ClosedSegments {
  ids: number[];
  /** Resolves once every line appended to them is written (acknowledged or failed). */
  written: Promise<void>;
}

/**
 * The writer's ingest log (write-ahead log): segment files under a directory of the process's own
 * (FLEETSCOPE_DATA_DIR/ingest-log) that hold every accepted batch until ClickHouse has committed
 * it. An append is acknowledged once its write() has returned, without fsync: the page cache
 * keeps it through a kill -9 or an OOM kill of the process, as it keeps ClickHouse's own
 * acknowledged inserts (MergeTree's fsync_after_insert is 0 by default), and neither survives a
 * host crash with unwritten pages. Appends that arrive while a write() runs go in the next one.
 * A full disk refuses new batches, and leaves room for the records of store attempts (RESERVE).
 * Written by hand: no maintained npm package offers an append-only segmented log with this
 * delete-after-commit lifecycle.
 */
export class IngestLog {
  private current: Segment;
  private readonly closed: number[] = [];
  private nextId: number;
  private isClosed = false;
  /**
   * Bytes of the reserve on disk, as last read from the file (each drain's remove() reads it
   * again: an operator may delete it); while it is not whole, batches are refused (appendLine()).
   */
  private reserve: number;
  private reserveTriedAt = 0;
  /**
   * A quota, not the disk, was full when a record last needed the reserve: statfs() does not see
   * a quota's room, so the reserve is filled again only when a drain removes segments.
   */
  private quotaFull = false;

  private constructor(
    readonly dir: string,
    /** Segments left by an earlier process, oldest first, with the documents they hold. */
    private readonly left: { id: number; documents: unknown[] }[],
  ) {
    this.nextId = left.reduce((max, s) => Math.max(max, s.id), 0) + 1;
    this.closed.push(...left.map((s) => s.id));
    this.current = this.openSegment();
    this.reserve = this.fillReserve();
  }

  /** Opens the log in `dir`, reading what an earlier process left in it. */
  static open(dir: string): IngestLog {
    mkdirSync(dir, { recursive: true });
    const left = readdirSync(dir)
      .map((name) => SEGMENT.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b)
      .map((id) => ({
        id,
        documents: parseSegment(readFileSync(join(dir, fileName(id)), 'utf8')),
      }));
    return new IngestLog(dir, left);
  }

  /**
   * The documents of the segments an earlier process left (not yet committed to ClickHouse when it
   * stopped), oldest first; a second call returns none. Their segments are removed with the next
   * `remove(rotate().ids)`.
   */
  leftOver(): unknown[] {
    // Handed over once: the writer holds them from here on.
    return this.left.splice(0).flatMap((s) => s.documents);
  }

  /** The segment appends go to now (a batch appended now lives in it). */
  get currentId(): number {
    return this.current.id;
  }

  /**
   * Appends one document as one JSON line; resolves once its write() has returned. The writer
   * appends its batches with appendLine(), as the bytes it already encoded.
   */
  append(document: unknown): Promise<void> {
    return this.appendLine((out) => out.put(JSON.stringify(document)));
  }

  /**
   * Appends one line that `put` writes into the segment's pending bytes (its newline is added
   * here); resolves once its write() has returned. What `put` wrote is taken back if it throws.
   * Refused while the reserve is not whole and cannot be filled again: its room is the records'.
   */
  appendLine(put: (out: LineBuffer) => void): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error('the ingest log is closed'));
    if (
      this.reserve < RESERVE_BYTES &&
      !this.quotaFull &&
      Date.now() - this.reserveTriedAt >= RESERVE_RETRY_MS
    ) {
      this.reserveTriedAt = Date.now();
      this.reserve = this.fillReserve();
    }
    if (this.reserve < RESERVE_BYTES) {
      const error = new Error(
        `ENOSPC: the ingest log's disk is full (${this.dir}): it accepts batches again once its ` +
          `reserve for the records of store attempts, ${this.reserve} of ${RESERVE_BYTES} bytes, is ` +
          `whole, and fills it when the disk has twice the missing bytes free`,
      );
      return Promise.reject(Object.assign(error, { code: 'ENOSPC' }));
    }
    return this.write(put);
  }

  /**
   * Appends a record the writer needs on disk before it stores (a store attempt). When the disk
   * is full, the record is written again alone (it may have shared the failed write with a large
   * batch), then in the reserve's room, given up a slice at a time; batches are refused from then
   * on until the reserve is whole again (a segment removed, or a second later, with room).
   */
  async appendRecord(document: unknown): Promise<void> {
    const put = (out: LineBuffer): void => out.put(JSON.stringify(document));
    for (let tries = 0; ; tries++) {
      try {
        return await this.write(put);
      } catch (error) {
        if (!isNoSpace(error) || (tries > 0 && !this.giveUpSlice())) throw error;
        if (tries > 0) this.quotaFull = (error as NodeJS.ErrnoException).code === 'EDQUOT';
      }
    }
  }

  private write(put: (out: LineBuffer) => void): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error('the ingest log is closed'));
    const segment = this.current;
    const start = segment.pending.length;
    try {
      put(segment.pending);
      segment.pending.put('\n');
    } catch (error) {
      // Nothing of a line that cannot be written is left for the write.
      segment.pending.length = start;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<void>((resolve, reject) => {
      segment.used = true;
      segment.waiters.push({ resolve, reject });
      this.pump(segment);
    });
  }

  /**
   * Starts a new segment for the appends from now on, and closes the current one. Every document
   * appended before this call is in the returned segments (with those left by an earlier process
   * and those whose flush failed): once their documents are committed, `remove()` them.
   */
  rotate(): ClosedSegments {
    const old = this.current;
    this.current = this.openSegment();
    this.closed.push(old.id);
    const written = writesDone(old).then(
      () => new Promise<void>((resolve) => close(old.fd, () => resolve())),
    );
    return { ids: [...this.closed], written };
  }

  /** Deletes committed segments; their room fills the reserve again if some was given up. */
  remove(ids: number[]): void {
    const gone = new Set(ids);
    for (const id of ids) rmSync(join(this.dir, fileName(id)), { force: true });
    const kept = this.closed.filter((id) => !gone.has(id));
    this.closed.length = 0;
    this.closed.push(...kept);
    if (ids.length === 0) return;
    this.reserve = this.fillReserve();
    if (this.reserve === RESERVE_BYTES) this.quotaFull = false;
  }

  /**
   * Closes the current segment once the writes under way have returned (its descriptor must not
   * be reused under them); an empty one is deleted. Appends after this are refused.
   */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    const segment = this.current;
    await writesDone(segment);
    closeSync(segment.fd);
    if (!segment.used) {
      rmSync(join(this.dir, fileName(segment.id)), { force: true });
    }
  }

  /**
   * Fills the reserve up to RESERVE_BYTES when the disk has room for that twice over (the reserve
   * must not be what fills the disk for a batch or for ClickHouse); returns its size on disk.
   */
  private fillReserve(): number {
    const missing = RESERVE_BYTES - this.reserveOnDisk();
    if (missing <= 0) return RESERVE_BYTES;
    try {
      const { bavail, bsize } = statfsSync(this.dir);
      if (bavail * bsize >= 2 * missing) {
        appendFileSync(join(this.dir, RESERVE), randomBytes(missing));
      }
    } catch {
      // No room after all: what was written of it is reserve too.
    }
    return this.reserveOnDisk();
  }

  /** The reserve's size as the file says (0 when it is gone). */
  private reserveOnDisk(): number {
    try {
      return statSync(join(this.dir, RESERVE)).size;
    } catch {
      return 0;
    }
  }

  /** Frees a slice of the reserve for a record; false when none is left. */
  private giveUpSlice(): boolean {
    // From the file: a reserve shrunk or deleted by hand frees nothing more.
    this.reserve = this.reserveOnDisk();
    if (this.reserve <= 0) return false;
    const left = Math.max(0, this.reserve - RESERVE_SLICE);
    try {
      truncateSync(join(this.dir, RESERVE), left);
    } catch {
      return false;
    }
    this.reserve = left;
    this.reserveTriedAt = Date.now();
    return true;
  }

  private openSegment(): Segment {
    const id = this.nextId++;
    const fd = openSync(join(this.dir, fileName(id)), 'a');
    return {
      id,
      fd,
      pending: new LineBuffer(),
      spare: undefined,
      waiters: [],
      writing: false,
      used: false,
      size: 0,
      torn: false,
      idle: [],
    };
  }

  /** One write() at a time per segment, carrying every line appended meanwhile. */
  private pump(segment: Segment): void {
    if (segment.writing) return;
    if (segment.pending.length === 0) {
      for (const done of segment.idle.splice(0)) done();
      return;
    }
    // Double buffering: appends during this write() fill the other buffer.
    const writing = segment.pending;
    const waiters = segment.waiters;
    segment.pending = segment.spare ?? new LineBuffer();
    segment.spare = undefined;
    segment.waiters = [];
    segment.writing = true;
    const bytes = segment.torn ? Buffer.concat([NEWLINE, writing.bytes()]) : writing.bytes();
    segment.torn = false;
    writeFully(segment.fd, bytes, (error) => {
      if (error) cutBack(segment);
      else
        segment.size = Number.isNaN(segment.size)
          ? fileSize(segment.fd)
          : segment.size + bytes.length;
      writing.clear();
      segment.spare = writing;
      segment.writing = false;
      // The lines appended meanwhile are refused too when the disk is full: not one of them was
      // acknowledged, and the room a record frees in the reserve must not go to them first.
      if (error && isNoSpace(error)) {
        for (const queued of segment.waiters) waiters.push(queued);
        segment.waiters = [];
        segment.pending.clear();
      }
      for (const w of waiters) {
        if (error) w.reject(error);
        else w.resolve();
      }
      this.pump(segment);
    });
  }
}

/** Resolves once nothing appended to the segment is left to write. */
function writesDone(segment: Segment): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!segment.writing && segment.pending.length === 0) resolve();
    else segment.idle.push(resolve);
  });
}

const OWNER = 'owner.pid';

/**
 * Opens the ingest log in `dir` for this process, or returns undefined when another live process
 * owns it (server mode, processes sharing FLEETSCOPE_DATA_DIR): this one then writes without a log,
 * acknowledging once ClickHouse has committed, and must not replay or delete the owner's segments.
 */
export function openIngestLog(
  dir: string,
  logger?: { warn(message: string): void },
): IngestLog | undefined {
  mkdirSync(dir, { recursive: true });
  const owner = liveOtherHolder(join(dir, OWNER));
  if (owner !== undefined) {
    logger?.warn(
      `ingest log ${dir} is owned by process ${owner}: this process acknowledges ingest once stored in ClickHouse`,
    );
    return undefined;
  }
  claimPidFile(join(dir, OWNER));
  return IngestLog.open(dir);
}

function fileName(id: number): string {
  return `${String(id).padStart(12, '0')}.log`;
}

/**
 * The complete lines of a segment. A last line without its newline was being written when the
 * process died: its append had not returned, so it was never acknowledged, and it is dropped.
 */
function parseSegment(text: string): unknown[] {
  const documents: unknown[] = [];
  const end = text.lastIndexOf('\n');
  for (const line of text.slice(0, end + 1).split('\n')) {
    if (line.length === 0) continue;
    try {
      documents.push(JSON.parse(line));
    } catch {
      // Only a torn write leaves an unparsable line; it was never acknowledged.
    }
  }
  return documents;
}

/**
 * After a failed write (a full disk), what it wrote of its lines is cut off: those appends were
 * refused, and the next line must not be glued to a torn one (which a replay could not parse,
 * losing an acknowledged batch with it). If the cut fails too, the next write starts a new line.
 */
function cutBack(segment: Segment): void {
  try {
    // Where the last whole write ended is unknown after a cut that failed: no cut then.
    if (Number.isNaN(segment.size)) throw new Error('size unknown');
    ftruncateSync(segment.fd, segment.size);
  } catch {
    segment.torn = true;
    segment.size = NaN;
  }
}

/** The file's size (NaN when it cannot be read: the next cut is then skipped). */
function fileSize(fd: number): number {
  try {
    return fstatSync(fd).size;
  } catch {
    return NaN;
  }
}

const NEWLINE = Buffer.from('\n');

/** A full disk, or a full quota. */
function isNoSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

function writeFully(fd: number, buffer: Buffer, done: (error: Error | null) => void): void {
  write(fd, buffer, 0, buffer.length, null, (error, written) => {
    if (error) return done(error);
    if (written < buffer.length) return writeFully(fd, buffer.subarray(written), done);
    done(null);
  });
}
