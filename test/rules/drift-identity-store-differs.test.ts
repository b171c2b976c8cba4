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
          messageId: 'differs',
          data: {
            what: 'group admins description',
            change: 'differs from the declared state',
            declared: 'Admins',
            live: '(none)',
          },
        },
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'membership/g-admins/u-jane',
          messageId: 'differs',
          data: {
            what: 'membership jane in admins',
            change: 'is live but not declared',
            declared: '(not declared)',
            live: 'jane in admins',
          },
        },
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'group/auditors',
          messageId: 'differs',
          data: {
            what: 'group auditors',
            change: 'is declared but not in the identity store',
            declared: 'auditors',
            live: '(none)',
          },
        },
        {
          resourceArn: IDENTITY_STORE_ARN,
          subject: 'user/joe',
          messageId: 'differs',
          data: {
            what: 'user joe',
            change: 'is declared but not in the identity store',
            declared: 'joe',
            live: '(none)',
          },
        },
      ],
    },
  ],
});
