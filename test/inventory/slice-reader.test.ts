import { describe, expect, it } from 'vitest';
import { failed, notCollected, ok } from '../../src/inventory/collection.js';
import { collectedData, describeGap, isCollected, sliceGap } from '../../src/inventory/slice-reader.js';

const describe2 = {
  failed: (e: { code: string }) => `failed ${e.code}`,
  notCollected: (r: string) => `nc ${r}`,
};

describe('the slice reader', () => {
  it('gives the data of a collected slice, null data included', () => {
    expect(collectedData(ok([1]))).toEqual([1]);
    expect(collectedData(ok(null))).toBeNull();
    expect(isCollected(ok(null))).toBe(true);
  });

  it('gives undefined for a failed or not-collected slice, never empty data', () => {
    expect(collectedData(failed<number[]>('AccessDenied', 'no'))).toBeUndefined();
    expect(collectedData(notCollected<number[]>('skipped'))).toBeUndefined();
    expect(isCollected(failed('X', 'y'))).toBe(false);
    expect(isCollected(notCollected('z'))).toBe(false);
  });

  it('describes a gap by kind, and no gap for a collected slice', () => {
    expect(describeGap(failed('AccessDenied', 'no'), describe2)).toBe('failed AccessDenied');
    expect(describeGap(notCollected('skipped'), describe2)).toBe('nc skipped');
    expect(describeGap(ok([]), describe2)).toBeNull();
    expect(sliceGap('iam.users', failed('AccessDenied', 'no'))).toBe('iam.users failed: AccessDenied: no');
    expect(sliceGap('iam.users', notCollected('x'))).toBe('iam.users not collected: x');
    expect(sliceGap('iam.users', ok([]))).toBeNull();
  });
});
