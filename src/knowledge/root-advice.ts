import type { MigrationAdvice } from '../findings/finding.js';
import { collectedData } from '../inventory/slice-reader.js';
import { defineDerivation, sliceGap } from './derivation.js';

/** The root session that may delete a member account's root credentials (centralized root access). */
export function assumeRootCommand(accountId = '<account-id>'): string {
  return `aws sts assume-root --target-principal ${accountId} --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials`;
}

const DELETE_WITH_ROOT_SESSION =
  'With those credentials: aws iam delete-login-profile; aws iam delete-access-key --access-key-id <id>; aws iam deactivate-mfa-device --serial-number <arn>';

const KEEP_ROOT_STEPS = [
  'Register hardware MFA (FIDO2 security key) for root',
  'Delete root access keys',
  'Store the root password in a break-glass process',
];

/**
 * Root migration advice per account. Root credentials disappear from member accounts with centralized
 * root access; the management account (and a standalone account) keeps its own. When whether the
 * feature is enabled was not collected, the advice says so and starts with checking it.
 */
export const ROOT_ADVICE = defineDerivation({
  id: 'root-advice',
  reads: ['org.centralizedRootAccess'],
  derive(input): (accountId: string) => MigrationAdvice {
    const { organization } = input;
    const centralized = input.slice('org.centralizedRootAccess');
    const gap = sliceGap('org.centralizedRootAccess', centralized);
    const enabled = collectedData(centralized)?.rootCredentialsManagement === true;
    return (accountId) => {
      if (organization.managementAccountId === accountId) {
        return {
          kind: 'root-to-centralized',
          summary:
            'The management account keeps its root user: protect it with hardware MFA, no access keys, and use it only ' +
            'for the few tasks that need root; everyone else signs in through IAM Identity Center.',
          steps: KEEP_ROOT_STEPS,
        };
      }
      if (organization.id === null) {
        return {
          kind: 'root-to-centralized',
          summary:
            'A standalone account keeps its root user (centralized root access needs an organization): protect it ' +
            'with hardware MFA, no access keys, and use it only for the few tasks that need root.',
          steps: KEEP_ROOT_STEPS,
        };
      }
      if (gap) {
        return {
          kind: 'root-to-centralized',
          summary:
            `Whether centralized root access is enabled is unknown (${gap}). Check it from the management ` +
            'account; once it is enabled, delete this member account’s root credentials with a root session.',
          steps: [
            'From the management account: aws iam list-organizations-features (RootCredentialsManagement must be listed)',
            assumeRootCommand(accountId),
            DELETE_WITH_ROOT_SESSION,
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
          DELETE_WITH_ROOT_SESSION,
        ],
      };
    };
  },
});
