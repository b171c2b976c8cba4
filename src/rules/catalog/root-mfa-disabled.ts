import { z } from 'zod';
import { defineRule } from '../define-rule.js';
import { assumeRootCommand, rootMigrationAdvice } from './support/root-advice.js';
import {
  describeRootCredentials,
  ROOT_PASSWORD_UNKNOWN,
  rootCredentials,
} from './support/root-credentials.js';

export default defineRule({
  id: 'root-mfa-disabled',
  title: 'Root user has credentials but no MFA',
  severity: 'critical',
  scope: 'account',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam.root'],
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
  compliance: { 'CIS-AWS-3.0': ['1.5'], 'CIS-AWS-5.0': ['1.4'], 'AWS-FSBP': ['IAM.9'] },
  evaluate({ slice, fail, unknown, account, snapshot }) {
    const root = slice('iam.root');
    if (root.mfaActive) return;
    const credentials = rootCredentials(root, account);
    // Without password, keys or certificates there is nothing MFA would protect.
    if (!credentials.any) return;
    // A critical finding must not rest on "possibly a password".
    if (credentials.onlyGuess) return unknown(ROOT_PASSWORD_UNKNOWN);
    fail(root.arn, {
      message: `The root user of account ${account!.id} has ${describeRootCredentials(root, credentials)} and no MFA.`,
      advice: { migration: rootMigrationAdvice(snapshot, account!.id) },
      details: { password: credentials.password, accessKeys: credentials.keys },
    });
  },
});
