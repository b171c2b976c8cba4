import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListInstancesCommand,
  ListTagsForResourceCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectIdentityCenter } from '../../../src/collectors/identity-center/collect-identity-center.js';
import { identityCenterSliceSchema } from '../../../src/inventory/slice-group-schemas.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';
import { ADMIN, INSTANCE, mockIdentityCenter, READ } from '../support/identity-center-mocks.js';

const ssoMock = mockClient(SSOAdminClient);
const storeMock = mockClient(IdentitystoreClient);
afterEach(() => {
  ssoMock.reset();
  storeMock.reset();
});

const notes: string[] = [];
const collect = (accountIds = ['111111111111', '222222222222']) =>
  collectIdentityCenter({
    sso: new SSOAdminClient({ region: 'eu-west-1', credentials: CALLER_CREDENTIALS }),
    identityStore: new IdentitystoreClient({ region: 'eu-west-1', credentials: CALLER_CREDENTIALS }),
    region: 'eu-west-1',
    accountIds,
    onNote: (n) => notes.push(n),
  });

describe('collectIdentityCenter', () => {
  it('reads permission sets with policies, boundary and session duration', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    const slice = identityCenterSliceSchema.parse(await collect());
    expect(slice.instance).toMatchObject({
      status: 'ok',
      data: { instanceArn: INSTANCE, identityStoreId: 'd-test', homeRegion: 'eu-west-1' },
    });
    expect(slice.permissionSets).toMatchObject({
      status: 'ok',
      data: [
        {
          name: 'Admin',
          description: 'break glass',
          sessionDuration: 'PT12H',
          relayState: null,
          tags: { 'cost-center': '42', team: 'platform' },
          managedPolicies: [{ name: 'AdministratorAccess' }],
          inlinePolicy: { Statement: [{ Effect: 'Deny' }] },
          permissionsBoundary: null,
        },
        {
          name: 'ReadOnly',
          relayState: 'https://console.aws.amazon.com/cloudwatch/home',
          tags: {},
          customerManagedPolicies: [{ name: 'deny-secrets', path: '/guard/' }],
          inlinePolicy: null,
          permissionsBoundary: {
            managedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
            customerManagedPolicy: null,
          },
        },
      ],
    });
  });

  it('splits provisioning into current and outdated with the status filter', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    const slice = await collect();
    expect(slice.provisioning).toEqual({
      status: 'ok',
      data: [
        { permissionSetArn: ADMIN, accountId: '111111111111', status: 'current' },
        { permissionSetArn: ADMIN, accountId: '222222222222', status: 'outdated' },
        { permissionSetArn: READ, accountId: '111111111111', status: 'current' },
      ],
    });
  });

  it('lists assignments only for provisioned (account, permission set) pairs', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    const slice = await collect();
    const asked = ssoMock
      .commandCalls(ListAccountAssignmentsCommand)
      .map((c) => `${c.args[0].input.PermissionSetArn}@${c.args[0].input.AccountId}`);
    expect(asked.sort()).toEqual([`${ADMIN}@111111111111`, `${ADMIN}@222222222222`, `${READ}@111111111111`]);
    expect(slice.assignments.status === 'ok' && slice.assignments.data).toHaveLength(3);
  });

  it('leaves out accounts outside the scan', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    const slice = await collect(['111111111111']);
    expect(ssoMock.commandCalls(ListAccountAssignmentsCommand)).toHaveLength(2);
    expect(slice.provisioning.status === 'ok' && slice.provisioning.data.map((p) => p.accountId)).toEqual([
      '111111111111',
      '111111111111',
    ]);
  });

  it('fails provisioning (never guesses) when the service ignores the status filter, and asks every pair for assignments', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    // moto: the same (wrong) account whatever the filter.
    ssoMock.on(ListAccountsForProvisionedPermissionSetCommand).resolves({ AccountIds: ['000000000000'] });
    const slice = await collect();
    expect(slice.provisioning).toMatchObject({
      status: 'failed',
      error: { code: 'ProvisioningStatusFilterIgnored' },
    });
    const asked = ssoMock
      .commandCalls(ListAccountAssignmentsCommand)
      .map((c) => `${c.args[0].input.PermissionSetArn}@${c.args[0].input.AccountId}`);
    expect(asked.sort()).toEqual([
      `${ADMIN}@111111111111`,
      `${ADMIN}@222222222222`,
      `${READ}@111111111111`,
      `${READ}@222222222222`,
    ]);
    expect(slice.assignments.status === 'ok' && slice.assignments.data).toHaveLength(4);
  });

  it('reads identity store users, groups and memberships', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    const slice = await collect();
    expect(slice.identityStore).toEqual({
      status: 'ok',
      data: {
        users: [
          {
            userId: 'u-bob',
            userName: 'bob',
            displayName: 'Bob',
            emails: ['bob@example.com'],
            externalIds: [],
          },
        ],
        groups: [{ groupId: 'g-admins', displayName: 'admins', description: null, externalIds: [] }],
        memberships: [{ groupId: 'g-admins', userId: 'u-bob' }],
      },
    });
  });

  it('records no instance as a fact and the rest as not collected', async () => {
    ssoMock.on(ListInstancesCommand).resolves({ Instances: [] });
    const slice = await collect();
    expect(slice.instance).toEqual({ status: 'ok', data: null });
    expect(slice.permissionSets).toMatchObject({
      status: 'not_collected',
      reason: expect.stringContaining('--sso-region'),
    });
  });

  it('records AccessDenied on every Identity Center slice', async () => {
    ssoMock
      .on(ListInstancesCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to sso:ListInstances', 403));
    const slice = await collect();
    for (const part of Object.values(slice))
      expect(part).toMatchObject({ status: 'failed', error: { code: 'AccessDeniedException' } });
  });

  it('fails the permission sets slice on AccessDenied for one set, keeps the identity store', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    ssoMock
      .on(DescribePermissionSetCommand, { PermissionSetArn: READ })
      .rejects(awsError('AccessDeniedException', 'denied', 403));
    const slice = await collect();
    expect(slice.permissionSets).toMatchObject({
      status: 'failed',
      error: { code: 'AccessDeniedException' },
    });
    expect(slice.identityStore.status).toBe('ok');
  });

  it('reads tags page by page, both pages passing the set and instance ARNs', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    await collect();
    const calls = ssoMock.commandCalls(ListTagsForResourceCommand, { ResourceArn: ADMIN });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input).toMatchObject({ InstanceArn: INSTANCE, NextToken: 't' });
  });

  it('records tags as not collected (null) on AccessDenied, with a note, and keeps the set', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    notes.length = 0;
    ssoMock
      .on(ListTagsForResourceCommand, { ResourceArn: READ })
      .rejects(awsError('AccessDeniedException', 'no sso:ListTagsForResource', 403));
    const slice = identityCenterSliceSchema.parse(await collect());
    expect(slice.permissionSets.status).toBe('ok');
    const sets = slice.permissionSets.status === 'ok' ? slice.permissionSets.data : [];
    expect(sets.find((s) => s.name === 'ReadOnly')?.tags).toBeNull();
    expect(sets.find((s) => s.name === 'Admin')?.tags).toEqual({ 'cost-center': '42', team: 'platform' });
    expect(notes.some((n) => n.includes('ReadOnly') && n.includes('AccessDenied'))).toBe(true);
  });

  it('fails the slice on an unexpected error reading tags (never a silent empty map)', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    ssoMock
      .on(ListTagsForResourceCommand, { ResourceArn: READ })
      .rejects(awsError('ValidationException', 'bad', 400));
    const slice = await collect();
    expect(slice.permissionSets.status).toBe('failed');
  });

  it('treats a boundary operation the endpoint lacks (emulator HTML 500) as no boundary, with a note', async () => {
    mockIdentityCenter(ssoMock, storeMock);
    notes.length = 0;
    ssoMock
      .on(GetPermissionsBoundaryForPermissionSetCommand)
      .rejects(
        Object.assign(
          new SyntaxError(
            'Unexpected token \'<\', "<!doctype "... is not valid JSON\n  Deserialization error',
          ),
          { $metadata: { httpStatusCode: 500 } },
        ),
      );
    const slice = await collect();
    expect(slice.permissionSets.status).toBe('ok');
    expect(notes).toHaveLength(2);
  });
});
