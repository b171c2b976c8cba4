import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  anAccessKey,
  anAccount,
  anApplication,
  anIamSlice,
  anIdentityCenter,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { ACCESS_SCHEMA_PATH } from '../../scripts/generate-access-schema.js';
import { buildAccessMatrix } from '../../src/access-matrix/access-matrix.js';
import { failed, notCollected } from '../../src/inventory/collection.js';
import { renderAccess } from '../../src/reporters/access/render-access.js';

const EVIL = '=HYPERLINK("http://x")|pipe\n<script>alert(1)</script>';
const store = {
  users: [
    { userId: 'u-1', userName: EVIL, displayName: null, emails: [] },
    { userId: 'u-2', userName: 'bob', displayName: null, emails: [] },
    { userId: 'u-3', userName: 'carol', displayName: null, emails: [] },
  ],
  groups: [{ groupId: 'g-dev', displayName: `dev ${EVIL}`, description: null }],
  memberships: [
    { groupId: 'g-dev', userId: 'u-1' },
    { groupId: 'g-dev', userId: 'u-2' },
  ],
};
const wiki = anApplication({
  id: 'apl-wiki',
  name: `wiki ${EVIL}`,
  assignments: [
    { principalType: 'GROUP', principalId: 'g-dev' },
    { principalType: 'USER', principalId: 'u-3' },
    { principalType: 'USER', principalId: 'u-deleted' },
  ],
});
const open = anApplication({ id: 'apl-open', name: 'open', assignmentRequired: false });
const unread = anApplication({
  id: 'apl-unread',
  name: 'unread',
  assignmentRequired: null,
  assignments: null,
  unread: ['assignments: AccessDeniedException: no'],
});

const jane = aUser({
  userName: 'jane',
  passwordEnabled: true,
  accessKeys: [anAccessKey(), anAccessKey({ accessKeyId: 'AKIAOLD', status: 'Inactive' })],
});
function organization(iamParts: Parameters<typeof anIamSlice>[0] = {}) {
  return aSnapshot({
    accounts: [anAccount({ iam: anIamSlice({ users: [jane], ...iamParts }) })],
    identityCenter: anIdentityCenter({ identityStore: store, applications: [wiki, open, unread] }),
  });
}

describe('access matrix: Identity Center applications are access, not accounts', () => {
  it('one row per person (groups expanded), one for the whole directory, unknowns listed', () => {
    const matrix = buildAccessMatrix(organization());
    const appRows = matrix.rows.filter((r) => r.path === 'identity-center-application');
    expect(appRows.map((r) => [r.application?.name, r.principal, r.via, r.accountId])).toEqual([
      ['wiki =HYPERLINK("http://x")|pipe\n<script>alert(1)</script>', EVIL, `group dev ${EVIL}`, ''],
      ['wiki =HYPERLINK("http://x")|pipe\n<script>alert(1)</script>', 'bob', `group dev ${EVIL}`, ''],
      ['wiki =HYPERLINK("http://x")|pipe\n<script>alert(1)</script>', 'carol', 'direct assignment', ''],
      ['open', 'every directory user (3)', 'assignment not required', ''],
    ]);
    expect(appRows.every((r) => r.adminEquivalent === false && r.principalKind === 'person')).toBe(true);
    expect(matrix.unknown.map((g) => g.reason)).toEqual([
      'unread: assignments not read (assignments: AccessDeniedException: no)',
      'unread: whether assignment is required was not read (assignments: AccessDeniedException: no)',
    ]);
    // Filtering by an account leaves application access out: it is not access to that account.
    expect(
      buildAccessMatrix(organization(), { account: '111111111111' }).rows.some((r) => r.application),
    ).toBe(false);
  });

  it('applications not collected: unknown, no rows', () => {
    const snapshot = organization();
    snapshot.identityCenter.applications = notCollected('older keysweep');
    const matrix = buildAccessMatrix(snapshot);
    expect(matrix.rows.some((r) => r.path === 'identity-center-application')).toBe(false);
    expect(matrix.unknown).toContainEqual({
      accountId: null,
      slice: 'sso.applications',
      reason: 'application access unknown: sso.applications not collected: older keysweep',
    });
  });

  it('CSV (csv-parse), JSON (ajv against the published schema) and Markdown keep hostile names inert', async () => {
    const matrix = buildAccessMatrix(organization());
    const rows = parse(renderAccess(matrix, 'csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(matrix.rows.length);
    const evilRow = rows.find((r) => r.principal?.includes('HYPERLINK'))!;
    // Formula-leading cells are neutralized, the newline and pipe survive inside one quoted cell.
    expect(evilRow.principal!.startsWith('=')).toBe(false);
    expect(evilRow.principal).toContain('\n<script>');
    expect(evilRow.application).toMatch(
      /^wiki =HYPERLINK.*\(arn:aws:sso::000000000000:application\/.*apl-wiki\)$/s,
    );
    expect(evilRow.path).toBe('identity-center-application');
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(ACCESS_SCHEMA_PATH, 'utf8')));
    expect(validate(JSON.parse(renderAccess(matrix, 'json'))), JSON.stringify(validate.errors)).toBe(true);
    const md = renderAccess(matrix, 'md');
    expect(md).not.toContain('<script>');
    const section = md.split('## Identity Center applications (application access, not accounts)')[1]!;
    const table = section.split('\n\n')[1]!.split('\n');
    expect(table.slice(2).map((l) => l.split(/(?<!\\)\|/).length)).toEqual([5, 5]);
    expect(table[2]).toMatch(/^\| open \| 0 \| every directory user \(assignment not required\) \|$/);
    expect(table[3]).toMatch(/^\| wiki .* \| 3 \| /);
  });
});

describe('access matrix: every long-lived credential is a way in', () => {
  const arn = jane.arn;
  it('lists active credentials of each kind for the IAM user row, inactive ones left out', () => {
    const matrix = buildAccessMatrix(
      organization({
        sshPublicKeys: [
          { userName: 'jane', userArn: arn, sshPublicKeyId: 'APKA1', status: 'Active', uploadDate: null },
          { userName: 'jane', userArn: arn, sshPublicKeyId: 'APKA2', status: 'Inactive', uploadDate: null },
        ],
        serviceCredentials: [
          {
            userName: 'jane',
            userArn: arn,
            credentialId: 'ACCA1',
            serviceName: 'bedrock.amazonaws.com',
            status: 'Active',
            createDate: null,
            expirationDate: null,
          },
          {
            userName: 'jane',
            userArn: arn,
            credentialId: 'ACCA2',
            serviceName: 'cassandra.amazonaws.com',
            status: 'Inactive',
            createDate: null,
            expirationDate: null,
          },
        ],
        signingCertificates: [
          { userName: 'jane', userArn: arn, slot: 1, active: true, lastRotated: null },
          { userName: 'jane', userArn: arn, slot: 2, active: false, lastRotated: null },
        ],
      }),
    );
    const row = matrix.rows.find((r) => r.path === 'iam-user')!;
    expect(row.credentials).toBe(
      'console password; 1 access key(s); 1 SSH public key(s) (CodeCommit); 1 Bedrock service-specific credential(s); 1 X.509 signing certificate(s)',
    );
    expect(row.credentials).not.toMatch(/APKA|ACCA|AKIA/);
  });

  it("counts only the user's own credentials, wherever they are in the account's lists", () => {
    const bob = arn.replace(/user\/.*$/, 'user/bob');
    const key = (userArn: string, id: string) => ({
      userName: 'x',
      userArn,
      sshPublicKeyId: id,
      status: 'Active' as const,
      uploadDate: null,
    });
    const matrix = buildAccessMatrix(
      organization({
        sshPublicKeys: [key(bob, 'APKA0'), key(arn, 'APKA1'), key(bob, 'APKA2'), key(arn, 'APKA3')],
        signingCertificates: [{ userName: 'bob', userArn: bob, slot: 1, active: true, lastRotated: null }],
      }),
    );
    expect(matrix.rows.find((r) => r.path === 'iam-user')!.credentials).toBe(
      'console password; 1 access key(s); 2 SSH public key(s) (CodeCommit)',
    );
  });

  it('a kind whose slice was not collected is "unknown" in the row and listed as a gap', () => {
    const matrix = buildAccessMatrix(
      organization({
        sshPublicKeys: undefined,
      }),
    );
    const snapshot = organization();
    snapshot.accounts[0]!.iam.sshPublicKeys = notCollected('older keysweep');
    snapshot.accounts[0]!.iam.serviceCredentials = failed('NotImplementedByEndpoint', 'moto');
    const gapped = buildAccessMatrix(snapshot);
    expect(matrix.rows.find((r) => r.path === 'iam-user')!.credentials).toBe(
      'console password; 1 access key(s)',
    );
    expect(gapped.rows.find((r) => r.path === 'iam-user')!.credentials).toBe(
      'console password; 1 access key(s); SSH public keys unknown; service-specific credentials unknown',
    );
    expect(gapped.unknown.filter((g) => g.accountId === '111111111111').map((g) => g.slice)).toEqual([
      'iam.sshPublicKeys',
      'iam.serviceCredentials',
    ]);
  });
});
