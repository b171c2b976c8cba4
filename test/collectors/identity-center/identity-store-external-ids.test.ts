import {
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectSlice } from '../../../src/collectors/aws-error.js';
import { mapExternalIds } from '../../../src/collectors/identity-center/external-ids.js';
import { collectIdentityStore } from '../../../src/collectors/identity-center/identity-store.js';
import { identityStoreSchema } from '../../../src/inventory/identity-center-schema.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';

const storeMock = mockClient(IdentitystoreClient);
afterEach(() => storeMock.reset());

const client = () => new IdentitystoreClient({ region: 'eu-west-1', credentials: CALLER_CREDENTIALS });
const OKTA = 'https://example.okta.com';

describe('identity store ExternalIds', () => {
  it('keeps Issuer and Id of SCIM-provisioned users and groups across pages, [] for local ones', async () => {
    storeMock
      .on(ListUsersCommand, { IdentityStoreId: 'd-test' })
      .resolves({
        Users: [
          {
            UserId: 'u-jane',
            UserName: 'jane@example.com',
            IdentityStoreId: 'd-test',
            ExternalIds: [{ Issuer: OKTA, Id: '00u1jane' }],
          },
        ],
        NextToken: 'page-2',
      })
      .on(ListUsersCommand, { IdentityStoreId: 'd-test', NextToken: 'page-2' })
      .resolves({ Users: [{ UserId: 'u-local', UserName: 'breakglass', IdentityStoreId: 'd-test' }] });
    storeMock
      .on(ListGroupsCommand, { IdentityStoreId: 'd-test' })
      .resolves({
        Groups: [
          {
            GroupId: 'g-eng',
            DisplayName: 'engineering',
            IdentityStoreId: 'd-test',
            ExternalIds: [{ Issuer: OKTA, Id: '00g1eng' }],
          },
        ],
        NextToken: 'g2',
      })
      .on(ListGroupsCommand, { IdentityStoreId: 'd-test', NextToken: 'g2' })
      .resolves({
        Groups: [{ GroupId: 'g-hand', DisplayName: 'hand-made', IdentityStoreId: 'd-test', ExternalIds: [] }],
      });
    storeMock.on(ListGroupMembershipsCommand).resolves({ GroupMemberships: [] });

    const store = identityStoreSchema.parse(await collectIdentityStore(client(), 'd-test'));
    expect(store.users.map((u) => [u.userName, u.externalIds])).toEqual([
      ['breakglass', []],
      ['jane@example.com', [{ issuer: OKTA, id: '00u1jane' }]],
    ]);
    expect(store.groups.map((g) => [g.displayName, g.externalIds])).toEqual([
      ['engineering', [{ issuer: OKTA, id: '00g1eng' }]],
      ['hand-made', []],
    ]);
    expect(storeMock.commandCalls(ListUsersCommand)).toHaveLength(2);
    expect(storeMock.commandCalls(ListGroupsCommand)).toHaveLength(2);
  });

  it('fails the whole identity store slice on AccessDenied: no user is reported "without ExternalIds"', async () => {
    storeMock
      .on(ListUsersCommand)
      .rejects(awsError('AccessDeniedException', 'no identitystore:ListUsers', 403));
    const slice = await collectSlice(() => collectIdentityStore(client(), 'd-test'));
    expect(slice).toMatchObject({ status: 'failed', error: { code: 'AccessDeniedException' } });
    expect('data' in slice).toBe(false);
  });

  it('a denied group listing fails the slice too (a store without its groups is not "no groups")', async () => {
    storeMock.on(ListUsersCommand).resolves({ Users: [] });
    storeMock
      .on(ListGroupsCommand)
      .rejects(awsError('AccessDeniedException', 'no identitystore:ListGroups', 403));
    const slice = await collectSlice(() => collectIdentityStore(client(), 'd-test'));
    expect(slice).toMatchObject({ status: 'failed', error: { code: 'AccessDeniedException' } });
  });

  it('maps a malformed entry (missing Issuer or Id) to an external id, never to "local"', () => {
    expect(mapExternalIds(undefined)).toEqual([]);
    expect(
      mapExternalIds([
        { Issuer: undefined, Id: 'x' },
        { Issuer: 'b', Id: undefined },
      ]),
    ).toEqual([
      { issuer: '', id: 'x' },
      { issuer: 'b', id: '' },
    ]);
  });
});
