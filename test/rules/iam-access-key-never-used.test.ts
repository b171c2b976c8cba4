import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-access-key-never-used.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const arn = USER_ARN('alice');

ruleTester(rule, {
  valid: [
    {
      name: 'key created minutes ago is inside the grace period',
      snapshot: oneAccount({
        users: [aUser({ accessKeys: [anAccessKey({ createDate: '2026-11-30T23:50:00.000Z' })] })],
      }),
    },
    {
      name: 'key used once',
      snapshot: oneAccount({
        users: [aUser({ accessKeys: [anAccessKey({ lastUsedDate: '2024-02-01T00:00:00.000Z' })] })],
      }),
    },
    {
      name: 'inactive unused key',
      snapshot: oneAccount({ users: [aUser({ accessKeys: [anAccessKey({ status: 'Inactive' })] })] }),
    },
    {
      name: 'grace period raised',
      snapshot: oneAccount({
        users: [aUser({ accessKeys: [anAccessKey({ createDate: '2026-11-01T00:00:00.000Z' })] })],
      }),
      options: { graceDays: 60 },
    },
  ],
  invalid: [
    {
      name: 'key set up with a console user and never used (the CIS case)',
      snapshot: oneAccount({
        users: [
          aUser({
            passwordEnabled: true,
            createDate: '2026-01-01T00:00:00.000Z',
            accessKeys: [anAccessKey({ accessKeyId: 'AKIASETUP', createDate: '2026-01-01T00:05:00.000Z' })],
          }),
        ],
      }),
      findings: [
        {
          resourceArn: arn,
          subject: 'AKIASETUP',
          severity: 'medium',
          messageId: 'neverUsedCreatedWithUser',
          data: { keyId: 'AKIASETUP', userName: 'alice', ageDays: 333 },
        },
      ],
    },
    {
      name: 'key added later and never used',
      snapshot: oneAccount({
        users: [
          aUser({
            accessKeys: [anAccessKey({ accessKeyId: 'AKIALATER', createDate: '2026-11-20T00:00:00.000Z' })],
          }),
        ],
      }),
      findings: [
        {
          resourceArn: arn,
          subject: 'AKIALATER',
          severity: 'low',
          messageId: 'neverUsed',
          data: { keyId: 'AKIALATER', userName: 'alice', ageDays: 11 },
        },
      ],
    },
  ],
});
