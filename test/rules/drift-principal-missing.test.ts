import rule from '../../src/rules/catalog/drift-principal-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { ADMINS_ON_PROD, DECLARED_SETS, driftCase, IDENTITY_STORE_ARN } from './support/drift.js';

ruleTester(rule, {
  valid: [{ name: 'declared principals exist', ...driftCase(DECLARED_SETS + ADMINS_ON_PROD) }],
  invalid: [
    {
      name: 'a group renamed by the IdP sync',
      ...driftCase(
        `${DECLARED_SETS}${ADMINS_ON_PROD}  - permissionSet: Audit\n    group: platform-auditors\n    targets: [app-prod, Workloads]\n`,
      ),
      findings: [
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'GROUP/platform-auditors',
          messageId: 'groupMissing',
          data: {
            declaredIn: 'desired.yaml (assignments.1 (Audit → platform-auditors))',
            principal: 'platform-auditors',
            assignments: 1,
          },
        },
      ],
    },
  ],
});
