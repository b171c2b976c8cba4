import { z } from 'zod';
import {
  auditSource,
  describeRootCredentials,
  ROOT_PASSWORD_UNKNOWN,
  rootAuditFacts,
  rootCredentials,
} from '../../knowledge/policy/root-credentials.js';
import { assumeRootCommand, ROOT_ADVICE } from '../../knowledge/root-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'root-mfa-disabled',
  title: 'Root user has credentials but no MFA',
  severity: 'critical',
  messages: {
    noMfa: 'The root user of account {accountId} has {credentials} and no MFA.',
    noMfaAudit:
      'The root user of account {accountId} has {credentials} and no MFA (read in an AssumeRoot audit session).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam.root'],
  reads: ['iam.accountSummary', 'org.rootCredentialsAudit'],
  options: z.object({}),
  rationale:
    'The root user can do anything in the account and cannot be restricted by IAM policies; its password alone ' +
    '(phished, reused, reset through the account e-mail) must not be enough to sign in.',
  remediation: {
    console: [
      'Sign in as root → Security credentials → Multi-factor authentication → Assign MFA device (prefer a FIDO2 security key)',
    ],
    cli: [
      '# Root MFA is assigned in the console while signed in as root; with centralized root access, delete the credentials instead:',
      assumeRootCommand(),
    ],
  },
  migration:
    'For member accounts, centralized root access removes the root password altogether, which makes MFA moot. ' +
    'Root MFA is not applicable when the root user has no credentials at all.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html'],
  evaluate({ slice, fail, unknown, account, derive, sliceIfCollected }) {
    const root = slice('iam.root');
    const credentials = rootCredentials(
      root,
      sliceIfCollected('iam.accountSummary'),
      rootAuditFacts(sliceIfCollected('org.rootCredentialsAudit'), account.id),
    );
    if (credentials.mfa) return;
    // Without password, keys or certificates there is nothing MFA would protect.
    if (!credentials.any) return;
    // A critical finding must not rest on "possibly a password".
    if (credentials.onlyGuess) return unknown(ROOT_PASSWORD_UNKNOWN);
    fail(root.arn, {
      messageId: credentials.source === 'audit' ? 'noMfaAudit' : 'noMfa',
      data: { accountId: account.id, credentials: describeRootCredentials(credentials) },
      advice: { migration: derive(ROOT_ADVICE)(account.id) },
      details: { password: credentials.password, accessKeys: credentials.keys, ...auditSource(credentials) },
    });
  },
});
