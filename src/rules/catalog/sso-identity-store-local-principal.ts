import { z } from 'zod';
import {
  describeIssuers,
  directoryFeed,
  identityStorePrincipalArn,
  isExternallyProvisioned,
} from '../../knowledge/identity-store-provisioning.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-identity-store-local-principal',
  title: 'Locally created user or group in a directory fed by an external identity provider',
  severity: 'medium',
  messages: {
    localUser:
      'Identity store user {userName} has no ExternalIds: it was created in Identity Center, not by the identity provider that feeds this directory ({fedBy}). It is in {groups} group(s); {directAssignments}.',
    localGroup:
      'Identity store group {groupName} has no ExternalIds: it was created in Identity Center, not by the identity provider that feeds this directory ({fedBy}). It has {members} member(s); {assignments}; its membership is edited by hand.',
  },
  scope: 'organization',
  resourceType: 'AWS::IdentityStore::Principal',
  requires: ['sso.identityStore'],
  reads: ['sso.assignments'],
  options: z.object({}),
  rationale:
    'When Okta, Microsoft Entra ID, Google Workspace or Active Directory provisions the identity store, its ' +
    'users and groups carry ExternalIds. A user or group without them was created in Identity Center by hand ' +
    '(console, CLI or CreateUser, which cannot set ExternalIds): the identity provider never updates, ' +
    'deactivates or deletes it, so it survives the off-boarding of the person behind it, keeps its group ' +
    'memberships and assignments, and hands them to whoever the provider later authenticates with the same ' +
    "user name. Identity Center's SCIM endpoint supports only `eq` filters, so the provider can look up a " +
    'user or group by exact name or external id but cannot list and reconcile what it did not create: nothing ' +
    'on the provider side will ever clean these up, and creating the same name through SCIM fails with a ' +
    'conflict.',
  remediation: {
    console: [
      'IAM Identity Center → Users / Groups: open the principal; "Created by" / no external id shows it was made by hand',
      'Create the user or group in the identity provider and assign it to the AWS IAM Identity Center app, then move the assignments and delete the local one',
    ],
    cli: [
      'aws identitystore describe-user --identity-store-id <store-id> --user-id <user-id>   # no ExternalIds',
      'aws identitystore delete-user --identity-store-id <store-id> --user-id <user-id>',
    ],
  },
  migration:
    'Keep one source of truth: every person and group comes from the identity provider. A break-glass path ' +
    'belongs outside Identity Center (the root user or a documented IAM user), not as a local user that SCIM ' +
    'does not see.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/provision-automatically.html',
    'https://docs.aws.amazon.com/singlesignon/latest/developerguide/limitations.html',
    'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_ExternalId.html',
  ],
  evaluate({ slice, sliceIfCollected, fail, unknown }) {
    const store = slice('sso.identityStore');
    const feed = directoryFeed(store);
    if (feed.kind === 'unknown') return unknown(feed.reason);
    // No principal carries ExternalIds: Identity Center's own directory, or an IdP without SCIM. Nothing here
    // is "local" against anything, so there is nothing to report (the identity source itself is not readable).
    if (feed.kind === 'no-external-ids') return;
    const fedBy = describeIssuers(feed.issuers);
    const assignments = sliceIfCollected('sso.assignments');
    // null: the assignments were not read, so how many this principal holds is unknown (never 0).
    const assignedTo = (type: 'USER' | 'GROUP', id: string) =>
      assignments?.filter((a) => a.principalType === type && a.principalId === id).length ?? null;
    const held = (count: number | null, what: string) =>
      count === null ? `${what}: not read` : `${count} ${what}`;
    for (const user of store.users) {
      if (isExternallyProvisioned(user) !== false) continue;
      const groups = store.memberships.filter((m) => m.userId === user.userId).length;
      const direct = assignedTo('USER', user.userId);
      fail(identityStorePrincipalArn('user', user.userId), {
        subject: user.userName,
        resourceType: 'AWS::IdentityStore::User',
        messageId: 'localUser',
        data: {
          userName: user.userName,
          fedBy,
          groups,
          directAssignments: held(direct, 'direct assignment(s)'),
        },
        advice: {
          summary: `Recreate ${user.userName} in the identity provider (or delete it if nobody needs it), move its access, then delete the local user.`,
          fixNow: {
            console: [],
            cli: [
              `aws identitystore describe-user --identity-store-id <store-id> --user-id ${user.userId}`,
              `aws identitystore delete-user --identity-store-id <store-id> --user-id ${user.userId}`,
            ],
          },
          migration: {
            kind: 'identity-center-hygiene',
            summary: 'Provision this person from the identity provider; remove the hand-made user.',
          },
        },
        details: { principalType: 'USER', userId: user.userId, groups, directAssignments: direct },
      });
    }
    for (const group of store.groups) {
      if (isExternallyProvisioned(group) !== false) continue;
      const members = store.memberships.filter((m) => m.groupId === group.groupId).length;
      const assigned = assignedTo('GROUP', group.groupId);
      fail(identityStorePrincipalArn('group', group.groupId), {
        subject: group.displayName,
        resourceType: 'AWS::IdentityStore::Group',
        messageId: 'localGroup',
        data: {
          groupName: group.displayName,
          fedBy,
          members,
          assignments: held(assigned, 'assignment(s)'),
        },
        advice: {
          summary: `Push ${group.displayName} from the identity provider (group push), move its assignments to the pushed group, then delete the local one.`,
          fixNow: {
            console: [],
            cli: [
              `aws identitystore list-group-memberships --identity-store-id <store-id> --group-id ${group.groupId}`,
              `aws identitystore delete-group --identity-store-id <store-id> --group-id ${group.groupId}`,
            ],
          },
          migration: {
            kind: 'identity-center-hygiene',
            summary: 'Manage this group in the identity provider; remove the hand-made group.',
          },
        },
        details: { principalType: 'GROUP', groupId: group.groupId, members, assignments: assigned },
      });
    }
  },
});
