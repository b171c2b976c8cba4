import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-mfa-disabled.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, ROOT_ARN } from './support/snapshots.js';

const noCredentials = { passwordEnabled: false, mfaActive: false, mfaKind: 'none' as const };

ruleTester(rule, {
  valid: [
    { name: 'root with MFA', snapshot: oneAccount({ root: aRoot() }) },
    {
      name: 'not applicable: root has no credentials at all',
      snapshot: oneAccount({ root: aRoot(noCredentials) }),
    },
    {
      name: 'password not reported, account summary says none',
      snapshot: oneAccount({
        root: aRoot({ ...noCredentials, passwordEnabled: null }),
        accountSummary: { AccountPasswordPresent: 0 },
      }),
    },
  ],
  invalid: [
    {
      name: 'password, no MFA',
      snapshot: oneAccount({ root: aRoot({ mfaActive: false, mfaKind: 'none' }) }),
      findings: [{ resourceArn: ROOT_ARN, severity: 'critical', messageIncludes: 'a password and no MFA' }],
    },
    {
      name: 'password unknown counts as present',
      snapshot: oneAccount({
        root: aRoot({ passwordEnabled: null, mfaActive: false, mfaKind: 'none' }),
        accountSummary: {},
      }),
      findings: [{ resourceArn: ROOT_ARN, messageIncludes: 'possibly a password' }],
    },
  ],
});
