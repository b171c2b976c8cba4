/**
 * What an unchanged-check says of a value (parsed JSON) against the zod schema it was compiled from:
 * - REJECTED: zod would certainly refuse it;
 * - UNCHANGED: zod would accept it and return a value equal to it (same keys in the same order, nothing
 *   stripped, nothing added), so the value itself can stand for zod's output;
 * - UNSURE: anything else (an unknown key zod would strip, keys out of schema order, …): ask zod.
 * Only UNCHANGED lets a reader skip zod; REJECTED and UNSURE both go to zod, which words the error.
 */
export const REJECTED = 0;
export const UNSURE = 1;
export const UNCHANGED = 2;
export type Verdict = typeof REJECTED | typeof UNSURE | typeof UNCHANGED;

export type UnchangedCheck = (value: unknown) => Verdict;

/** A schema construct the compiler does not mirror: the caller validates with zod alone. */
export class UnsupportedSchemaError extends Error {}
