import type { FrameworkMapping } from './framework.js';

/** CIS Amazon Web Services Foundations Benchmark v3.0.0, section 1 (Identity and Access Management). */
export const CIS_AWS_3_0: FrameworkMapping = {
  framework: 'CIS-AWS-3.0',
  title: 'CIS Amazon Web Services Foundations Benchmark v3.0.0',
  url: 'https://www.cisecurity.org/benchmark/amazon_web_services',
  controls: [
    { control: '1.1', title: 'Maintain current contact details', ruleIds: [] },
    { control: '1.2', title: 'Ensure security contact information is registered', ruleIds: [] },
    { control: '1.3', title: 'Ensure security questions are registered in the AWS account', ruleIds: [] },
    {
      control: '1.4',
      title: "Ensure no 'root' user account access key exists",
      ruleIds: ['root-access-keys-exist'],
    },
    {
      control: '1.5',
      title: "Ensure MFA is enabled for the 'root' user account",
      ruleIds: ['root-mfa-disabled'],
    },
    {
      control: '1.6',
      title: "Ensure hardware MFA is enabled for the 'root' user account",
      ruleIds: ['root-hardware-mfa-missing'],
    },
    {
      control: '1.7',
      title: "Eliminate use of the 'root' user for administrative and daily tasks",
      ruleIds: ['root-used-recently'],
    },
    {
      control: '1.8',
      title: 'Ensure IAM password policy requires minimum length of 14 or greater',
      ruleIds: ['iam-password-policy-min-length'],
    },
    {
      control: '1.9',
      title: 'Ensure IAM password policy prevents password reuse',
      ruleIds: ['iam-password-policy-reuse'],
    },
    {
      control: '1.10',
      title:
        'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password',
      ruleIds: ['iam-console-user-without-mfa'],
    },
    {
      control: '1.11',
      title:
        'Do not setup access keys during initial user setup for all IAM users that have a console password',
      ruleIds: ['iam-access-key-never-used', 'iam-user-password-and-access-key'],
    },
    {
      control: '1.12',
      title: 'Ensure credentials unused for 45 days or greater are disabled',
      ruleIds: ['iam-credentials-unused'],
    },
    {
      control: '1.13',
      title: 'Ensure there is only one active access key available for any single IAM user',
      ruleIds: ['iam-multiple-active-access-keys'],
    },
    {
      control: '1.14',
      title: 'Ensure access keys are rotated every 90 days or less',
      ruleIds: ['iam-access-key-max-age'],
    },
    {
      control: '1.15',
      title: 'Ensure IAM Users Receive Permissions Only Through Groups',
      ruleIds: ['iam-user-direct-policies'],
    },
    {
      control: '1.16',
      title: 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached',
      ruleIds: ['iam-full-admin-privileges'],
    },
    {
      control: '1.17',
      title: 'Ensure a support role has been created to manage incidents with AWS Support',
      ruleIds: ['iam-support-role-missing'],
    },
    {
      control: '1.18',
      title: 'Ensure IAM instance roles are used for AWS resource access from instances',
      ruleIds: [],
    },
    {
      control: '1.19',
      title: 'Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed',
      ruleIds: [],
    },
    { control: '1.20', title: 'Ensure that IAM Access analyzer is enabled for all regions', ruleIds: [] },
    {
      control: '1.21',
      title:
        'Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments',
      ruleIds: ['iam-human-user-not-federated', 'sso-instance-missing', 'sso-account-without-assignments'],
    },
    {
      control: '1.22',
      title: 'Ensure access to AWSCloudShellFullAccess is restricted',
      ruleIds: ['iam-cloudshell-full-access'],
    },
  ],
};
