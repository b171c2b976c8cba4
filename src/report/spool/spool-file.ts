import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileErrorReason, writeFailureCode } from '../../io/file-error-reason.js';
import { InputError } from '../../io/input-error.js';

const FLUSH_BYTES = 1 << 20;

/**
 * An append-only file of text records in a private temporary directory: records are appended as
 * strings and read back by byte range. Removed by `remove()` (and never holds secrets: findings and
 * advice only).
 */
export class SpoolFile {
  private readonly dir: string;
  private readonly fd: number;
  /** Records appended and not yet written, encoded once into this buffer (grown for a record larger than it). */
  private pending: Buffer;
  private pendingBytes = 0;
  /** Bytes appended so far (flushed or not): the next record's offset. */
  size = 0;

  /** `flushBytes`: how much is appended before it is written out. */
  constructor(
    name: string,
    private readonly flushBytes = FLUSH_BYTES,
  ) {
    this.pending = Buffer.allocUnsafe(flushBytes);
    try {
      this.dir = mkdtempSync(join(tmpdir(), 'keysweep-spool-'));
    } catch (error) {
      throw spoolWriteError(error);
    }
    removeOnExit(this);
    try {
      this.fd = openSync(join(this.dir, name), 'w+', 0o600);
    } catch (error) {
      rmSync(this.dir, { recursive: true, force: true });
      open.delete(this);
      throw spoolWriteError(error);
    }
  }

  /**
   * Appends a record; returns its byte length (its offset is `size` before the call). The text is encoded
   * once, straight into the pending buffer: a UTF-16 code unit is at most 3 bytes of UTF-8, so a record
   * gets that much room before it is written (measuring it first, then joining and encoding the pending
   * records, went over each record three times).
   */
  append(text: string): number {
    const room = text.length * 3;
    if (this.pendingBytes + room > this.pending.length) {
      this.flush();
      if (room > this.pending.length) this.pending = Buffer.allocUnsafe(room);
    }
    const bytes = this.pending.write(text, this.pendingBytes, 'utf8');
    this.pendingBytes += bytes;
    this.size += bytes;
    if (this.pendingBytes >= this.flushBytes) this.flush();
    return bytes;
  }

  flush(): void {
    if (this.pendingBytes === 0) return;
    const buffer = this.pending;
    const length = this.pendingBytes;
    let written = 0;
    const start = this.size - length;
    try {
      while (written < length) {
        written += writeSync(this.fd, buffer, written, length - written, start + written);
      }
    } catch (error) {
      throw spoolWriteError(error);
    }
    this.pendingBytes = 0;
  }

  /** Reads `length` bytes at `offset` into `target` (flushed records only). */
  read(target: Buffer, offset: number, length: number): void {
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, target, done, length - done, offset + done);
      if (n === 0) throw new Error(`spool file ended at ${offset + done} of ${offset + length}`);
      done += n;
    }
  }

  remove(): void {
    if (!open.delete(this)) return;
    this.pendingBytes = 0;
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * A temporary file that cannot be written (full disk, quota): one line saying where and what to do
 * (exit 2); the scan's finally and the exit hook remove what was written.
 */
function spoolWriteError(error: unknown): unknown {
  const code = writeFailureCode(error);
  if (!code) return error;
  return new InputError(
    `cannot write temporary files in ${tmpdir()}: ${fileErrorReason(code)} (${code}); ` +
      'a scan of a very large organization keeps its findings there: set TMPDIR to a directory with room',
  );
}

/** Spool files not removed yet: removed when the process exits or is interrupted, however it ends. */
const open = new Set<SpoolFile>();
let hooked = false;

function removeOnExit(file: SpoolFile): void {
  open.add(file);
  if (hooked) return;
  hooked = true;
  process.once('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeAll();
      // Die of the signal as if keysweep had not handled it (exit status 128 + signal).
      process.kill(process.pid, signal);
    });
  }
}

function removeAll(): void {
  for (const file of [...open]) file.remove();
}
