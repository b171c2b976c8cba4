import type { CollectionError, Slice } from './collection.js';

/**
 * The one reader of a slice's collection status. Rules (through the engine's `slice` and
 * `sliceIfCollected`), derivations, the migration kit, the access matrix, drift and the report all
 * unwrap a slice here, so a slice that failed or was not collected is "unknown" the same way
 * everywhere and never reads as "nothing there". `test/architecture/slice-reader.test.ts` fails on a
 * status check written by hand outside the inventory and the collectors.
 */

/** A slice that was collected, with its data. */
export type CollectedSlice<T> = Extract<Slice<T>, { status: 'ok' }>;

/** True when the slice was collected (its data may still be null where the schema says so). */
export function isCollected<T>(slice: Slice<T>): slice is CollectedSlice<T> {
  return slice.status === 'ok';
}

/** Data of a slice when it was collected, else undefined. */
export function collectedData<T>(slice: Slice<T>): T | undefined {
  return slice.status === 'ok' ? slice.data : undefined;
}

/** How to describe a slice that has no data: it failed (with the error) or was not collected (with why). */
export interface GapDescription<R> {
  failed(error: CollectionError): R;
  notCollected(reason: string): R;
}

/** Describes why a slice has no data; null when it was collected. */
export function describeGap<R>(slice: Slice<unknown>, describe: GapDescription<R>): R | null {
  if (slice.status === 'failed') return describe.failed(slice.error);
  if (slice.status === 'not_collected') return describe.notCollected(slice.reason);
  return null;
}

/** Why a slice has no data ("failed: AccessDenied: …", "not collected: …"); null when it has. */
export function sliceGap(name: string, slice: Slice<unknown>): string | null {
  return describeGap(slice, {
    failed: (error) => `${name} failed: ${error.code}: ${error.message}`,
    notCollected: (reason) => `${name} not collected: ${reason}`,
  });
}
