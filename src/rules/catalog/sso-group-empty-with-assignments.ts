import { z } from 'zod';
import {
  identityStorePrincipalArn,
  isExternallyProvisioned,
} from '../../knowledge/identity-store-provisioning.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-group-empty-with-assignments',
  title: 'Identity Center group with no members still holds account assignments',
  severity: 'low',
  messages: {
    emptyProvisioned:
      'Group {groupName} has no members but holds {count} assignment(s): {assignments}. It is provisioned by the identity provider: check the group push and the provisioning errors there first.',
    emptyLocal:
      'Group {groupName} has no members but holds {count} assignment(s): {assignments}. It was created in Identity Center (no ExternalIds): nobody but an administrator adds members.',
    emptyOriginUnknown:
      'Group {groupName} has no members but holds {count} assignment(s): {assignments}. Whether the identity provider provisions it is not known (ExternalIds not collected).',
  },
  scope: 'organization',
  resourceType: 'AWS::IdentityStore::Group',
  requires: ['sso.identityStore', 'sso.assignments', 'sso.permissionSets'],
  options: z.object({}),
  rationale:
    'An empty group grants nothing today, but its assignments are loaded access: whoever is added to it later ' +
    '— by hand, or by the identity provider when a group rule changes — gets every permission set on every ' +
    'account at once, with nobody reviewing the assignments then. With SCIM an empty group is also a sign of a ' +
    "broken sync: Identity Center's SCIM PatchGroup takes at most 100 membership changes per request and " +
    'refuses to replace or remove all members in one, so a provider that sends a large membership change in one ' +
    'request can leave the group empty while the people who need the access lack it.',
  remediation: {
    console: [
      'IAM Identity Center → Groups → the group: check whether it should have members (identity provider group push, sync errors)',
      'If nobody needs it: AWS accounts → each account → remove the group assignment; then delete the group',
    ],
    cli: [
      'aws identitystore list-group-memberships --identity-store-id <store-id> --group-id <group-id>',
      'aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type GROUP --principal-id <group-id>',
    ],
  },
  migration:
    'Assign access to groups that have members; when the kit creates groups, assign them only together with ' +
    'their memberships.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/assignusers.html',
    'https://docs.aws.amazon.com/singlesignon/latest/developerguide/patchgroup.html',
  ],
  evaluate({ slice, fail }) {
    const store = slice('sso.identityStore');
    const sets = slice('sso.permissionSets');
    const assignments = slice('sso.assignments');
    const withMembers = new Set(store.memberships.map((m) => m.groupId));
    for (const group of store.groups) {
      if (withMembers.has(group.groupId)) continue;
      const held = assignments.filter((a) => a.principalType === 'GROUP' && a.principalId === group.groupId);
      if (held.length === 0) continue;
      const pairs = held.map((a) => {
        const name = sets.find((set) => set.arn === a.permissionSetArn)?.name ?? a.permissionSetArn;
        return `${name} on ${a.accountId}`;
      });
      const provisioned = isExternallyProvisioned(group);
      const messageId =
        provisioned === true
          ? 'emptyProvisioned'
          : provisioned === false
            ? 'emptyLocal'
            : 'emptyOriginUnknown';
      fail(identityStorePrincipalArn('group', group.groupId), {
        subject: group.displayName,
        messageId,
        data: { groupName: group.displayName, count: held.length, assignments: pairs.join(', ') },
        advice: {
          summary:
            provisioned === true
              ? `Find out why ${group.displayName} arrived empty from the identity provider; if it is meant to be empty, remove its assignments.`
              : `Remove the assignments of ${group.displayName} (or give it its members), then delete the group if nobody needs it.`,
          fixNow: {
            console: [],
            cli: held.map(
              (a) =>
                `aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id ${a.accountId} --target-type AWS_ACCOUNT --permission-set-arn ${a.permissionSetArn} --principal-type GROUP --principal-id ${group.groupId}`,
            ),
          },
          migration: { kind: 'identity-center-hygiene', summary: 'Empty group with loaded assignments.' },
        },
        details: {
          groupId: group.groupId,
          assignments: held.length,
          externallyProvisioned: provisioned,
        },
      });
    }
  },
});
