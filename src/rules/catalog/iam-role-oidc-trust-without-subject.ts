import { z } from 'zod';
import {
  conditionValues,
  grantAllows,
  oidcIssuerOf,
  roleKind,
  trustGrants,
} from '../../knowledge/role-trust.js';
import { defineRule } from '../define-rule.js';

// Cognito identity pools are scoped by the aud (identity pool id) condition, not by sub.
const ISSUERS_SCOPED_BY_AUDIENCE = new Set(['cognito-identity.amazonaws.com']);

/** A positive string operator (not a negation), under which a value can admit a subject. */
const ADMITTING_OPERATOR = /^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IgnoreCase)?(IfExists)?$/;

/**
 * Whether a sub value admits subjects of any owner. Under *Like operators "*" and "?" are wildcards: for
 * GitHub (repo:OWNER/REPO:...) a wildcard in the owner admits other organizations' repositories; for any
 * issuer a value made only of wildcards admits everyone.
 */
export function admitsAnySubject(issuer: string, operator: string, value: string): boolean {
  if (!operator.includes('Like')) return false;
  if (/^[*?]+$/.test(value)) return true;
  if (issuer === 'token.actions.githubusercontent.com') {
    const owner = /^repo:([^/]*)/.exec(value)?.[1];
    return owner === undefined ? /^[^:]*[*?]/.test(value) : /[*?]/.test(owner);
  }
  return false;
}

export default defineRule({
  id: 'iam-role-oidc-trust-without-subject',
  title: 'Role trusts an OIDC provider without restricting the subject',
  severity: 'critical',
  messages: {
    noSubjectCondition:
      'Role {roleName} trusts the OIDC provider {issuer} and has no condition on {issuer}:sub: any identity of that issuer (for GitHub, any repository) can assume it.',
    anySubject:
      'Role {roleName} trusts the OIDC provider {issuer} and admits any subject through {wildcards}: any identity of that issuer (for GitHub, any repository) can assume it.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Role',
  requires: ['iam.roles'],
  options: z.object({}),
  rationale:
    'A role that trusts an OIDC issuer such as GitHub Actions (token.actions.githubusercontent.com) without a ' +
    '"sub" condition, or with a wildcard owner, can be assumed by a workflow in any repository on that platform, ' +
    "including an attacker's: the audience alone (sts.amazonaws.com) is the same for everyone.",
  remediation: {
    console: [
      'IAM → Roles → the role → Trust relationships → Edit trust policy',
      'Add a StringEquals (or StringLike) condition on "<issuer>:sub" naming your repository and branch or environment, e.g. "repo:my-org/my-repo:ref:refs/heads/main"',
    ],
    cli: [
      'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-sub-condition.json',
    ],
  },
  migration:
    'Keep OIDC federation (it is the right replacement for CI access keys) but pin every trust statement to the ' +
    'repositories, branches or environments that deploy, one role per pipeline where permissions differ.',
  references: [
    'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
  ],
  evaluate({ slice, fail }) {
    for (const role of slice('iam.roles')) {
      if (roleKind(role) !== 'customer') continue;
      for (const grant of trustGrants(role)) {
        const issuer = oidcIssuerOf(grant);
        if (!issuer || ISSUERS_SCOPED_BY_AUDIENCE.has(issuer)) continue;
        if (!grantAllows(grant, 'sts:AssumeRoleWithWebIdentity')) continue;
        const subject = conditionValues(grant, `${issuer}:sub`).filter((c) =>
          ADMITTING_OPERATOR.test(c.operator),
        );
        const wildcard = subject.flatMap((c) =>
          c.values.filter((v) => admitsAnySubject(issuer, c.operator, v)),
        );
        if (subject.length > 0 && wildcard.length === 0) continue;
        fail(role.arn, {
          subject: issuer,
          ...(subject.length === 0
            ? { messageId: 'noSubjectCondition', data: { roleName: role.roleName, issuer } }
            : {
                messageId: 'anySubject',
                data: {
                  roleName: role.roleName,
                  issuer,
                  wildcards: wildcard.map((v) => `"${v}"`).join(', '),
                },
              }),
          details: { issuer, subjectCondition: subject.length > 0, wildcard: wildcard.join(', ') || null },
          advice: {
            migration: {
              kind: 'workload-to-role',
              replacement: 'oidc-federation',
              summary: `Pin ${role.roleName} to the repositories that use it: add a ${issuer}:sub condition.`,
            },
          },
        });
      }
    }
  },
});
