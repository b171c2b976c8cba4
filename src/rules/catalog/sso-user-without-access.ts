import { z } from 'zod';
import {
  ACCOUNTS_WITHOUT_LISTED_ASSIGNMENTS,
  identityStorePrincipalArn,
  isExternallyProvisioned,
} from '../../knowledge/identity-store-provisioning.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-user-without-access',
  title: 'Identity Center user in no group and with no account assignment',
  severity: 'low',
  messages: {
    noAccessProvisioned:
      'Identity store user {userName} is in no group and holds no account assignment: it cannot reach any AWS account. The identity provider provisions this user: check its group push and app assignment there.',
    noAccessLocal:
      'Identity store user {userName} is in no group and holds no account assignment: it cannot reach any AWS account. It was created in Identity Center (no ExternalIds).',
    noAccessOriginUnknown:
      'Identity store user {userName} is in no group and holds no account assignment: it cannot reach any AWS account. Whether the identity provider provisions it is not known (ExternalIds not collected).',
  },
  scope: 'organization',
  resourceType: 'AWS::IdentityStore::User',
  requires: ['sso.identityStore', 'sso.assignments'],
  options: z.object({}),
  rationale:
    'A user who is in no group and holds no direct assignment cannot reach any AWS account through Identity ' +
    'Center. Either the user is dead weight (a leaver the identity provider never removed, a test user) or a ' +
    'mapping is broken: the provider pushed the user but not the groups that carry the access (group push off, ' +
    "a group filtered out, or a membership change lost — Identity Center's SCIM PatchGroup takes at most 100 " +
    'membership changes per request and refuses to replace all members in one). A user assigned only to ' +
    'Identity Center applications (customer managed SAML applications, Amazon Q and others) still appears here: ' +
    'it reaches no AWS account; `keysweep access` lists its application access.',
  remediation: {
    console: [
      'IAM Identity Center → Users → the user → Groups and AWS accounts tabs: confirm there is nothing',
      'In the identity provider: check the user is assigned to the AWS IAM Identity Center app through the right groups, or remove the user',
    ],
    cli: [
      'aws identitystore list-group-memberships-for-member --identity-store-id <store-id> --member-id UserId=<user-id>',
      'aws sso-admin list-account-assignments-for-principal --instance-arn <instance-arn> --principal-type USER --principal-id <user-id>',
    ],
  },
  migration:
    'Before the cutover, every person who needs AWS access should reach it through a group; a user with nothing ' +
    'is either removed or mapped.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/users-groups-provisioning.html',
    'https://docs.aws.amazon.com/singlesignon/latest/developerguide/patchgroup.html',
  ],
  evaluate({ slice, fail, unknown, derive }) {
    // Assignments are listed only for the accounts in the scan: one left out may hold this user's access.
    const unlisted = derive(ACCOUNTS_WITHOUT_LISTED_ASSIGNMENTS);
    if (unlisted.length > 0) {
      return unknown(
        `assignments were listed only for the scanned accounts; ${unlisted.length} account(s) were left out of the scan (${unlisted.slice(0, 5).join(', ')}${unlisted.length > 5 ? ', …' : ''}), and a user may hold access there`,
      );
    }
    const store = slice('sso.identityStore');
    const inGroup = new Set(store.memberships.map((m) => m.userId));
    const assigned = new Set(
      slice('sso.assignments')
        .filter((a) => a.principalType === 'USER')
        .map((a) => a.principalId),
    );
    for (const user of store.users) {
      if (inGroup.has(user.userId) || assigned.has(user.userId)) continue;
      const provisioned = isExternallyProvisioned(user);
      const messageId =
        provisioned === true
          ? 'noAccessProvisioned'
          : provisioned === false
            ? 'noAccessLocal'
            : 'noAccessOriginUnknown';
      fail(identityStorePrincipalArn('user', user.userId), {
        subject: user.userName,
        messageId,
        data: { userName: user.userName },
        advice: {
          summary:
            provisioned === true
              ? `Fix the mapping in the identity provider (push the groups that carry ${user.userName}'s access) or unassign the user from the app.`
              : `Delete ${user.userName} if nobody needs it, or add it to the group that carries its access.`,
          fixNow: {
            console: [],
            cli: [
              `aws sso-admin list-account-assignments-for-principal --instance-arn <instance-arn> --principal-type USER --principal-id ${user.userId}`,
            ],
          },
          migration: { kind: 'identity-center-hygiene', summary: 'User without any AWS account access.' },
        },
        details: { userId: user.userId, externallyProvisioned: provisioned },
      });
    }
  },
});
