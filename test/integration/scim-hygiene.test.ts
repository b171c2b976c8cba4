import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateGroupCommand, CreateUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import {
  buildMotoOrganization,
  FAKE_CREDENTIALS,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();
const SCIM_RULES = new Set([
  'sso-identity-store-local-principal',
  'sso-group-empty-with-assignments',
  'sso-user-without-access',
  'sso-assignment-orphaned-principal',
]);

/**
 * Identity store hygiene against moto. The identitystore API's CreateUser / CreateGroup cannot set
 * ExternalIds (only SCIM and AD sync do), and moto has no SCIM endpoint: every principal moto holds is
 * "created in Identity Center". So this test holds the collected answer to "ExternalIds: none" ([], a fact
 * of the listing) and the local-principal rule to no finding — a directory moto cannot make SCIM-fed never
 * becomes a confident "local user" finding. The SCIM-fed path is tested with aws-sdk-client-mock
 * (test/collectors/identity-center/identity-store-external-ids.test.ts) and the rule tests.
 */
describe.skipIf(endpoint === null)('identity store hygiene (issue 24 item 4) against moto', () => {
  let org: MotoOrganization;
  let dir: string;
  let snapshot: Snapshot;
  const motoEndpoint = endpoint ?? '';

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    const config = { region: 'us-east-1', endpoint: motoEndpoint, credentials: FAKE_CREDENTIALS };
    const store = new IdentitystoreClient(config);
    const sso = new SSOAdminClient(config);
    const { Instances = [] } = await sso.send(new ListInstancesCommand({}));
    const instanceArn = Instances[0]?.InstanceArn ?? '';
    // A user nobody put in a group or assigned anything, and a group with an assignment and no members.
    await store.send(
      new CreateUserCommand({
        IdentityStoreId: org.identityStoreId,
        UserName: 'nobody',
        DisplayName: 'No Body',
        Name: { GivenName: 'No', FamilyName: 'Body' },
      }),
    );
    const { GroupId: emptyGroup } = await store.send(
      new CreateGroupCommand({ IdentityStoreId: org.identityStoreId, DisplayName: 'empty-ops' }),
    );
    await sso.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: org.accounts.dev,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: org.permissionSets.admin,
        PrincipalType: 'GROUP',
        PrincipalId: emptyGroup ?? '',
      }),
    );
    await sso.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: org.permissionSets.admin,
        TargetType: 'AWS_ACCOUNT',
        TargetId: org.accounts.dev,
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'keysweep-scim-'));
    const run = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--no-usage',
      '--out',
      join(dir, 'snapshot.json'),
      '--now',
      NOW,
    ]);
    if (run.code !== 0) throw new Error(`collect failed (${run.code}):\n${run.stderr}`);
    snapshot = await loadSnapshot(join(dir, 'snapshot.json'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('collects ExternalIds as "none" ([]) for every user and group the API created, never null', () => {
    const store = snapshot.identityCenter.identityStore;
    expect(store.status).toBe('ok');
    if (store.status !== 'ok') return;
    expect(store.data.users.map((u) => [u.userName, u.externalIds])).toEqual([
      ['carol', []],
      ['nobody', []],
    ]);
    expect(store.data.groups.map((g) => [g.displayName, g.externalIds])).toEqual([
      ['empty-ops', []],
      ['platform-admins', []],
    ]);
  });

  it('finds the empty group holding AdminAccess and the user without access; no "local" finding without a SCIM feed', () => {
    const result = evaluate(snapshot, {
      rules: ALL_RULES.filter((r) => SCIM_RULES.has(r.id)),
      now: new Date(NOW),
    });
    expect(result.notEvaluated).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.subject]).sort()).toEqual([
      ['sso-group-empty-with-assignments', 'empty-ops'],
      ['sso-user-without-access', 'nobody'],
    ]);
    const empty = result.findings.find((f) => f.ruleId === 'sso-group-empty-with-assignments');
    expect(empty?.message).toContain(`AdminAccess on ${org.accounts.dev}`);
    expect(empty?.message).toContain('created in Identity Center');
  });
});
