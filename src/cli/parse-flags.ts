import { isSeverity } from '../findings/severity.js';
import { InputError } from '../io/input-error.js';
import type { FailOn } from './exit-codes.js';

// Kept importable from here for the commands that already do; the strict parser lives in parse-now.ts.
export { parseNow } from './parse-now.js';

export function parseFailOn(value: string): FailOn {
  if (value === 'none' || isSeverity(value)) return value;
  throw new InputError(`--fail-on: "${value}" must be one of critical, high, medium, low, info, none`);
}

export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function parseChoiceList<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = parseList(value);
  if (items.length === 0) throw new InputError(`${flag}: give at least one of ${allowed.join(', ')}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new InputError(`${flag}: "${item}" is not one of ${allowed.join(', ')}`);
    }
  }
  return [...new Set(items)] as T[];
}

export function parsePositiveInt(flag: string, value: string): number {
  // Digits only: Number() would also take "0x10", "1e1" and " 8 ".
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InputError(`${flag}: "${value}" must be a positive whole number`);
  return n;
}
