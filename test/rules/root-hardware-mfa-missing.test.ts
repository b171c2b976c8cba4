import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-hardware-mfa-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, ROOT_ARN, ROOT_ROW_MISSING } from './support/snapshots.js';

ruleTester(rule, {
  valid: [
    { name: 'hardware MFA', snapshot: oneAccount({ root: aRoot({ mfaKind: 'hardware' }) }) },
    { name: 'kind unknown is not guessed', snapshot: oneAccount({ root: aRoot({ mfaKind: 'unknown' }) }) },
    {
      name: 'not applicable without credentials',
      snapshot: oneAccount({ root: aRoot({ passwordEnabled: false, mfaActive: false, mfaKind: 'none' }) }),
    },
  ],
  invalid: [
    {
      name: 'virtual MFA',
      snapshot: oneAccount({ root: aRoot({ mfaKind: 'virtual' }) }),
      findings: [{ resourceArn: ROOT_ARN, severity: 'high', messageIncludes: 'virtual MFA device' }],
    },
    {
      name: 'no MFA at all',
      snapshot: oneAccount({ root: aRoot({ mfaActive: false, mfaKind: 'none' }) }),
      findings: [{ resourceArn: ROOT_ARN, messageIncludes: 'no hardware MFA' }],
    },
  ],
  unknown: [ROOT_ROW_MISSING],
});
