import { describe, expect, it } from 'vitest';
import { syntheticOrganization } from '../../bench/synthetic-organization.js';
import { buildAccessMatrix } from '../../src/access-matrix/access-matrix.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { parseSnapshot } from '../../src/inventory/streaming/read-snapshot-stream.js';
import { summarizeAccess, summarizeAccessOf } from '../../src/reporters/html/html-access-section.js';

describe('the HTML access summary taken row by row', () => {
  it('equals the summary of the whole matrix, for every cut (first rows, ties in matrix order)', async () => {
    const demo = await loadDemoSnapshot();
    const total = buildAccessMatrix(demo).rows.length;
    expect(total).toBeGreaterThan(20);
    for (const limit of [0, 1, 2, 3, 7, 20, total - 1, total, total + 5, 5_000]) {
      expect(summarizeAccessOf(demo, limit)).toEqual(summarizeAccess(buildAccessMatrix(demo), limit));
    }
  });

  it('equals it on a synthetic organization of many accounts', () => {
    const snapshot = parseSnapshot(JSON.parse(JSON.stringify(syntheticOrganization(12, 15))), 'synthetic');
    for (const limit of [0, 5, 33, 5_000]) {
      expect(summarizeAccessOf(snapshot, limit)).toEqual(summarizeAccess(buildAccessMatrix(snapshot), limit));
    }
  });
});
