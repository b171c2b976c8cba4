import { z } from 'zod';

/**
 * How a slice of the inventory was obtained. A slice that failed is never read as "nothing there":
 * the rule engine reports rules that need it as not evaluated.
 */
export const collectionErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
});
export type CollectionError = z.infer<typeof collectionErrorSchema>;

/** The schema of a slice of data `T`: collected (ok), failed, or not collected. */
export type SliceSchema<T extends z.ZodType> = z.ZodDiscriminatedUnion<
  [
    z.ZodObject<{ status: z.ZodLiteral<'ok'>; data: T }, z.core.$strip>,
    z.ZodObject<{ status: z.ZodLiteral<'failed'>; error: typeof collectionErrorSchema }, z.core.$strip>,
    z.ZodObject<{ status: z.ZodLiteral<'not_collected'>; reason: z.ZodString }, z.core.$strip>,
  ],
  'status'
>;

/** Wraps a piece of data with the outcome of collecting it. */
export function slice<T extends z.ZodType>(data: T): SliceSchema<T> {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), data }),
    z.object({ status: z.literal('failed'), error: collectionErrorSchema }),
    z.object({ status: z.literal('not_collected'), reason: z.string() }),
  ]);
}

export type Slice<T> =
  | { status: 'ok'; data: T }
  | { status: 'failed'; error: CollectionError }
  | { status: 'not_collected'; reason: string };

export function ok<T>(data: T): Slice<T> {
  return { status: 'ok', data };
}
export function failed<T>(code: string, message: string): Slice<T> {
  return { status: 'failed', error: { code, message } };
}
/**
 * A slice left out because whoever ran keysweep asked for that (`collect --no-usage`): rules that need
 * it are still listed as not evaluated, but the account is not a collection gap.
 */
export const SKIPPED_ON_REQUEST = 'skipped on request: ';

export function skippedOnRequest(slice: Slice<unknown>): boolean {
  return slice.status === 'not_collected' && slice.reason.startsWith(SKIPPED_ON_REQUEST);
}

export function notCollected<T>(reason: string): Slice<T> {
  return { status: 'not_collected', reason };
}
