import rule from '../../src/rules/catalog/drift-permission-set-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { ADMINS_ON_PROD, DECLARED_SETS, driftCase, INSTANCE_ARN } from './support/drift.js';

ruleTester(rule, {
  valid: [{ name: 'every declared set is live', ...driftCase(DECLARED_SETS + ADMINS_ON_PROD) }],
  invalid: [
    {
      name: 'a declared set deleted by hand or never applied',
      ...driftCase(`${DECLARED_SETS}  - name: BreakGlass\n    sessionDuration: PT1H\n${ADMINS_ON_PROD}`),
      findings: [
        {
          resourceArn: INSTANCE_ARN,
          subject: 'permissionSet/BreakGlass',
          messageId: 'missing',
          data: { declaredIn: 'desired.yaml (permissionSets.2 (BreakGlass))', permissionSet: 'BreakGlass' },
        },
      ],
    },
  ],
});
