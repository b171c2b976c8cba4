import { anMfaDevice, aRoot, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-console-user-without-mfa.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

ruleTester(rule, {
  valid: [
    {
      name: 'console user with MFA',
      snapshot: oneAccount({ users: [aUser({ passwordEnabled: true, mfaDevices: [anMfaDevice()] })] }),
    },
    {
      name: 'key-only user without MFA is not a console user',
      snapshot: oneAccount({ users: [aUser({ userName: 'ci-bot' })] }),
    },
    {
      name: 'root with a password and no MFA is never counted as a console user',
      snapshot: oneAccount({
        users: [],
        root: aRoot({ passwordEnabled: true, mfaActive: false, mfaKind: 'none' }),
      }),
    },
  ],
  invalid: [
    {
      name: 'console password, no MFA',
      snapshot: oneAccount({ users: [aUser({ userName: 'bob', passwordEnabled: true })] }),
      findings: [
        { resourceArn: USER_ARN('bob'), severity: 'high', messageId: 'noMfa', data: { userName: 'bob' } },
      ],
    },
  ],
});
