import { IdentitystoreClient, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { ListApplicationsCommand, ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectSlice } from '../../../src/collectors/aws-error.js';
import { collectAccountInstances } from '../../../src/collectors/identity-center/account-instances.js';
import { accountInstanceSchema } from '../../../src/inventory/account-instances-schema.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';

const ssoMock = mockClient(SSOAdminClient);
const storeMock = mockClient(IdentitystoreClient);
afterEach(() => {
  ssoMock.reset();
  storeMock.reset();
});

const MEMBER = '222222222222';
const MANAGEMENT = '111111111111';
const OWN = 'arn:aws:sso:::instance/ssoins-own';
const ORG = 'arn:aws:sso:::instance/ssoins-org';

const collect = (accountId = MEMBER, managementAccountId: string | null = MANAGEMENT) =>
  collectSlice(() =>
    collectAccountInstances({
      sso: new SSOAdminClient({ region: 'eu-west-1', credentials: CALLER_CREDENTIALS, maxAttempts: 2 }),
      identityStore: new IdentitystoreClient({ region: 'eu-west-1', credentials: CALLER_CREDENTIALS }),
      accountId,
      region: 'eu-west-1',
      managementAccountId,
    }),
  );

function mockOwnInstance() {
  ssoMock.on(ListInstancesCommand).resolves({
    Instances: [
      { InstanceArn: ORG, IdentityStoreId: 'd-org', OwnerAccountId: MANAGEMENT, Status: 'ACTIVE' },
      {
        InstanceArn: OWN,
        IdentityStoreId: 'd-own',
        OwnerAccountId: MEMBER,
        Name: 'sandbox',
        Status: 'ACTIVE',
      },
    ],
  });
  storeMock.on(ListUsersCommand).resolves({ Users: [{ UserId: 'u1', IdentityStoreId: 'd-own' }] });
  ssoMock.on(ListApplicationsCommand).resolves({ Applications: [{ ApplicationArn: 'arn:app/1' }] });
}

describe('collectAccountInstances', () => {
  it('keeps only the instance the account owns, with users and applications counted across pages', async () => {
    mockOwnInstance();
    storeMock
      .on(ListUsersCommand)
      .resolvesOnce({ Users: [{ UserId: 'u1', IdentityStoreId: 'd-own' }], NextToken: 't' })
      .resolvesOnce({ Users: [{ UserId: 'u2', IdentityStoreId: 'd-own' }] });
    ssoMock
      .on(ListInstancesCommand)
      .resolvesOnce({
        Instances: [{ InstanceArn: ORG, IdentityStoreId: 'd-org', OwnerAccountId: MANAGEMENT }],
        NextToken: 'n',
      })
      .resolvesOnce({
        Instances: [{ InstanceArn: OWN, IdentityStoreId: 'd-own', OwnerAccountId: MEMBER, Name: 'sandbox' }],
      });
    const slice = await collect();
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    expect(slice.data).toHaveLength(1);
    const [instance] = slice.data.map((i) => accountInstanceSchema.parse(i));
    expect(instance).toMatchObject({
      instanceArn: OWN,
      users: 2,
      applications: 1,
      unread: [],
      name: 'sandbox',
    });
    expect(storeMock.commandCalls(ListUsersCommand).map((c) => c.args[0].input.IdentityStoreId)).toEqual([
      'd-own',
      'd-own',
    ]);
  });

  it('never reports the organization instance (the management account owns it)', async () => {
    ssoMock.on(ListInstancesCommand).resolves({
      Instances: [{ InstanceArn: ORG, IdentityStoreId: 'd-org', OwnerAccountId: MANAGEMENT }],
    });
    expect(await collect(MANAGEMENT)).toEqual({ status: 'ok', data: [] });
    expect(await collect(MEMBER)).toEqual({ status: 'ok', data: [] });
  });

  it('a standalone account (no organization) reports the instance it owns', async () => {
    mockOwnInstance();
    const slice = await collect(MEMBER, null);
    expect(slice.status === 'ok' && slice.data.map((i) => i.instanceArn)).toEqual([OWN]);
  });

  it('ListInstances denied: the slice fails (rules say not evaluated), no other call', async () => {
    ssoMock.on(ListInstancesCommand).rejects(awsError('AccessDeniedException', 'not authorized', 400));
    expect(await collect()).toMatchObject({ status: 'failed', error: { code: 'AccessDeniedException' } });
    expect(ssoMock.commandCalls(ListApplicationsCommand)).toEqual([]);
  });

  it('throttling that outlasts the retries fails the slice', async () => {
    ssoMock.on(ListInstancesCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    expect(await collect()).toMatchObject({ status: 'failed', error: { code: 'ThrottlingException' } });
  });

  it('throttled counting (retries are the client strategy in test/collectors/retry): unread, not zero', async () => {
    mockOwnInstance();
    ssoMock.on(ListApplicationsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    const slice = await collect();
    expect(slice.status === 'ok' && slice.data[0]).toMatchObject({ users: 1, applications: null });
    expect(slice.status === 'ok' && slice.data[0]?.unread[0]).toMatch(/^applications: ThrottlingException/);
  });

  it('applications or users not readable: null with the reason, never zero', async () => {
    mockOwnInstance();
    ssoMock
      .on(ListApplicationsCommand)
      .rejects(awsError('AccessDeniedException', 'no ListApplications', 400));
    storeMock.on(ListUsersCommand).rejects(awsError('UnknownOperationException', 'not implemented', 400));
    const slice = await collect();
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    expect(slice.data[0]).toMatchObject({ users: null, applications: null });
    expect(slice.data[0]?.unread.join(' ')).toMatch(
      /users: UnknownOperationException.*applications: AccessDenied/,
    );
  });

  it('missing data: an instance without an identity store id or owner', async () => {
    ssoMock.on(ListInstancesCommand).resolves({
      Instances: [{ InstanceArn: OWN, OwnerAccountId: MEMBER }, { InstanceArn: 'arn:x' }, {}],
    });
    ssoMock.on(ListApplicationsCommand).resolves({});
    const slice = await collect();
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    expect(slice.data).toHaveLength(1);
    expect(slice.data[0]).toMatchObject({ identityStoreId: null, users: null, applications: 0, name: null });
    expect(slice.data[0]?.unread).toEqual(['users: the instance has no identity store id']);
    expect(storeMock.commandCalls(ListUsersCommand)).toEqual([]);
  });
});
