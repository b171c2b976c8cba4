import type { SpoolFile } from './spool-file.js';

const BLOCK_BYTES = 1 << 20;
/** How far ahead in reading order a block read looks for records it can serve too. */
const LOOKAHEAD = 1024;

/**
 * Reads records of a spool file in an order of its own (the report's), one block read serving every
 * upcoming record that lies in it: records come mostly in runs of the order they were written.
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
    // Without a known order ahead (migration records), the records near this one are likely next.
    let last = upcomingUnknown(upcoming)
      ? Math.max(end, Math.min(start + BLOCK_BYTES / 4, this.file.size))
      : end;
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

function upcomingUnknown(upcoming: (ahead: number) => number): boolean {
  return upcoming(1) === UNKNOWN;
}

/** `upcoming` result meaning: the reading order ahead is not known. */
export const UNKNOWN = -2;
