import { anAccount, anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import type { AccountAssignment, IdentityStore } from '../../src/inventory/identity-center-schema.js';
import rule from '../../src/rules/catalog/sso-user-without-access.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment } from './support/identity-center.js';
import { member, scimGroup, scimUser, USER_ARN } from './support/scim-directory.js';
import { oneAccount } from './support/snapshots.js';

const set = aPermissionSet();
const directory = (store: Partial<IdentityStore>, assignments: AccountAssignment[] = []) =>
  oneAccount(
    {},
    { identityCenter: anIdentityCenter({ permissionSets: [set], assignments, identityStore: store }) },
  );

const withSkippedAccount = (store: Partial<IdentityStore>) => {
  const snapshot = directory(store);
  snapshot.accounts.push(
    anAccount({ id: '333333333333', access: { status: 'skipped', reason: '--accounts' } }),
  );
  return snapshot;
};

ruleTester(rule, {
  valid: [
    {
      name: 'a user in a group and a user with a direct assignment',
      snapshot: directory(
        {
          users: [scimUser('jane'), scimUser('li')],
          groups: [scimGroup('eng')],
          memberships: [member('eng', 'jane')],
        },
        [assignment(set.arn, 'u-li', 'USER')],
      ),
    },
  ],
  invalid: [
    {
      name: 'a SCIM user pushed without groups and a local test user',
      snapshot: directory({
        users: [scimUser('jane'), scimUser('nogroup'), scimUser('test', 'local')],
        groups: [scimGroup('eng')],
        memberships: [member('eng', 'jane')],
      }),
      findings: [
        {
          resourceArn: USER_ARN('nogroup'),
          subject: 'nogroup',
          severity: 'low',
          messageId: 'noAccessProvisioned',
          data: { userName: 'nogroup' },
        },
        { resourceArn: USER_ARN('test'), subject: 'test', messageId: 'noAccessLocal' },
      ],
    },
  ],
  unknown: [
    {
      name: 'an account left out of the scan may hold the assignment: not evaluated, never a finding',
      snapshot: withSkippedAccount({ users: [scimUser('nogroup')] }),
      reasonIncludes: '333333333333',
    },
  ],
});
