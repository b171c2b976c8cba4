import rule from '../../src/rules/catalog/drift-permission-set-not-declared.js';
import { ruleTester } from '../support/rule-tester.js';
import { ADMINS_ON_PROD, AUDIT, DECLARED_SETS, driftCase } from './support/drift.js';

const onlyDevelopers = `${DECLARED_SETS.split('  - name: Audit')[0]}${ADMINS_ON_PROD}`;

ruleTester(rule, {
  valid: [
    { name: 'both live sets declared', ...driftCase(DECLARED_SETS + ADMINS_ON_PROD) },
    {
      name: 'scope declared ignores sets the files do not mention',
      ...driftCase(onlyDevelopers, undefined, 'declared'),
    },
  ],
  invalid: [
    {
      name: 'a set made by hand (scope all)',
      ...driftCase(onlyDevelopers),
      findings: [
        {
          resourceArn: AUDIT.arn,
          severity: 'medium',
          messageId: 'notDeclared',
          data: { permissionSet: 'Audit' },
        },
      ],
    },
  ],
});
