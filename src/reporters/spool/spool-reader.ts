import type { SpoolFile } from './spool-file.js';

const BLOCK_BYTES = 1 << 20;
/** How far ahead in reading order a block read looks for records it can serve too. */
const LOOKAHEAD = 1024;

/**
 * Reads records of a spool file in an order of its own (the report's), one block read serving every
 * upcoming record that lies in it: findings come mostly in runs of the order they were written.
 */
export class SpoolReader {
  private block = Buffer.alloc(0);
  private blockStart = 0;
  private blockEnd = 0;

  constructor(
    private readonly file: SpoolFile,
    private readonly offsets: Float64Array,
    private readonly lengths: Uint32Array,
  ) {}

  /** The text of record `record`; `upcoming(k)` is the record read k steps later (or -1). */
  text(record: number, upcoming: (ahead: number) => number): string {
    const start = this.offsets[record]!;
    const end = start + this.lengths[record]!;
    if (start < this.blockStart || end > this.blockEnd) this.load(start, end, upcoming);
    return this.block.toString('utf8', start - this.blockStart, end - this.blockStart);
  }

  private load(start: number, end: number, upcoming: (ahead: number) => number): void {
    let last = end;
    for (let k = 1; k <= LOOKAHEAD; k += 1) {
      const next = upcoming(k);
      if (next < 0) break;
      const nextStart = this.offsets[next]!;
      const nextEnd = nextStart + this.lengths[next]!;
      if (nextStart >= start && nextEnd <= start + BLOCK_BYTES && nextEnd > last) last = nextEnd;
    }
    const length = last - start;
    if (this.block.length < length) this.block = Buffer.allocUnsafe(Math.max(length, BLOCK_BYTES));
    this.file.read(this.block, start, length);
    this.blockStart = start;
    this.blockEnd = start + length;
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
