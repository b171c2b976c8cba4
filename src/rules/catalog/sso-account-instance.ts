import { z } from 'zod';
import { regionsSearchedText } from '../../knowledge/account-instance-search.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-account-instance',
  title: 'Member account runs its own (account) instance of IAM Identity Center',
  severity: 'medium',
  messages: {
    accountInstance:
      'Account {accountId} owns an account instance of IAM Identity Center ({instanceName}, {region}): {counted}. Searched: {searched}.',
  },
  scope: 'account',
  resourceType: 'AWS::SSO::Instance',
  requires: ['iam.identityCenterInstances'],
  options: z.object({}),
  rationale:
    'A member account can create an account instance of IAM Identity Center: its own users, groups and ' +
    "applications, outside the organization instance. Its sign-ins are not governed by the organization's " +
    'permission sets, assignments or identity source, so off-boarding in the organization instance does not ' +
    'reach them and an audit of the organization instance does not see them.',
  remediation: {
    console: [
      'Sign in to the member account → IAM Identity Center → Settings: review the account instance, its users and applications',
      'Move its applications to the organization instance, then delete the account instance (Settings → Delete)',
    ],
    cli: [
      "aws sso-admin list-instances   # with the member account's credentials",
      'aws sso-admin list-applications --instance-arn <account-instance-arn>',
      'aws sso-admin delete-instance --instance-arn <account-instance-arn>',
    ],
  },
  migration:
    'The migration kit manages the organization instance only; it leaves account instances alone. Move their ' +
    'applications and users to the organization instance first, and consider an SCP denying sso:CreateInstance ' +
    'in member accounts.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/account-instances-identity-center.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/control-account-instance.html',
  ],
  evaluate({ slice, account, fail, unknown }) {
    const search = slice('iam.identityCenterInstances');
    const searched = regionsSearchedText(search);
    // A region whose ListInstances failed may hold one: never a pass (an instance found elsewhere still fails).
    if (search.instances.length === 0 && search.regionsNotRead.length > 0)
      return unknown(`ListInstances failed in some regions; searched: ${searched}`);
    for (const instance of search.instances) {
      const counted = [
        instance.users === null ? 'users not read' : `${instance.users} user(s)`,
        instance.applications === null ? 'applications not read' : `${instance.applications} application(s)`,
      ].join(', ');
      fail(instance.instanceArn, {
        messageId: 'accountInstance',
        data: {
          accountId: account.id,
          instanceName: instance.name ?? 'unnamed',
          region: instance.region,
          counted,
          searched,
        },
        advice: {
          summary:
            'Decide whether this account instance is needed; move its applications and users to the organization instance and delete it.',
          fixNow: {
            console: [],
            cli: [
              `aws sso-admin list-applications --instance-arn ${instance.instanceArn} --region ${instance.region}`,
            ],
          },
        },
        details: {
          instanceArn: instance.instanceArn,
          identityStoreId: instance.identityStoreId,
          status: instance.status,
          region: instance.region,
          createdDate: instance.createdDate,
          users: instance.users,
          applications: instance.applications,
          notRead: instance.unread.length > 0 ? instance.unread.join('; ') : null,
          regionsSearched: search.regionsSearched.join(', '),
          regionsNotRead:
            search.regionsNotRead.length > 0
              ? search.regionsNotRead.map((r) => `${r.region}: ${r.code}: ${r.message}`).join('; ')
              : null,
        },
      });
    }
  },
});
