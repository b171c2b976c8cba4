/** Strings numbered in order of first appearance (rule ids, account ids: a few per million findings). */
export class Interned {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  of(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
    }
    return n;
  }
}
