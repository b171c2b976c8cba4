import rule from '../../src/rules/catalog/drift-assignment-not-applied.js';
import { ruleTester } from '../support/rule-tester.js';
import {
  ADMINS_ON_PROD,
  DECLARED_SETS,
  DEVELOPERS,
  driftCase,
  INSTANCE_ARN,
  liveOrganization,
} from './support/drift.js';

const janeToo = `${ADMINS_ON_PROD}  - permissionSet: Developers
    user: jane
    targets: ["*"]
`;

ruleTester(rule, {
  valid: [{ name: 'declared assignments are live', ...driftCase(DECLARED_SETS + ADMINS_ON_PROD) }],
  invalid: [
    {
      name: 'declared for jane on every account, live nowhere',
      ...driftCase(DECLARED_SETS + janeToo),
      findings: [
        {
          resourceArn: DEVELOPERS.arn,
          subject: '111111111111/USER/u-jane/',
          severity: 'medium',
          messageId: 'notApplied',
          data: {
            declaredIn: 'desired.yaml (assignments.1 (Developers → jane))',
            permissionSet: 'Developers',
            principal: 'user jane (u-jane)',
            accountId: '111111111111',
          },
        },
      ],
    },
    {
      name: 'declared with a set that is not live: points at the instance',
      ...driftCase(
        `${DECLARED_SETS}  - name: Oncall\n${ADMINS_ON_PROD}  - permissionSet: Oncall\n    group: admins\n    targets: [Workloads]\n`,
        liveOrganization(),
      ),
      findings: [
        {
          resourceArn: INSTANCE_ARN,
          subject: '111111111111/GROUP/g-admins/Oncall',
          messageId: 'notApplied',
          data: {
            declaredIn: 'desired.yaml (assignments.1 (Oncall → admins))',
            permissionSet: 'Oncall',
            principal: 'group admins (g-admins)',
            accountId: '111111111111',
          },
        },
      ],
    },
  ],
});
