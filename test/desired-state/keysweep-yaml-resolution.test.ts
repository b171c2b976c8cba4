import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { parseDeclaredDocument } from '../../src/desired-state/load-desired-state.js';
import { resolveDesiredState } from '../../src/desired-state/resolve-desired-state.js';
import { InputError } from '../../src/io/input-error.js';

const demo = await loadDemoSnapshot();
const header = 'kind: keysweep.desired-state\nversion: 1\n';
const assign = (targets: string, principal = 'group: aws-admins', set = 'AdministratorAccess') =>
  `${header}assignments:\n  - permissionSet: ${set}\n    ${principal}\n    targets: ${targets}\n`;
const resolve = (...yaml: string[]) =>
  resolveDesiredState(
    demo,
    yaml.map((text, i) => parseDeclaredDocument(`desired-${i}.yaml`, text)),
  );
const accountsOf = (yaml: string) =>
  resolve(yaml)
    .assignments.map((a) => a.accountId)
    .sort();

function inputError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('keysweep YAML desired state, resolved against the inventory', () => {
  it('targets: account id, account name, OU id, OU path (nested OUs included), * and the root', () => {
    expect(accountsOf(assign('["100000000004", web-dev]'))).toEqual(['100000000004', '100000000010']);
    expect(accountsOf(assign('[ou-workl-nonprod]'))).toEqual([
      '100000000009',
      '100000000010',
      '100000000011',
    ]);
    expect(accountsOf(assign('[Workloads]'))).toHaveLength(6);
    expect(accountsOf(assign('[Workloads/Prod]'))).toEqual(['100000000006', '100000000007', '100000000008']);
    // 14 accounts, one suspended: expansions take ACTIVE accounts only.
    expect(accountsOf(assign('["*"]'))).toHaveLength(13);
    expect(accountsOf(assign('[r-ab12]'))).toHaveLength(13);
  });

  it('principal names become ids; a name the store lacks is kept for the drift rule, not an error', () => {
    const [known] = resolve(assign('[web-dev]')).assignments;
    expect(known).toMatchObject({
      principalId: 'g-admins',
      principalName: 'aws-admins',
      permissionSetName: 'AdministratorAccess',
    });
    const [unknown] = resolve(assign('[web-dev]', 'user: gone@example.com')).assignments;
    expect(unknown).toMatchObject({
      principalType: 'USER',
      principalId: null,
      principalName: 'gone@example.com',
    });
  });

  it('unresolvable accounts, OUs and permission sets: one line naming file and entry', () => {
    expect(inputError(() => resolve(assign('[web-devv]')))).toBe(
      'desired-0.yaml: assignments.0 (AdministratorAccess → aws-admins): target "web-devv" is neither an account name nor an OU path of the organization',
    );
    expect(inputError(() => resolve(assign('[ou-zz99-nothere1]')))).toContain(
      'target "ou-zz99-nothere1" is not an OU',
    );
    expect(inputError(() => resolve(assign('["999999999999"]')))).toContain(
      'target 999999999999 is not an account',
    );
    expect(inputError(() => resolve(assign('[web-dev]', 'group: aws-admins', 'Admin')))).toContain(
      'permission set "Admin" is neither declared nor in Identity Center',
    );
  });

  it('schema errors name the field', () => {
    expect(
      inputError(() =>
        parseDeclaredDocument('d.yaml', `${header}permissionSets:\n  - name: X\n    sessionDuration: 8h\n`),
      ),
    ).toBe('d.yaml: permissionSets.0.sessionDuration: must be an ISO-8601 duration such as PT8H');
    expect(
      inputError(() =>
        parseDeclaredDocument('d.yaml', `${header}assignments:\n  - permissionSet: X\n    targets: []\n`),
      ),
    ).toMatch(/^d\.yaml: assignments\.0/);
    expect(
      inputError(() => parseDeclaredDocument('d.yaml', 'kind: keysweep.desired-state\nversion: 2\n')),
    ).toContain('d.yaml: version');
    expect(inputError(() => parseDeclaredDocument('d.yaml', 'kind: [unclosed'))).toContain(
      'd.yaml: not valid YAML',
    );
  });

  it('several files are one desired state; a set declared twice is an error naming both files', () => {
    const set = `${header}permissionSets:\n  - name: Billing\n    sessionDuration: PT1H\n`;
    const merged = resolve(set, assign('[management]'));
    expect(merged.files).toEqual(['desired-0.yaml', 'desired-1.yaml']);
    expect(merged.permissionSets.map((s) => s.name)).toEqual(['Billing']);
    expect(merged.assignments).toHaveLength(1);
    expect(inputError(() => resolve(set, set))).toContain(
      'desired-1.yaml: permissionSets.0 (Billing): permission set Billing is also declared in desired-0.yaml',
    );
  });

  it('the format comes from the content, not the file name', () => {
    expect(parseDeclaredDocument('state.yaml', '{"version":4,"lineage":"x","resources":[]}').format).toBe(
      'terraform-state',
    );
    expect(parseDeclaredDocument('plan.json', header).format).toBe('keysweep-yaml');
  });
});

describe('docs/drift.md', () => {
  it('its YAML example is a valid desired-state file', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile('docs/drift.md', 'utf8');
    const example = /```yaml\n(kind: keysweep\.desired-state[\s\S]*?)```/.exec(text)?.[1];
    expect(example).toBeDefined();
    const doc = parseDeclaredDocument('docs/drift.md', example ?? '');
    expect(doc.permissionSets[0]).toMatchObject({
      name: 'DataEngineer',
      sessionDuration: 'PT8H',
      permissionsBoundary: {
        managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
        customerManagedPolicy: null,
      },
    });
    expect(doc.assignments[0]?.targets).toEqual([
      { kind: 'name', value: 'data-prod' },
      { kind: 'name', value: 'Workloads/NonProd' },
      { kind: 'ou-id', value: 'ou-ab12-cdef3456' },
      { kind: 'account-id', value: '123456789012' },
    ]);
    expect(doc.membershipDeclaredForGroups).toEqual([{ name: 'aws-data' }]);
  });
});
