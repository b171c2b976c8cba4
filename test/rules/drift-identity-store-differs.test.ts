import rule from '../../src/rules/catalog/drift-identity-store-differs.js';
import { ruleTester } from '../support/rule-tester.js';
import { ADMINS_ON_PROD, DECLARED_SETS, driftCase, IDENTITY_STORE_ARN } from './support/drift.js';

const store = (groups: string, users = '') =>
  `${DECLARED_SETS}${ADMINS_ON_PROD}identityStore:\n  groups:\n${groups}${users}`;

ruleTester(rule, {
  valid: [
    {
      name: 'groups and members as declared',
      ...driftCase(store('    - name: admins\n      members: [jane]\n')),
    },
    { name: 'membership not declared is not compared', ...driftCase(store('    - name: admins\n')) },
  ],
  invalid: [
    {
      name: 'missing group, edited description, member added by hand, user renamed',
      ...driftCase(
        store(
          '    - name: admins\n      description: Admins\n      members: []\n    - name: auditors\n',
          '  users:\n    - userName: joe\n',
        ),
      ),
      findings: [
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'group/admins/description',
          messageIncludes: '(declared: Admins; live: (none))',
        },
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'membership/g-admins/u-jane',
          messageIncludes: 'jane in admins is live but not declared',
        },
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'group/auditors',
          messageIncludes: 'is declared but not in the identity store',
        },
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'user/joe',
          messageIncludes: 'user joe is declared but not in the identity store',
        },
      ],
    },
  ],
});
