import rule from '../../src/rules/catalog/drift-assignment-not-declared.js';
import { ruleTester } from '../support/rule-tester.js';
import {
  ADMINS_ON_PROD,
  AUDIT,
  DECLARED_SETS,
  DEVELOPERS,
  driftCase,
  liveOrganization,
} from './support/drift.js';
import { assignment } from './support/identity-center.js';

const handMade = liveOrganization([
  assignment(DEVELOPERS.arn, 'g-admins'),
  assignment(AUDIT.arn, 'u-jane', 'USER'),
]);

ruleTester(rule, {
  valid: [
    { name: 'every live assignment declared', ...driftCase(DECLARED_SETS + ADMINS_ON_PROD) },
    {
      name: 'scope declared: assignments of sets the files do not mention are left alone',
      ...driftCase(`${DECLARED_SETS.split('  - name: Audit')[0]}${ADMINS_ON_PROD}`, handMade, 'declared'),
    },
  ],
  invalid: [
    {
      name: 'an assignment made by hand, named by its principal',
      ...driftCase(DECLARED_SETS + ADMINS_ON_PROD, handMade),
      findings: [
        {
          resourceArn: AUDIT.arn,
          subject: '111111111111/USER/u-jane/',
          severity: 'high',
          messageId: 'notDeclared',
          data: { permissionSet: 'Audit', principal: 'user jane (u-jane)', accountId: '111111111111' },
        },
      ],
    },
  ],
});
