import type { FixSteps } from '../../../findings/finding.js';

/** The password policy has no ARN of its own; this names it per account for reports and fingerprints. */
export function passwordPolicyArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:account-password-policy`;
}

export const PASSWORD_POLICY_RESOURCE_TYPE = 'AWS::IAM::AccountPasswordPolicy';

export const PASSWORD_POLICY_MIGRATION =
  'Once people sign in through IAM Identity Center, their password policy is the identity source’s; IAM ' +
  'passwords should then exist only for break-glass use, and this policy guards those.';

export function passwordPolicyFix(cliFlags: string): FixSteps {
  return {
    console: ['IAM console → Account settings → Password policy → Edit'],
    cli: [
      // update-account-password-policy replaces the whole policy: pass every setting you want to keep.
      `aws iam update-account-password-policy ${cliFlags}`,
    ],
  };
}
