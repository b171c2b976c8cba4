import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import type { IdentityStore } from '../../src/inventory/identity-center-schema.js';
import rule from '../../src/rules/catalog/sso-identity-store-local-principal.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment } from './support/identity-center.js';
import { GROUP_ARN, member, scimGroup, scimUser, USER_ARN } from './support/scim-directory.js';
import { oneAccount } from './support/snapshots.js';

const set = aPermissionSet();
const directory = (store: Partial<IdentityStore>, assignments = [assignment(set.arn, 'g-eng')]) =>
  oneAccount(
    {},
    { identityCenter: anIdentityCenter({ permissionSets: [set], assignments, identityStore: store }) },
  );
const notCollectedAssignments = (store: Partial<IdentityStore>) => {
  const snapshot = directory(store);
  snapshot.identityCenter.assignments = {
    status: 'failed',
    error: { code: 'AccessDeniedException', message: 'x' },
  };
  return snapshot;
};

ruleTester(rule, {
  valid: [
    {
      name: 'every user and group provisioned by the identity provider',
      snapshot: directory({
        users: [scimUser('jane'), scimUser('li')],
        groups: [scimGroup('eng')],
        memberships: [member('eng', 'jane')],
      }),
    },
    {
      name: "Identity Center's own directory (no principal carries ExternalIds): nothing is local against anything",
      snapshot: directory({ users: [scimUser('jane', 'local')], groups: [scimGroup('eng', 'local')] }),
    },
  ],
  invalid: [
    {
      name: 'a hand-made user and group in an Okta-fed directory',
      snapshot: directory(
        {
          users: [scimUser('breakglass', 'local'), scimUser('jane')],
          groups: [scimGroup('eng'), scimGroup('contractors', 'local')],
          memberships: [member('contractors', 'breakglass')],
        },
        [assignment(set.arn, 'g-contractors'), assignment(set.arn, 'u-breakglass', 'USER')],
      ),
      findings: [
        {
          resourceArn: USER_ARN('breakglass'),
          subject: 'breakglass',
          severity: 'medium',
          messageId: 'localUser',
          data: {
            userName: 'breakglass',
            fedBy: 'https://example.okta.com (1 user(s), 1 group(s))',
            groups: 1,
            directAssignments: '1 direct assignment(s)',
          },
        },
        {
          resourceArn: GROUP_ARN('contractors'),
          subject: 'contractors',
          messageId: 'localGroup',
          data: {
            groupName: 'contractors',
            fedBy: 'https://example.okta.com (1 user(s), 1 group(s))',
            members: 1,
            assignments: '1 assignment(s)',
          },
        },
      ],
    },
    {
      name: 'assignments not read: the finding stands, the count says "not read", never 0',
      snapshot: notCollectedAssignments({ users: [scimUser('jane'), scimUser('old', 'local')] }),
      findings: [
        {
          resourceArn: USER_ARN('old'),
          subject: 'old',
          messageId: 'localUser',
          data: {
            userName: 'old',
            fedBy: 'https://example.okta.com (1 user(s), 0 group(s))',
            groups: 0,
            directAssignments: 'direct assignment(s): not read',
          },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'a snapshot from before schema 4: ExternalIds not collected, never "local"',
      snapshot: directory({
        users: [scimUser('jane', null), scimUser('old', null)],
        groups: [scimGroup('eng', null)],
      }),
      reasonIncludes: 'not collected',
    },
    {
      name: 'one principal without collected ExternalIds is enough to make the feed unknown',
      snapshot: directory({ users: [scimUser('jane'), scimUser('old', null)] }),
      reasonIncludes: 'before schema 4',
    },
  ],
});
