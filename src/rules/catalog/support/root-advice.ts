import type { Snapshot } from '../../../inventory/snapshot-schema.js';
import type { MigrationAdvice } from '../../finding.js';

/** The root session that may delete a member account's root credentials (centralized root access). */
export function assumeRootCommand(accountId = '<account-id>'): string {
  return `aws sts assume-root --target-principal ${accountId} --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials`;
}

/** Root credentials disappear from member accounts with centralized root access; the management account keeps its own. */
export function rootMigrationAdvice(snapshot: Snapshot, accountId: string): MigrationAdvice {
  const centralized = snapshot.organization.centralizedRootAccess;
  const enabled = centralized.status === 'ok' && centralized.data.rootCredentialsManagement;
  const isManagement = snapshot.organization.managementAccountId === accountId;
  if (isManagement) {
    return {
      kind: 'root-to-centralized',
      summary:
        'The management account keeps its root user: protect it with hardware MFA, no access keys, and use it only ' +
        'for the few tasks that need root; everyone else signs in through IAM Identity Center.',
      steps: [
        'Register hardware MFA (FIDO2 security key) for root',
        'Delete root access keys',
        'Store the root password in a break-glass process',
      ],
    };
  }
  return {
    kind: 'root-to-centralized',
    summary: enabled
      ? 'Centralized root access is enabled: delete this member account’s root credentials from the management account with a root session.'
      : 'Enable centralized root access in the organization, then delete this member account’s root credentials; root tasks then use short root sessions from the management account.',
    steps: [
      ...(enabled
        ? []
        : [
            'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com',
            'aws iam enable-organizations-root-credentials-management',
            'aws iam enable-organizations-root-sessions',
          ]),
      assumeRootCommand(accountId),
      'With those credentials: aws iam delete-login-profile; aws iam delete-access-key --access-key-id <id>; aws iam deactivate-mfa-device --serial-number <arn>',
    ],
  };
}
