import { anAccessKey, anAccount, anIamSlice, aSnapshot, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-access-key-max-age.js';
import { ruleTester } from '../support/rule-tester.js';

const withKeys = (...keys: Parameters<typeof anAccessKey>[0][]) =>
  aSnapshot({
    accounts: [
      anAccount({
        iam: anIamSlice({ users: [aUser({ userName: 'ci', accessKeys: keys.map((k) => anAccessKey(k)) })] }),
      }),
    ],
  });
const arn = 'arn:aws:iam::111111111111:user/ci';

ruleTester(rule, {
  valid: [
    { name: 'no keys', snapshot: withKeys() },
    { name: 'key exactly 90 days old', snapshot: withKeys({ createDate: '2026-09-02T00:00:00.000Z' }) },
    {
      name: 'old key that is inactive',
      snapshot: withKeys({ createDate: '2020-01-01T00:00:00.000Z', status: 'Inactive' }),
    },
    {
      name: 'threshold raised by option',
      snapshot: withKeys({ createDate: '2026-06-01T00:00:00.000Z' }),
      options: { maxAgeDays: 365 },
    },
  ],
  invalid: [
    {
      name: 'key 91 days old',
      snapshot: withKeys({ accessKeyId: 'AKIAOLD', createDate: '2026-09-01T00:00:00.000Z' }),
      findings: [
        {
          resourceArn: arn,
          subject: 'AKIAOLD',
          severity: 'high',
          messageId: 'tooOld',
          data: { keyId: 'AKIAOLD', userName: 'ci', ageDays: 91, maxAgeDays: 90 },
        },
      ],
    },
    {
      name: 'two old active keys give two findings',
      snapshot: withKeys(
        { accessKeyId: 'AKIA1', createDate: '2025-01-01T00:00:00.000Z' },
        { accessKeyId: 'AKIA2', createDate: '2025-02-01T00:00:00.000Z' },
      ),
      findings: [
        {
          resourceArn: arn,
          subject: 'AKIA1',
          messageId: 'tooOld',
          data: { keyId: 'AKIA1', userName: 'ci', ageDays: 699, maxAgeDays: 90 },
        },
        {
          resourceArn: arn,
          subject: 'AKIA2',
          messageId: 'tooOld',
          data: { keyId: 'AKIA2', userName: 'ci', ageDays: 668, maxAgeDays: 90 },
        },
      ],
    },
    {
      name: 'threshold lowered by option',
      snapshot: withKeys({ accessKeyId: 'AKIA3', createDate: '2026-11-01T00:00:00.000Z' }),
      options: { maxAgeDays: 7 },
      findings: [
        {
          resourceArn: arn,
          subject: 'AKIA3',
          messageId: 'tooOld',
          data: { keyId: 'AKIA3', userName: 'ci', ageDays: 30, maxAgeDays: 7 },
        },
      ],
    },
  ],
});
