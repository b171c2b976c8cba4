import { z } from 'zod';
import {
  auditSource,
  describeRootCredentials,
  ROOT_PASSWORD_UNKNOWN,
  rootAuditFacts,
  rootCredentials,
} from '../../knowledge/policy/root-credentials.js';
import { ROOT_ADVICE } from '../../knowledge/root-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'root-hardware-mfa-missing',
  title: 'Root user has credentials but no hardware MFA',
  severity: 'high',
  messages: {
    virtualMfa: 'The root user of account {accountId} uses a virtual MFA device, not a hardware one.',
    virtualMfaAudit:
      'The root user of account {accountId} uses a virtual MFA device, not a hardware one (read in an AssumeRoot audit session).',
    noHardwareMfa: 'The root user of account {accountId} has {credentials} and no hardware MFA.',
    noHardwareMfaAudit:
      'The root user of account {accountId} has {credentials} and no hardware MFA (read in an AssumeRoot audit session).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam.root'],
  reads: ['iam.accountSummary', 'org.rootCredentialsAudit'],
  options: z.object({}),
  rationale:
    'A virtual MFA seed lives on a phone or laptop that can be copied or lost with the password; a hardware ' +
    'key (FIDO2 or TOTP token) cannot be cloned and resists phishing.',
  remediation: {
    console: [
      'Sign in as root → Security credentials → Multi-factor authentication → Assign MFA device → Passkey or security key / Hardware TOTP token, then remove the virtual device',
    ],
    cli: [
      'aws iam list-virtual-mfa-devices --assignment-status Assigned   # a root serial here means virtual MFA',
    ],
  },
  migration:
    'Member accounts: delete root credentials with centralized root access instead. Management account: keep root with a hardware key.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html'],
  evaluate({ slice, fail, unknown, account, derive, sliceIfCollected }) {
    const root = slice('iam.root');
    const credentials = rootCredentials(
      root,
      sliceIfCollected('iam.accountSummary'),
      rootAuditFacts(sliceIfCollected('org.rootCredentialsAudit'), account.id),
    );
    // unknown: the collector could not tell virtual from hardware; guessing would be a false finding.
    if (credentials.mfaKind === 'hardware' || credentials.mfaKind === 'unknown') return;
    if (!credentials.any) return;
    if (credentials.onlyGuess && !credentials.mfa) return unknown(ROOT_PASSWORD_UNKNOWN);
    fail(root.arn, {
      ...(credentials.mfa && credentials.mfaKind === 'virtual'
        ? {
            messageId: credentials.source === 'audit' ? 'virtualMfaAudit' : 'virtualMfa',
            data: { accountId: account.id },
          }
        : {
            messageId: credentials.source === 'audit' ? 'noHardwareMfaAudit' : 'noHardwareMfa',
            data: { accountId: account.id, credentials: describeRootCredentials(credentials) },
          }),
      advice: { migration: derive(ROOT_ADVICE)(account.id) },
      details: { mfaKind: credentials.mfaKind, ...auditSource(credentials) },
    });
  },
});
