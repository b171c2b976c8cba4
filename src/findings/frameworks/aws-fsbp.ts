import type { FrameworkMapping } from './framework.js';

/**
 * AWS Security Hub controls for IAM. Control ids are shared by all Security Hub standards: the core ones
 * (IAM.1–IAM.8, IAM.21) belong to the Foundational Security Best Practices standard, others (e.g. the
 * password-policy controls IAM.10–IAM.17, IAM.22, IAM.27) are enabled through Security Hub's CIS, PCI DSS or
 * NIST standards. They are listed together so a Security Hub user finds every IAM control id keysweep checks.
 * Verify a control's standard membership in the Security Hub console before quoting it as "FSBP".
 */
export const AWS_FSBP: FrameworkMapping = {
  framework: 'AWS-FSBP',
  title: 'AWS Foundational Security Best Practices (Security Hub IAM controls)',
  url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html',
  controls: [
    {
      control: 'IAM.1',
      title: 'IAM policies should not allow full "*" administrative privileges',
      ruleIds: ['iam-full-admin-privileges'],
    },
    {
      control: 'IAM.2',
      title: 'IAM users should not have IAM policies attached',
      ruleIds: ['iam-user-direct-policies'],
    },
    {
      control: 'IAM.3',
      title: "IAM users' access keys should be rotated every 90 days or less",
      ruleIds: ['iam-access-key-max-age'],
    },
    {
      control: 'IAM.4',
      title: 'IAM root user access key should not exist',
      ruleIds: ['root-access-keys-exist'],
    },
    {
      control: 'IAM.5',
      title: 'MFA should be enabled for all IAM users that have a console password',
      ruleIds: ['iam-console-user-without-mfa'],
    },
    {
      control: 'IAM.6',
      title: 'Hardware MFA should be enabled for the root user',
      ruleIds: ['root-hardware-mfa-missing'],
    },
    {
      control: 'IAM.7',
      title: 'Password policies for IAM users should have strong configurations',
      ruleIds: [
        'iam-password-policy-min-length',
        'iam-password-policy-complexity',
        'iam-password-policy-reuse',
        'iam-password-policy-expiry',
      ],
    },
    { control: 'IAM.8', title: 'Unused IAM user credentials should be removed', ruleIds: [] },
    { control: 'IAM.9', title: 'MFA should be enabled for the root user', ruleIds: ['root-mfa-disabled'] },
    {
      control: 'IAM.10',
      title: 'Password policies for IAM users should have strong configurations (PCI DSS)',
      ruleIds: ['iam-password-policy-min-length', 'iam-password-policy-reuse', 'iam-password-policy-expiry'],
    },
    {
      control: 'IAM.11',
      title: 'Ensure IAM password policy requires at least one uppercase letter',
      ruleIds: ['iam-password-policy-complexity'],
    },
    {
      control: 'IAM.12',
      title: 'Ensure IAM password policy requires at least one lowercase letter',
      ruleIds: ['iam-password-policy-complexity'],
    },
    {
      control: 'IAM.13',
      title: 'Ensure IAM password policy requires at least one symbol',
      ruleIds: ['iam-password-policy-complexity'],
    },
    {
      control: 'IAM.14',
      title: 'Ensure IAM password policy requires at least one number',
      ruleIds: ['iam-password-policy-complexity'],
    },
    {
      control: 'IAM.15',
      title: 'Ensure IAM password policy requires minimum password length of 14 or greater',
      ruleIds: ['iam-password-policy-min-length'],
    },
    {
      control: 'IAM.16',
      title: 'Ensure IAM password policy prevents password reuse',
      ruleIds: ['iam-password-policy-reuse'],
    },
    {
      control: 'IAM.17',
      title: 'Ensure IAM password policy expires passwords within 90 days or less',
      ruleIds: ['iam-password-policy-expiry'],
    },
    {
      control: 'IAM.18',
      title: 'Ensure a support role has been created to manage incidents with AWS Support',
      ruleIds: ['iam-support-role-missing'],
    },
    {
      control: 'IAM.19',
      title: 'MFA should be enabled for all IAM users',
      ruleIds: ['iam-user-without-mfa'],
    },
    { control: 'IAM.20', title: 'Avoid the use of the root user', ruleIds: ['root-used-recently'] },
    {
      control: 'IAM.21',
      title: 'IAM customer managed policies that you create should not allow wildcard actions for services',
      ruleIds: ['iam-policy-service-wildcard'],
    },
    {
      control: 'IAM.22',
      title: 'IAM user credentials unused for 45 days should be removed',
      ruleIds: ['iam-credentials-unused'],
    },
    {
      control: 'IAM.27',
      title: 'IAM identities should not have the AWSCloudShellFullAccess policy attached',
      ruleIds: ['iam-cloudshell-full-access'],
    },
  ],
};
