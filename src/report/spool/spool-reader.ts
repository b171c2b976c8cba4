import type { SpoolFile } from './spool-file.js';

const BLOCK_BYTES = 1 << 20;
/** How far ahead in reading order a block read looks for records it can serve too. */
const LOOKAHEAD = 1024;

/**
 * Reads records kept in one or more spool files in an order of its own (the report's), one block read
 * serving every upcoming record of the same file that fits in it with the one asked for.
 */
export class SpoolReader {
  private block = Buffer.alloc(0);
  private blockFile = -1;
  private blockStart = 0;
  private blockEnd = 0;

  /** `fileOf(record)`: the index in `files` of the file holding the record. */
  constructor(
    private readonly files: readonly SpoolFile[],
    private readonly fileOf: (record: number) => number,
    private readonly offsets: Float64Array,
    private readonly lengths: Uint32Array,
  ) {}

  /** The text of record `record`; `upcoming(k)` is the record read k steps later (or -1). */
  text(record: number, upcoming: (ahead: number) => number): string {
    const file = this.fileOf(record);
    const start = this.offsets[record]!;
    const end = start + this.lengths[record]!;
    if (file !== this.blockFile || start < this.blockStart || end > this.blockEnd) {
      this.load(file, start, end, upcoming);
    }
    return this.block.toString('utf8', start - this.blockStart, end - this.blockStart);
  }

  /**
   * Reads one block holding the record and as many of the next LOOKAHEAD records of its file as fit in
   * BLOCK_BYTES with it, on either side of it (report order may permute records written together).
   */
  private load(file: number, start: number, end: number, upcoming: (ahead: number) => number): void {
    let low = start;
    let high = end;
    for (let k = 1; k <= LOOKAHEAD; k += 1) {
      const next = upcoming(k);
      if (next < 0) break;
      if (this.fileOf(next) !== file) continue;
      const nextStart = this.offsets[next]!;
      const nextEnd = nextStart + this.lengths[next]!;
      const from = Math.min(low, nextStart);
      const to = Math.max(high, nextEnd);
      if (to - from <= BLOCK_BYTES) {
        low = from;
        high = to;
      }
    }
    const length = high - low;
    if (this.block.length < length) this.block = Buffer.allocUnsafe(Math.max(length, BLOCK_BYTES));
    this.files[file]!.read(this.block, low, length);
    this.blockFile = file;
    this.blockStart = low;
    this.blockEnd = high;
  }
}

const PAGE_BYTES = 1 << 16;
const PAGES = 128;

/**
 * Reads records in an order not known ahead (migration advice, looked up per finding) through a small
 * cache of aligned pages, least recently used out: lookups come in a few interleaved runs (one per rule
 * that first gave a user advice), each of which keeps its page.
 */
export class SpoolPageReader {
  private readonly pages = new Map<number, Buffer>();

  constructor(
    private readonly file: SpoolFile,
    private readonly offsets: Float64Array,
    private readonly lengths: Uint32Array,
  ) {}

  text(record: number): string {
    const start = this.offsets[record]!;
    const end = start + this.lengths[record]!;
    const page = Math.floor(start / PAGE_BYTES);
    if (Math.floor((end - 1) / PAGE_BYTES) !== page) {
      // Across two pages: read on its own.
      const buffer = Buffer.allocUnsafe(end - start);
      this.file.read(buffer, start, end - start);
      return buffer.toString('utf8');
    }
    let buffer = this.pages.get(page);
    if (buffer) {
      this.pages.delete(page);
    } else {
      let reused: Buffer | undefined;
      if (this.pages.size >= PAGES) {
        const oldest = this.pages.keys().next().value!;
        reused = this.pages.get(oldest);
        this.pages.delete(oldest);
      }
      buffer = reused ?? Buffer.allocUnsafe(PAGE_BYTES);
      const pageStart = page * PAGE_BYTES;
      this.file.read(buffer, pageStart, Math.min(PAGE_BYTES, this.file.size - pageStart));
    }
    this.pages.set(page, buffer);
    const offset = start - page * PAGE_BYTES;
    return buffer.toString('utf8', offset, offset + end - start);
  }
}
