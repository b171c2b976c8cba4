import { anSshPublicKey, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-ssh-public-key.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const dev = aUser({ userName: 'dev' });
const withKeys = (...keys: Parameters<typeof anSshPublicKey>[1][]) =>
  oneAccount({ users: [dev], sshPublicKeys: keys.map((k) => anSshPublicKey(dev, k)) });

ruleTester(rule, {
  valid: [{ name: 'no SSH keys', snapshot: withKeys() }],
  invalid: [
    {
      name: 'active key 10 days old: medium',
      snapshot: withKeys({ sshPublicKeyId: 'APKA1', uploadDate: '2026-11-21T00:00:00.000Z' }),
      findings: [
        {
          resourceArn: USER_ARN('dev'),
          subject: 'APKA1',
          severity: 'medium',
          messageId: 'active',
          data: { userName: 'dev', keyId: 'APKA1', ageDays: 10 },
        },
      ],
    },
    {
      name: 'active key past the maximum age: high',
      snapshot: withKeys({ sshPublicKeyId: 'APKA2', uploadDate: '2025-01-01T00:00:00.000Z' }),
      findings: [
        {
          resourceArn: USER_ARN('dev'),
          subject: 'APKA2',
          severity: 'high',
          messageId: 'active',
          data: { userName: 'dev', keyId: 'APKA2', ageDays: 699 },
        },
      ],
    },
    {
      name: 'maximum age lowered by option',
      snapshot: withKeys({ sshPublicKeyId: 'APKA3', uploadDate: '2026-11-21T00:00:00.000Z' }),
      options: { maxAgeDays: 5 },
      findings: [
        {
          resourceArn: USER_ARN('dev'),
          subject: 'APKA3',
          severity: 'high',
          messageId: 'active',
          data: { userName: 'dev', keyId: 'APKA3', ageDays: 10 },
        },
      ],
    },
    {
      name: 'inactive key: low, still reported (it can be reactivated)',
      snapshot: withKeys({ sshPublicKeyId: 'APKA4', status: 'Inactive' }),
      findings: [
        {
          resourceArn: USER_ARN('dev'),
          subject: 'APKA4',
          severity: 'low',
          messageId: 'inactive',
          data: { userName: 'dev', keyId: 'APKA4' },
        },
      ],
    },
  ],
});
