/**
 * Splits a JSON document, fed as byte chunks, into the elements of one array under a top-level key
 * (`{"accounts": [ {...}, {...} ]}`) and "the rest" (every other byte, that array left empty). It only
 * tracks strings, escapes, commas and nesting depth; parsing each element and the rest is JSON.parse's
 * job, which stays the judge of what is valid JSON.
 *
 * Why not a streaming token parser: on a 100k-user snapshot (100 MiB), @streamparser/json took 4.4 s to
 * emit the accounts where JSON.parse of the whole file takes 0.9 s; framing plus JSON.parse per account
 * costs about one JSON.parse, and memory stays bounded by one element, not the file.
 */
/** Where an element's bytes are in the file: [start, end). */
export interface ByteRange {
  start: number;
  end: number;
}

export type ElementSink = (parts: Buffer[], index: number, range: ByteRange) => void;

/** A top-level key whose value is framed: an array (its elements) or an object (its `"key": value` members). */
interface Target {
  key: string;
  kind: 'array' | 'object';
  sink: ElementSink;
  state: 'before' | 'inside' | 'after';
  count: number;
}

/** A structural problem the framer sees itself (an empty array slot); the reader names the file. */
export class FramingError extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MAX_KEY_BYTES = 64;
/**
 * "The rest" becomes one string for JSON.parse: past V8's string limit (~512 MB) that would be an
 * internal error, so a document that big outside its array is refused in one line first.
 */
export const MAX_REST_BYTES = 400 * 2 ** 20;

/** Bytes that may begin a JSON value (or separate values) outside any string or bracket. */
function mayStartValue(byte: number): boolean {
  return (
    isSpace(byte) ||
    byte === OPEN_OBJECT ||
    byte === OPEN_ARRAY ||
    byte === QUOTE ||
    byte === 0x2d || // -
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x74 || // t(rue)
    byte === 0x66 || // f(alse)
    byte === 0x6e // n(ull)
  );
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export class JsonArrayFramer {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private topIsObject = false;
  /** Bytes of the string being read at depth 1 (a possible key), while it is short. */
  private keyBytes: number[] | null = null;
  private lastString: string | null = null;
  private currentKey: string | null = null;
  private readonly targets: Target[];
  /** The target whose brackets the framer is inside (its elements are at depth 2). */
  private active: Target | null = null;
  /** Inside the array: whether the next thing may be an element, must be one (after a comma), or not. */
  private expect: 'first' | 'element' | 'separator' = 'first';
  private elementParts: Buffer[] | null = null;
  private elementStart = -1;
  /** File offset of the current element's first byte. */
  private elementFileStart = 0;
  private readonly rest: Buffer[] = [];
  private restBytes = 0;
  private restStart = 0;
  /** Bytes read before the current chunk (for the offset in messages). */
  private offset = 0;
  /** Position of the next backslash in the current chunk (amortizes indexOf to one pass a chunk). */
  private nextBackslash = -1;

  /**
   * `key`'s array elements go to `sink`; with `members`, the members of the object under that other
   * top-level key go to its sink, each as the bytes of `"name": value` (wrap them in braces to parse).
   */
  constructor(
    private readonly key: string,
    sink: ElementSink,
    private readonly maxRestBytes = MAX_REST_BYTES,
    members?: { key: string; sink: ElementSink },
  ) {
    this.targets = [{ key, kind: 'array', sink, state: 'before', count: 0 }];
    if (members) this.targets.push({ ...members, kind: 'object', state: 'before', count: 0 });
  }

  /** True while a string or a bracket is still open: at the end of the file, it was cut short. */
  get truncated(): boolean {
    return this.depth > 0 || this.inString;
  }

  /** Whether the array under the key was found (and closed). */
  get arrayFound(): boolean {
    return this.targets[0]!.state === 'after';
  }

  write(chunk: Buffer): void {
    this.restStart = this.elementParts ? -1 : 0;
    this.elementStart = this.elementParts ? 0 : -1;
    this.nextBackslash = -2;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        i = this.scanString(chunk, i);
        continue;
      }
      if (this.depth >= 3) {
        i = this.skipNested(chunk, i);
        continue;
      }
      const byte = chunk[i]!;
      // Outside every bracket a file of zeros or binary fails at its first byte, not after reading it all.
      if (this.depth === 0 && !mayStartValue(byte)) {
        throw new FramingError(
          `unexpected byte 0x${byte.toString(16).padStart(2, '0')} at offset ${this.offset + i}`,
        );
      }
      if (this.active && this.depth === 2 && this.separator(this.active, chunk, byte, i)) {
        i += 1;
        continue;
      }
      this.structural(byte);
      i += 1;
    }
    if (this.elementStart >= 0) this.elementParts!.push(chunk.subarray(this.elementStart));
    if (this.restStart >= 0) this.keepRest(chunk, this.restStart, n);
    this.offset += n;
  }

  /** Copied: a view would keep the whole (megabyte) chunk alive for the few bytes of the rest in it. */
  private keepRest(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.restBytes += to - from;
    if (this.restBytes > this.maxRestBytes) {
      throw new FramingError(
        `more than ${(this.maxRestBytes / 2 ** 20).toFixed(0)} MiB outside the "${this.key}" array (is this a keysweep file?)`,
      );
    }
    this.rest.push(Buffer.from(chunk.subarray(from, to)));
  }

  /** Every byte outside the array's elements: the document with that array left empty. */
  restText(): string {
    return Buffer.concat(this.rest).toString('utf8');
  }

  /** At the target's own depth: starts and ends elements; true when the byte (a comma) is consumed. */
  private separator(target: Target, chunk: Buffer, byte: number, i: number): boolean {
    const close = target.kind === 'array' ? CLOSE_ARRAY : CLOSE_OBJECT;
    if (this.elementParts) {
      if (byte !== COMMA && byte !== close) return false;
      this.endElement(target, chunk, i);
      if (byte === close) return false;
      this.expect = 'element';
      this.restStart = i + 1;
      return true;
    }
    if (isSpace(byte)) return false;
    if (byte === COMMA) throw new FramingError(`empty element in "${target.key}" (a stray comma)`);
    if (byte === close) {
      if (this.expect === 'element') throw new FramingError(`trailing comma in "${target.key}"`);
      return false;
    }
    this.startElement(chunk, i);
    return false;
  }

  private structural(byte: number): void {
    switch (byte) {
      case QUOTE:
        this.inString = true;
        this.keyBytes = this.depth === 1 && this.topIsObject ? [] : null;
        return;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (this.depth === 0 && byte === OPEN_OBJECT) this.topIsObject = true;
        if (this.depth === 1 && this.topIsObject) this.enter(byte === OPEN_ARRAY ? 'array' : 'object');
        this.depth += 1;
        return;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        this.depth -= 1;
        if (this.depth === 1 && this.active) {
          this.active.state = 'after';
          this.active = null;
        }
        return;
      case COLON:
        if (this.depth === 1) this.currentKey = this.lastString;
        return;
      case COMMA:
        if (this.depth === 1) this.currentKey = null;
        return;
    }
  }

  /** A bracket opening the value of a top-level key: framed when that key is a target of this kind. */
  private enter(kind: Target['kind']): void {
    const target = this.targets.find(
      (t) => t.key === this.currentKey && t.kind === kind && t.state === 'before',
    );
    if (!target) return;
    target.state = 'inside';
    this.active = target;
    this.expect = 'first';
  }

  /**
   * Deep inside an element (depth 3 and more) only strings and brackets matter: one tight loop over them,
   * short strings scanned here rather than by an `indexOf` call each (most of a snapshot's bytes are
   * here). Returns where the general loop goes on: just past the bracket that leaves depth 3, at a string still
   * open at the chunk's end (the state says so), or at the chunk's end.
   */
  private skipNested(chunk: Buffer, from: number): number {
    let i = from;
    let depth = this.depth;
    const n = chunk.length;
    while (i < n) {
      const byte = chunk[i]!;
      if (byte === QUOTE) {
        this.lastString = null;
        i += 1;
        while (i < n) {
          const c = chunk[i]!;
          if (c === QUOTE) break;
          i += c === BACKSLASH ? 2 : 1;
        }
        if (i >= n) {
          // The string goes on in the next chunk (after an escape when the backslash was the last byte).
          this.inString = true;
          this.escaped = i > n;
          this.keyBytes = null;
          this.depth = depth;
          return n;
        }
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        depth += 1;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth -= 1;
        if (depth < 3) {
          i += 1;
          break;
        }
      }
      i += 1;
    }
    this.depth = depth;
    return i;
  }

  /** Advances through a string to just past its closing quote, or to the chunk's end. */
  private scanString(chunk: Buffer, from: number): number {
    let i = from;
    const n = chunk.length;
    while (i < n) {
      if (this.escaped) {
        this.escaped = false;
        this.keyBytes?.push(chunk[i]!);
        i += 1;
        continue;
      }
      const quote = chunk.indexOf(QUOTE, i);
      if (this.nextBackslash !== -1 && this.nextBackslash < i)
        this.nextBackslash = chunk.indexOf(BACKSLASH, i);
      const backslash = this.nextBackslash;
      const stop = backslash >= 0 && (quote < 0 || backslash < quote) ? backslash : quote;
      if (this.keyBytes) this.collectKey(chunk, i, stop < 0 ? n : stop);
      if (stop < 0) return n;
      if (stop === backslash) {
        this.escaped = true;
        i = stop + 1;
        continue;
      }
      this.inString = false;
      this.lastString = this.keyBytes ? Buffer.from(this.keyBytes).toString('utf8') : null;
      this.keyBytes = null;
      return stop + 1;
    }
    return n;
  }

  private collectKey(chunk: Buffer, from: number, to: number): void {
    if (to - from + this.keyBytes!.length > MAX_KEY_BYTES) {
      this.keyBytes = null;
      return;
    }
    for (let k = from; k < to; k += 1) this.keyBytes!.push(chunk[k]!);
  }

  private startElement(chunk: Buffer, i: number): void {
    if (this.restStart >= 0) this.keepRest(chunk, this.restStart, i);
    this.restStart = -1;
    this.elementParts = [];
    this.elementStart = i;
    this.elementFileStart = this.offset + i;
    this.expect = 'separator';
  }

  private endElement(target: Target, chunk: Buffer, i: number): void {
    const parts = this.elementParts!;
    if (this.elementStart >= 0) parts.push(chunk.subarray(this.elementStart, i));
    this.elementParts = null;
    this.elementStart = -1;
    this.restStart = i;
    // An element ends at the separator: trailing whitespace inside the range is harmless to JSON.parse.
    target.sink(parts, target.count, { start: this.elementFileStart, end: this.offset + i });
    target.count += 1;
  }
}
