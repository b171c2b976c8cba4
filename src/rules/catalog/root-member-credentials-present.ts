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
  id: 'root-member-credentials-present',
  title: 'Member account holds root credentials that centralized root access would remove',
  severity: 'medium',
  messages: {
    stillHoldsCentralized:
      'Centralized root access is enabled, but the root user of member account {accountId} still has {credentials}.',
    stillHoldsCentralizedAudit:
      'Centralized root access is enabled, but the root user of member account {accountId} still has {credentials} (read in an AssumeRoot audit session).',
    holdsNotCentralized:
      'Centralized root access is not enabled and the root user of member account {accountId} holds {credentials}.',
    holdsNotCentralizedAudit:
      'Centralized root access is not enabled and the root user of member account {accountId} holds {credentials} (read in an AssumeRoot audit session).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Root',
  requires: ['org.centralizedRootAccess', 'iam.root'],
  reads: ['iam.accountSummary', 'org.rootCredentialsAudit'],
  options: z.object({}),
  rationale:
    'Every member account root user is a full-power identity with its own password, MFA and recovery e-mail to ' +
    'protect. Centralized root access lets the organization delete them and run root tasks as short sessions ' +
    'from the management account — but enabling it does not delete existing credentials by itself.',
  remediation: {
    console: [
      'Management account → IAM → Root access management → Enable (root credentials management and privileged root actions)',
      'Then, per member account: Root access management → the account → Take privileged action → Delete root user credentials',
    ],
    cli: [
      'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com',
      'aws iam enable-organizations-root-credentials-management',
      'aws iam enable-organizations-root-sessions',
      assumeRootCommand(),
    ],
  },
  migration:
    'Enable centralized root access, then delete the root password, keys and MFA of every member account.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management',
  ],
  evaluate({ slice, fail, unknown, account, organization, derive, sliceIfCollected }) {
    // The management account's root cannot be removed by the feature; a standalone account has no organization.
    if (account.id === organization.managementAccountId || organization.id === null) return;
    const enabled = slice('org.centralizedRootAccess').rootCredentialsManagement;
    const root = slice('iam.root');
    // The AssumeRoot audit when one was made (the feature is on), else the credential report: enabling
    // the feature does not remove existing credentials.
    const credentials = rootCredentials(
      root,
      sliceIfCollected('iam.accountSummary'),
      rootAuditFacts(sliceIfCollected('org.rootCredentialsAudit'), account.id),
    );
    if (!credentials.any && !credentials.mfa) return;
    // An MFA device is a fact; "possibly a password" alone is not.
    if (credentials.onlyGuess && !credentials.mfa) return unknown(ROOT_PASSWORD_UNKNOWN);
    fail(root.arn, {
      messageId: enabled
        ? credentials.source === 'audit'
          ? 'stillHoldsCentralizedAudit'
          : 'stillHoldsCentralized'
        : credentials.source === 'audit'
          ? 'holdsNotCentralizedAudit'
          : 'holdsNotCentralized',
      data: { accountId: account.id, credentials: describeRootCredentials(credentials) },
      advice: { migration: derive(ROOT_ADVICE)(account.id) },
      details: {
        centralizedRootAccess: enabled,
        password: credentials.password,
        accessKeys: credentials.keys,
        mfa: credentials.mfa,
        ...auditSource(credentials),
      },
    });
  },
});
