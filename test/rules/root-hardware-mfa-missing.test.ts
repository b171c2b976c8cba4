import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-hardware-mfa-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { auditedRoot, oneAccount, ROOT_ARN, ROOT_ROW_MISSING } from './support/snapshots.js';

ruleTester(rule, {
  valid: [
    { name: 'hardware MFA', snapshot: oneAccount({ root: aRoot({ mfaKind: 'hardware' }) }) },
    { name: 'kind unknown is not guessed', snapshot: oneAccount({ root: aRoot({ mfaKind: 'unknown' }) }) },
    {
      name: 'not applicable without credentials',
      snapshot: oneAccount({ root: aRoot({ passwordEnabled: false, mfaActive: false, mfaKind: 'none' }) }),
    },
    {
      name: 'the audit lists a passkey (u2f serial): not virtual',
      snapshot: oneAccount(
        { root: aRoot({ mfaKind: 'unknown' }) },
        auditedRoot({
          passwordPresent: true,
          mfaDevices: [{ serialNumber: 'arn:aws:iam::111111111111:u2f/root/key-1', enableDate: null }],
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'virtual MFA',
      snapshot: oneAccount({ root: aRoot({ mfaKind: 'virtual' }) }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'high',
          messageId: 'virtualMfa',
          data: { accountId: '111111111111' },
        },
      ],
    },
    {
      name: 'no MFA at all',
      snapshot: oneAccount({ root: aRoot({ mfaActive: false, mfaKind: 'none' }) }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'noHardwareMfa',
          data: { accountId: '111111111111', credentials: 'a password' },
        },
      ],
    },
    {
      name: 'the audit lists only a virtual device, where the inventory could not tell',
      snapshot: oneAccount(
        { root: aRoot({ mfaKind: 'unknown' }) },
        auditedRoot({
          passwordPresent: true,
          mfaDevices: [
            { serialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device', enableDate: null },
          ],
        }),
      ),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'virtualMfaAudit',
          data: { accountId: '111111111111' },
        },
      ],
    },
  ],
  unknown: [ROOT_ROW_MISSING],
});
