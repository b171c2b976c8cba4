import { describe, expect, it } from 'vitest';
import type { AccessMatrix, AccessRow } from '../../src/access-matrix/access-matrix-schema.js';
import { renderAccess } from '../../src/reporters/access/render-access.js';

const EVIL = '=cmd\n# injected heading\n<img src=x onerror=alert(1)> | cell | \u202e\u0007';

function row(principal: string, accountName: string): AccessRow {
  return {
    principal,
    principalKind: 'person',
    accountId: '111111111111',
    accountName,
    path: 'identity-center',
    via: 'group admins',
    permission: 'AdministratorAccess',
    adminEquivalent: true,
  };
}

function matrix(rows: AccessRow[]): AccessMatrix {
  return {
    schemaVersion: 1,
    organizationId: null,
    snapshotCollectedAt: '2026-11-20T00:00:00.000Z',
    filters: { person: null, account: null, permissionSet: null },
    rows,
    unknown: [{ accountId: '111111111111', slice: 'iam.users', reason: EVIL }],
  } as AccessMatrix;
}

describe('keysweep access --format md with hostile names', () => {
  it('keeps the document structure: same lines, headings and table columns, no raw HTML', () => {
    const plain = renderAccess(matrix([row('alice', 'prod')]), 'md').split('\n');
    const evil = renderAccess(matrix([row(EVIL, EVIL)]), 'md').split('\n');
    expect(evil.length).toBe(plain.length);
    const headings = (lines: string[]) => lines.filter((l) => l.startsWith('#'));
    expect(headings(evil)).toEqual(headings(plain));
    // Columns: unescaped pipes per line are the same as with plain names.
    const pipes = (l: string) => l.match(/(^|[^\\])\|/g)?.length ?? 0;
    expect(evil.map(pipes)).toEqual(plain.map(pipes));
    for (const line of evil) {
      expect(line).not.toMatch(/(^|[^\\])<img/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
      expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
    }
  });
});
