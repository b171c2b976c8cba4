import { z } from 'zod';
import { serviceWildcardActions } from '../../knowledge/policy/policy-wildcards.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-policy-service-wildcard',
  title: 'Customer managed policy allows every action of a service',
  severity: 'low',
  messages: {
    serviceWildcard: 'Customer managed policy {policyName} allows every action of a service: {actions}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Policy',
  requires: ['iam.policies'],
  options: z.object({
    /** Unattached policies grant nothing today; Security Hub still reports them. */
    includeUnattached: z
      .boolean()
      .default(true)
      .describe('Also report customer managed policies that are not attached.'),
  }),
  rationale:
    '"service:*" grants every present and future action of the service, including the destructive and ' +
    'permission-changing ones, and hides which actions the job really needs.',
  remediation: {
    console: [
      'IAM console → Policies → the policy → Edit: replace "service:*" with the actions used (Access Advisor shows them)',
    ],
    cli: [
      'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped.json --set-as-default',
    ],
  },
  migration:
    'When this policy moves into an IAM Identity Center permission set, scope it first: permission sets are ' +
    'reused across accounts, so a wildcard spreads.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21'],
  evaluate({ slice, options, fail }) {
    for (const policy of slice('iam.policies')) {
      if (policy.awsManaged || policy.document === null) continue;
      if (policy.attachmentCount === 0 && !options.includeUnattached) continue;
      const wildcards = serviceWildcardActions(policy.document);
      if (wildcards.length === 0) continue;
      fail(policy.arn, {
        messageId: 'serviceWildcard',
        data: { policyName: policy.policyName, actions: wildcards.join(', ') },
        details: { actions: wildcards.join(','), attachmentCount: policy.attachmentCount },
      });
    }
  },
});
