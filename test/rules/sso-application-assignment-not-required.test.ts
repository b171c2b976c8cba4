import { anApplication, anIdentityCenter } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-application-assignment-not-required.js';
import { ruleTester } from '../support/rule-tester.js';
import { STORE } from './support/identity-center.js';
import { oneAccount } from './support/snapshots.js';

const withApplications = (...applications: ReturnType<typeof anApplication>[]) =>
  oneAccount({}, { identityCenter: anIdentityCenter({ applications, identityStore: STORE }) });

ruleTester(rule, {
  valid: [
    { name: 'no applications', snapshot: withApplications() },
    {
      name: 'assignment required',
      snapshot: withApplications(
        anApplication({ assignments: [{ principalType: 'GROUP', principalId: 'g-admins' }] }),
      ),
    },
  ],
  invalid: [
    {
      name: 'an application open to every directory user, with hostile name',
      snapshot: withApplications(
        anApplication({ id: 'apl-open', name: '=cmd|wiki\n<b>', assignmentRequired: false }),
        anApplication({ id: 'apl-closed' }),
      ),
      findings: [
        {
          resourceArn: anApplication({ id: 'apl-open' }).applicationArn,
          subject: '=cmd|wiki\n<b>',
          severity: 'medium',
          messageId: 'assignmentNotRequired',
          data: {
            applicationName: '=cmd|wiki\n<b>',
            everyone: `all ${STORE.users?.length} user(s) of the directory`,
            assignments: '0 assignment(s)',
          },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'the assignment configuration was not read',
      snapshot: withApplications(
        anApplication({
          assignmentRequired: null,
          unread: ['assignment configuration: AccessDeniedException: no'],
        }),
      ),
      reasonIncludes:
        'whether apl-1 requires assignment was not read (assignment configuration: AccessDeniedException',
    },
  ],
});
