import { anAccessKey, anMfaDevice, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-without-mfa.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

ruleTester(rule, {
  valid: [
    { name: 'user with MFA', snapshot: oneAccount({ users: [aUser({ mfaDevices: [anMfaDevice()] })] }) },
    {
      name: 'user without credentials skipped by option',
      snapshot: oneAccount({ users: [aUser({ userName: 'dormant' })] }),
      options: { includeUsersWithoutCredentials: false },
    },
  ],
  invalid: [
    {
      name: 'key-only workload without MFA: kept for FSBP IAM.19, low, pointing at a role',
      snapshot: oneAccount({ users: [aUser({ userName: 'svc-app', accessKeys: [anAccessKey()] })] }),
      findings: [
        {
          resourceArn: USER_ARN('svc-app'),
          severity: 'low',
          messageId: 'noMfaKeyOnlyWorkload',
          data: { userName: 'svc-app' },
        },
      ],
    },
    {
      name: 'a person with keys only (person-like name) stays medium',
      snapshot: oneAccount({ users: [aUser({ userName: 'jane.doe', accessKeys: [anAccessKey()] })] }),
      findings: [
        {
          resourceArn: USER_ARN('jane.doe'),
          severity: 'medium',
          messageId: 'noMfa',
          data: { userName: 'jane.doe' },
        },
      ],
    },
    {
      name: 'user without any credential still counts by default',
      snapshot: oneAccount({ users: [aUser({ userName: 'dormant' })] }),
      findings: [
        {
          resourceArn: USER_ARN('dormant'),
          messageId: 'noMfaKeyOnlyWorkload',
          data: { userName: 'dormant' },
        },
      ],
    },
  ],
});
