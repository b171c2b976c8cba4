/**
 * The spool's per-finding numbers while findings come in: one typed array per field, all grown together
 * (doubled when full). Each field is written at its own site (`columns.rule[i] = …`), so every store sees
 * one kind of typed array: a generic "column" class with one `set` for all of them made that store
 * megamorphic, ~2.5 s of a 1M-user scan.
 */
export class GrowingColumns {
  private capacity = 1024;
  severity = new Uint8Array(this.capacity);
  rule = new Uint16Array(this.capacity);
  account = new Uint32Array(this.capacity);
  resourceType = new Uint16Array(this.capacity);
  offset = new Float64Array(this.capacity);
  length = new Uint32Array(this.capacity);
  migration = new Int32Array(this.capacity);
  flags = new Uint8Array(this.capacity);

  /** Makes room for the finding at `index` (findings come in order: index ≤ the count so far). */
  room(index: number): void {
    if (index < this.capacity) return;
    this.capacity = Math.max(index + 1, this.capacity * 2);
    this.severity = grown(this.severity, new Uint8Array(this.capacity));
    this.rule = grown(this.rule, new Uint16Array(this.capacity));
    this.account = grown(this.account, new Uint32Array(this.capacity));
    this.resourceType = grown(this.resourceType, new Uint16Array(this.capacity));
    this.offset = grown(this.offset, new Float64Array(this.capacity));
    this.length = grown(this.length, new Uint32Array(this.capacity));
    this.migration = grown(this.migration, new Int32Array(this.capacity));
    this.flags = grown(this.flags, new Uint8Array(this.capacity));
  }
}

/** `to` (a larger typed array) with `from`'s values at its start. */
export function grown<T extends { set(values: ArrayLike<number>): void }>(from: ArrayLike<number>, to: T): T {
  to.set(from);
  return to;
}
