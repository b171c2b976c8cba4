type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A typed array that doubles when full (the spool's per-finding columns). */
export class Column<T extends TypedArray> {
  private data: T;
  constructor(private readonly make: (length: number) => T) {
    this.data = make(1024);
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const grown = this.make(Math.max(index + 1, this.data.length * 2));
      grown.set(this.data as never);
      this.data = grown;
    }
    this.data[index] = value;
  }

  /** The first `length` values (a view; the column is not written after this). */
  values(length: number): T {
    return this.data.subarray(0, length) as T;
  }
}
