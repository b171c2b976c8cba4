import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-credentials-unused.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

// Clock: 2026-12-01. 45 days before is 2026-10-17.
const arn = USER_ARN('alice');

ruleTester(rule, {
  valid: [
    { name: 'no credentials', snapshot: oneAccount({ users: [aUser()] }) },
    {
      name: 'password used 45 days ago',
      snapshot: oneAccount({
        users: [aUser({ passwordEnabled: true, passwordLastUsed: '2026-10-17T00:00:00.000Z' })],
      }),
    },
    {
      name: 'inactive old key does not count',
      snapshot: oneAccount({ users: [aUser({ accessKeys: [anAccessKey({ status: 'Inactive' })] })] }),
    },
    {
      name: 'new password never used yet is inside the window',
      snapshot: oneAccount({
        users: [
          aUser({
            passwordEnabled: true,
            createDate: '2026-11-20T00:00:00.000Z',
            passwordLastChanged: '2026-11-20T00:00:00.000Z',
          }),
        ],
      }),
    },
    {
      name: 'threshold raised',
      snapshot: oneAccount({
        users: [aUser({ accessKeys: [anAccessKey({ lastUsedDate: '2026-08-01T00:00:00.000Z' })] })],
      }),
      options: { maxUnusedDays: 180 },
    },
  ],
  invalid: [
    {
      name: 'password and both keys unused: three findings',
      snapshot: oneAccount({
        users: [
          aUser({
            passwordEnabled: true,
            passwordLastUsed: '2026-01-01T00:00:00.000Z',
            accessKeys: [
              anAccessKey({ accessKeyId: 'AKIA1', lastUsedDate: '2026-09-01T00:00:00.000Z' }),
              anAccessKey({ accessKeyId: 'AKIA2', createDate: '2026-06-01T00:00:00.000Z' }),
            ],
          }),
        ],
      }),
      findings: [
        {
          resourceArn: arn,
          subject: 'password',
          messageId: 'passwordLastUsed',
          data: { userName: 'alice', days: 334, maxUnusedDays: 45 },
        },
        {
          resourceArn: arn,
          subject: 'AKIA1',
          messageId: 'keyLastUsed',
          data: { userName: 'alice', days: 91, maxUnusedDays: 45, keyId: 'AKIA1' },
        },
        {
          resourceArn: arn,
          subject: 'AKIA2',
          messageId: 'keyNeverUsed',
          data: { userName: 'alice', days: 183, maxUnusedDays: 45, keyId: 'AKIA2' },
        },
      ],
    },
    {
      name: 'password never used counts from when it was set',
      snapshot: oneAccount({
        users: [aUser({ passwordEnabled: true, passwordLastChanged: '2026-10-01T00:00:00.000Z' })],
      }),
      findings: [
        {
          resourceArn: arn,
          subject: 'password',
          severity: 'medium',
          messageId: 'passwordNeverUsed',
          data: { userName: 'alice', days: 61, maxUnusedDays: 45 },
        },
      ],
    },
  ],
});
