import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  aGroup,
  aManagedPolicy,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { PLAN_SCHEMA_PATH, renderPlanSchema } from '../../scripts/generate-plan-schema.js';
import { notCollected } from '../../src/inventory/collection.js';
import { classifyUser } from '../../src/knowledge/classify-user.js';
import { demoKit, planOf } from './support/kit.js';

describe('schemas/plan.schema.json', () => {
  it('is generated from the zod schema (run: npx tsx scripts/generate-plan-schema.ts)', async () => {
    expect(await readFile(PLAN_SCHEMA_PATH, 'utf8')).toBe(renderPlanSchema());
  });

  it('accepts the demo plan.json (compiled strictly)', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(PLAN_SCHEMA_PATH, 'utf8')));
    const { files } = await demoKit();
    const planJson = JSON.parse(files.find((f) => f.path === 'plan.json')!.content);
    expect(validate(planJson), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...planJson, people: 'nobody' })).toBe(false);
  });
});

describe('people.csv of the demo', () => {
  it('lists every human IAM user exactly once, break-glass users marked', async () => {
    const { snapshot, files, plan } = await demoKit();
    const rows: Array<Record<string, string>> = parseCsv(
      files.find((f) => f.path === 'people.csv')!.content,
      {
        columns: true,
      },
    );
    const humans = snapshot.accounts.flatMap((a) =>
      a.iam.users.status === 'ok' ? a.iam.users.data.filter((u) => classifyUser(u).kind === 'human') : [],
    );
    const breakGlass = plan.breakGlass.map((b) => b.arn);
    expect(breakGlass).toEqual(['arn:aws:iam::100000000001:user/breakglass-admin']);
    expect(rows.map((r) => r.iam_user_arn).sort()).toEqual(humans.map((u) => u.arn).sort());
    expect(rows.filter((r) => r.identity_source === 'break-glass').map((r) => r.iam_user_arn)).toEqual(
      breakGlass,
    );
    // An untagged user that looks like break-glass is listed for a decision, marked, not migrated.
    expect(
      rows.filter((r) => r.identity_source === 'suspected-break-glass').map((r) => r.iam_user_arn),
    ).toEqual(['arn:aws:iam::100000000001:user/emergency-access']);
    // A person's IAM user with no permissions is deleted, not migrated (and not mistaken for a workload).
    expect(rows.filter((r) => r.identity_source === 'delete').map((r) => r.iam_user_arn)).toEqual([
      'arn:aws:iam::100000000005:user/grace.former',
    ]);
    expect(plan.workloads.map((w) => w.userName)).not.toContain('grace.former');
    const grace = rows.filter((r) => r.person_id === 'grace@example.com');
    expect(grace.map((r) => r.account_id)).toEqual([
      '100000000001',
      '100000000002',
      '100000000004',
      '100000000005',
    ]);
    expect(
      new Set(rows.filter((r) => r.person_id === 'mike.ross@example.com').map((r) => r.identity_source)),
    ).toEqual(new Set(['proposed']));
  });
});

describe('plan correctness', () => {
  it('says what was not collected and plans nobody from an account whose users are unknown', () => {
    const iam = anIamSlice({ users: [aUser({ userName: 'jane.doe', passwordEnabled: true })] });
    const snapshot = aSnapshot({
      accounts: [
        anAccount({ iam: { ...iam, groups: notCollected('AccessDenied') } }),
        anAccount({ id: '222222222222', iam: { ...iam, users: notCollected('AccessDenied') } }),
      ],
    });
    const plan = planOf(snapshot);
    expect(plan.gaps).toContainEqual(
      expect.objectContaining({ accountId: '222222222222', slice: 'iam.users' }),
    );
    expect(plan.gaps).toContainEqual(
      expect.objectContaining({ accountId: '111111111111', slice: 'iam.groups' }),
    );
    expect(plan.people.flatMap((p) => p.iamUsers.map((u) => u.accountId))).toEqual(['111111111111']);
    expect(plan.permissionSets[0]!.policiesComplete).toBe(false);
    expect(plan.permissionSets[0]!.warnings.join(' ')).toMatch(/not collected/);
  });

  it('flags a permission set that would grant *:* loudly, and keeps inline policies as they were', () => {
    const everything = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow' as const, Action: '*', Resource: '*' }],
    };
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [
              aUser({
                userName: 'jane.doe',
                passwordEnabled: true,
                groups: ['Ops'],
                attachedPolicies: [
                  { policyName: 'Legacy', policyArn: 'arn:aws:iam::111111111111:policy/Legacy' },
                ],
              }),
            ],
            groups: [
              aGroup({ groupName: 'Ops', inlinePolicies: [{ policyName: 'ops', document: everything }] }),
            ],
            policies: [
              aManagedPolicy({
                policyName: 'Legacy',
                arn: 'arn:aws:iam::111111111111:policy/Legacy',
                document: everything,
              }),
            ],
          }),
        }),
      ],
    });
    const plan = planOf(snapshot);
    const set = plan.permissionSets[0]!;
    expect(set.grantsFullAdmin).toBe(true);
    expect(set.sessionDuration).toBe('PT1H');
    expect(set.customerManagedPolicies).toEqual(['Legacy']);
    expect(set.inlinePolicy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(plan.warnings.join('\n')).toMatch(/GRANTS \*:\*/);
  });

  it('warns when a reused existing permission set carries more than the IAM users had', async () => {
    const readOnly = { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' };
    const extra = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow' as const, Action: 's3:*', Resource: '*' }],
    };
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [
              aUser({
                userName: 'jane.doe',
                passwordEnabled: true,
                attachedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: readOnly.arn }],
              }),
            ],
          }),
        }),
      ],
      identityCenter: anIdentityCenter({
        permissionSets: [
          aPermissionSet({ name: 'ReadOnly', managedPolicies: [readOnly], inlinePolicy: extra }),
        ],
      }),
    });
    const set = planOf(snapshot).permissionSets[0]!;
    expect(set).toMatchObject({ name: 'ReadOnly', exists: true });
    expect(set.warnings.join('\n')).toMatch(/broader than what they had/);
    // The demo's permission sets carry nothing extra: no false alarm there.
    const { plan } = await demoKit();
    expect(plan.permissionSets.flatMap((s) => s.warnings).join('\n')).not.toMatch(/broader/);
  });
});
