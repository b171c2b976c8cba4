/** Size of the chunks a large report is written in: large enough that each write call is worth it. */
export const UTF8_CHUNK_BYTES = 1024 * 1024;

/**
 * Text and ready-made bytes packed into large UTF-8 chunks, for reports of hundreds of megabytes.
 *
 * Why not strings joined and turned into bytes when written: at 100k IAM users report.csv and report.json
 * were chunks of 100 rows built with `+=`, i.e. cons strings of thousands of pieces, and one `→` in a
 * chunk (rule fix steps say "IAM console → Users") made the whole flattened chunk two-byte. Flattening
 * and encoding those took ~1.8 s of the five-format scan. Here each piece is encoded once, straight into
 * a large buffer (text a rule repeats for every finding can be encoded once and copied as bytes), and no
 * buffer is allocated per piece.
 *
 * A chunk always ends between two pieces, so each chunk is valid UTF-8 on its own. Bytes equal
 * Buffer.from(text) of the whole text (lone surrogates become U+FFFD in both).
 */
export class Utf8Chunks {
  private chunk: Buffer;
  private used = 0;
  private readonly full: Buffer[] = [];

  constructor(private readonly chunkBytes = UTF8_CHUNK_BYTES) {
    this.chunk = newChunk(chunkBytes);
  }

  /** Appends text, encoded as UTF-8. */
  text(text: string): void {
    // A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 units).
    this.room(text.length * 3);
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** Appends bytes encoded beforehand (see utf8Bytes): text repeated for many findings is encoded once. */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Whether a chunk is filled (checked before `yield* filled()`: a generator per piece is garbage). */
  get hasFilled(): boolean {
    return this.full.length > 0;
  }

  /** The chunks filled so far, each handed out once (the caller yields them after every few pieces). */
  *filled(): Generator<Uint8Array> {
    while (this.full.length > 0) yield this.full.shift()!;
  }

  /** Every chunk, the last one partly filled; the builder is empty afterwards. */
  *rest(): Generator<Uint8Array> {
    if (this.used > 0) {
      this.full.push(this.chunk.subarray(0, this.used));
      // No buffer taken for a next chunk that may never come (text appended later takes one).
      this.chunk = NO_CHUNK;
      this.used = 0;
    }
    yield* this.filled();
  }

  private room(bytes: number): void {
    if (this.used + bytes > this.chunk.length) this.finish(Math.max(bytes, this.chunkBytes));
  }

  private finish(nextBytes: number): void {
    if (this.used > 0) this.full.push(this.chunk.subarray(0, this.used));
    // A new buffer: the one handed out is written to disk while the next is being filled.
    if (this.used > 0 || this.chunk.length < nextBytes) this.chunk = newChunk(nextBytes);
    this.used = 0;
  }
}

/**
 * Chunk buffers written and given back (releaseChunk), for the next chunks: a report of hundreds of
 * megabytes is written through a few buffers instead of thousands. A few only: more in the pool than
 * in flight would be memory kept for nothing.
 */
const pool: Buffer[] = [];
const NO_CHUNK = Buffer.alloc(0);
const POOL_SIZE = 8;
const pooled = new WeakSet<ArrayBufferLike>();

function newChunk(bytes: number): Buffer {
  if (bytes === UTF8_CHUNK_BYTES) {
    const reused = pool.pop();
    if (reused) return reused;
    // Not allocUnsafe's shared pool (chunks are larger than its slabs anyway): a buffer of its own.
    const fresh = Buffer.allocUnsafeSlow(bytes);
    pooled.add(fresh.buffer);
    return fresh;
  }
  return Buffer.allocUnsafeSlow(bytes);
}

/**
 * Gives a chunk handed out by Utf8Chunks back for reuse, once its bytes were written and nothing holds it
 * any more (only the file writer, which drops it, calls this); any other bytes are left alone.
 */
export function releaseChunk(chunk: Uint8Array): void {
  if (!pooled.has(chunk.buffer) || pool.length >= POOL_SIZE) return;
  if (!pool.some((b) => b.buffer === chunk.buffer)) pool.push(Buffer.from(chunk.buffer, 0, UTF8_CHUNK_BYTES));
}

/** Text as UTF-8 bytes, for Utf8Chunks.bytes. */
export function utf8Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Whether text is ASCII (its UTF-8 bytes are its characters): such text is cheaper kept as a string. */
export function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

/** Chunks (of text or UTF-8 bytes) as one string, for small reports and tests. */
export function chunksText(chunks: Iterable<string | Uint8Array>): string {
  const parts: Buffer[] = [];
  for (const chunk of chunks)
    parts.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
    );
  return Buffer.concat(parts).toString('utf8');
}
