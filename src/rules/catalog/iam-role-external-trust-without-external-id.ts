import { z } from 'zod';
import { ORGANIZATION_ACCOUNT_IDS } from '../../knowledge/organization-account-ids.js';
import { grantAllows, hasConditionKey, roleKind, trustGrants } from '../../knowledge/role-trust.js';
import { defineRule } from '../define-rule.js';

// Conditions that tie the caller to the organization or to a known third party.
const LIMITING_KEYS = ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'];

export default defineRule({
  id: 'iam-role-external-trust-without-external-id',
  title: 'Role trusts an account outside the organization without sts:ExternalId',
  severity: 'high',
  messages: {
    anyAccount: 'Role {roleName} can be assumed by any AWS account ("Principal": "*" without conditions).',
    outsideAccount:
      'Role {roleName} trusts account {accountId}, which is not in the organization, without an sts:ExternalId condition.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Role',
  requires: ['iam.roles'],
  options: z.object({
    trustedAccountIds: z
      .array(z.string().regex(/^\d{12}$/))
      .default([])
      .describe('Accounts outside the organization that are known and accepted (reviewed vendors).'),
  }),
  rationale:
    'A role that any principal of a third-party account can assume, without an external id, is open to the ' +
    'confused-deputy problem: anyone who can make that vendor act for them can reach your account through it. ' +
    'A trust of "*" without conditions lets every AWS account in the world assume the role.',
  remediation: {
    console: [
      'IAM → Roles → the role → Trust relationships → Edit trust policy',
      'Add "Condition": {"StringEquals": {"sts:ExternalId": "<id the vendor gave you>"}}, or remove the statement if the account is not a vendor you use',
    ],
    cli: [
      'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-external-id.json',
    ],
  },
  migration:
    'For people from another organization, prefer Identity Center users or a partner integration over a ' +
    'cross-account role; for vendors, require the external id they issue and review the list yearly.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  ],
  evaluate({ slice, derive, options, fail }) {
    const inOrganization = derive(ORGANIZATION_ACCOUNT_IDS);
    for (const role of slice('iam.roles')) {
      if (roleKind(role) !== 'customer') continue;
      for (const grant of trustGrants(role)) {
        const outside = grant.accountId;
        if (grant.kind !== 'aws' || !outside || !grantAllows(grant, 'sts:AssumeRole')) continue;
        if (inOrganization.has(outside) || options.trustedAccountIds.includes(outside)) continue;
        const anyone = outside === '*';
        // "*" with any condition is left alone: the condition decides, and it is not ours to guess.
        if (
          anyone
            ? Object.keys(grant.condition).length > 0
            : LIMITING_KEYS.some((k) => hasConditionKey(grant, k))
        )
          continue;
        fail(role.arn, {
          subject: outside,
          severity: anyone ? 'critical' : undefined,
          ...(anyone
            ? { messageId: 'anyAccount', data: { roleName: role.roleName } }
            : { messageId: 'outsideAccount', data: { roleName: role.roleName, accountId: outside } }),
          details: { trustedAccount: outside, principal: grant.principal },
        });
      }
    }
  },
});
