import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import type { AccountAssignment, IdentityStore } from '../../src/inventory/identity-center-schema.js';
import rule from '../../src/rules/catalog/sso-group-empty-with-assignments.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment } from './support/identity-center.js';
import { GROUP_ARN, member, scimGroup, scimUser } from './support/scim-directory.js';
import { oneAccount } from './support/snapshots.js';

const admin = aPermissionSet({ name: 'Admin' });
const directory = (store: Partial<IdentityStore>, assignments: AccountAssignment[]) =>
  oneAccount(
    {},
    { identityCenter: anIdentityCenter({ permissionSets: [admin], assignments, identityStore: store }) },
  );

ruleTester(rule, {
  valid: [
    {
      name: 'a group with members holding assignments, and an empty group holding none',
      snapshot: directory(
        {
          users: [scimUser('jane')],
          groups: [scimGroup('eng'), scimGroup('empty')],
          memberships: [member('eng', 'jane')],
        },
        [assignment(admin.arn, 'g-eng')],
      ),
    },
  ],
  invalid: [
    {
      name: 'an empty SCIM group and an empty local group holding assignments',
      snapshot: directory(
        {
          users: [scimUser('jane')],
          groups: [scimGroup('dba'), scimGroup('old-ops', 'local')],
          memberships: [],
        },
        [
          assignment(admin.arn, 'g-dba'),
          assignment(admin.arn, 'g-dba', 'GROUP', '222222222222'),
          assignment(admin.arn, 'g-old-ops'),
        ],
      ),
      findings: [
        {
          resourceArn: GROUP_ARN('dba'),
          subject: 'dba',
          severity: 'low',
          messageId: 'emptyProvisioned',
          data: {
            groupName: 'dba',
            count: 2,
            assignments: 'Admin on 111111111111, Admin on 222222222222',
          },
        },
        {
          resourceArn: GROUP_ARN('old-ops'),
          subject: 'old-ops',
          messageId: 'emptyLocal',
        },
      ],
    },
    {
      name: 'ExternalIds not collected: still an empty group with access, origin stated as unknown',
      snapshot: directory({ groups: [scimGroup('dba', null)] }, [assignment(admin.arn, 'g-dba')]),
      findings: [{ resourceArn: GROUP_ARN('dba'), subject: 'dba', messageId: 'emptyOriginUnknown' }],
    },
  ],
});
