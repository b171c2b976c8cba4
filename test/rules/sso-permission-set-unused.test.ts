import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-permission-set-unused.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment } from './support/identity-center.js';
import { oneAccount } from './support/snapshots.js';

const used = aPermissionSet({ name: 'Used' });
const unused = aPermissionSet({ name: 'Forgotten' });

ruleTester(rule, {
  valid: [
    {
      name: 'assigned',
      snapshot: oneAccount(
        {},
        {
          identityCenter: anIdentityCenter({
            permissionSets: [used],
            assignments: [assignment(used.arn, 'g-1')],
          }),
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'one assigned nowhere',
      snapshot: oneAccount(
        {},
        {
          identityCenter: anIdentityCenter({
            permissionSets: [used, unused],
            assignments: [assignment(used.arn, 'g-1')],
          }),
        },
      ),
      findings: [
        {
          resourceArn: unused.arn,
          severity: 'low',
          messageId: 'unassigned',
          data: { permissionSet: 'Forgotten' },
        },
      ],
    },
  ],
});
