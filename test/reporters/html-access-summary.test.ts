import { describe, expect, it } from 'vitest';
import { buildAccessMatrix } from '../../src/access-matrix/access-matrix.js';
import type { AccessMatrix } from '../../src/access-matrix/access-matrix-schema.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { adminPeopleByAccount } from '../../src/reporters/access/render-access.js';
import {
  accessSection,
  MAX_ACCESS_ROWS,
  summarizeAccess,
} from '../../src/reporters/html/html-access-section.js';

/** The demo matrix repeated with numbered principals until it is larger than the page shows. */
async function largeMatrix(): Promise<AccessMatrix> {
  const demo = buildAccessMatrix(await loadDemoSnapshot());
  const rows = [];
  for (let copy = 0; rows.length <= MAX_ACCESS_ROWS * 2; copy += 1) {
    for (const row of demo.rows) rows.push({ ...row, principal: `${row.principal}-${copy}` });
  }
  return { ...demo, rows };
}

describe('the access section of report.html for a large organization', () => {
  it('keeps only what the page shows, with the whole matrix counted', async () => {
    const matrix = await largeMatrix();
    const summary = summarizeAccess(matrix);
    expect(summary.shown).toEqual(matrix.rows.slice(0, MAX_ACCESS_ROWS));
    expect(summary.totalRows).toBe(matrix.rows.length);
    const admins = adminPeopleByAccount(matrix)[0]!;
    expect(summary.topAdminAccounts[0]).toEqual({
      accountName: admins.accountName,
      people: admins.people.length,
    });
  });

  it('renders the same section from the summary as from the matrix, offering only people on the page', async () => {
    const matrix = await largeMatrix();
    const html = accessSection(summarizeAccess(matrix));
    expect(accessSection(matrix)).toBe(html);
    expect(html).toContain(`Showing ${MAX_ACCESS_ROWS} of ${matrix.rows.length} rows`);
    const offered = [...html.matchAll(/<option value="([^"]*)">/g)].map((m) => m[1]);
    const last = matrix.rows.at(-1)!.principal;
    expect(offered).not.toContain(last);
    expect(offered).toContain(matrix.rows[0]!.principal);
  });
});
