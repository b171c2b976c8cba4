import { z } from 'zod';
import { IDENTITY_CENTER_GRANTS, matchIdentityCenterUser } from '../../knowledge/identity-center-access.js';
import { MIGRATION_PLAN } from '../../knowledge/migration-planner.js';
import {
  deleteUserAdvice,
  humanMigrationAdvice,
  humanMigrationSteps,
} from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-user-duplicates-identity-center-access',
  title: 'IAM user left behind for a person who already has Identity Center access to the account',
  severity: 'medium',
  messages: {
    duplicatesAccess:
      'IAM user {userName} still exists although {identityCenterUser} has Identity Center access to account {accountId} ({permissionSets}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users', 'sso.assignments', 'sso.identityStore', 'sso.permissionSets'],
  options: z.object({}),
  rationale:
    'Once a person signs in through Identity Center, their old IAM user is a second, long-lived way into the same ' +
    'account that offboarding in the identity provider does not remove.',
  remediation: {
    console: [
      'Confirm with the person that they use the AWS access portal',
      'IAM → Users → the user → remove console access, deactivate and delete access keys, then delete the user',
    ],
    cli: [
      'aws iam delete-login-profile --user-name <user>',
      'aws iam delete-access-key --user-name <user> --access-key-id <key-id>',
      'aws iam delete-user --user-name <user>   # after detaching policies, groups and MFA devices',
    ],
  },
  migration:
    'The migration is done for this person in this account: delete the IAM user. The finding names the Identity ' +
    'Center user and the permission sets that already give them access.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_remove.html'],
  evaluate({ slice, account, derive, fail }) {
    const store = slice('sso.identityStore');
    // The rule requires the derivation's slices, so the engine only runs it when the grants are known.
    const expanded = derive(IDENTITY_CENTER_GRANTS);
    if (!expanded.known) return;
    const grants = expanded.grants.filter((g) => g.accountId === account.id);
    if (grants.length === 0) return;
    const plan = derive(MIGRATION_PLAN);
    for (const user of slice('iam.users')) {
      // A person with permissions to carry over, or one whose IAM user grants nothing (delete it all the same).
      const target = plan.humans.get(user.arn);
      const idle = target ? undefined : plan.withoutPermissions.get(user.arn);
      if (!target && !idle) continue;
      const person = matchIdentityCenterUser(user, store.users);
      if (!person) continue;
      const mine = grants.filter((g) => g.userId === person.userId);
      if (mine.length === 0) continue;
      const via = [
        ...new Set(mine.map((g) => `${g.permissionSetName}${g.groupName ? ` via ${g.groupName}` : ''}`)),
      ];
      const base = target ? humanMigrationAdvice(target) : deleteUserAdvice(idle!);
      fail(user.arn, {
        subject: person.userId,
        messageId: 'duplicatesAccess',
        data: {
          userName: user.userName,
          identityCenterUser: person.userName,
          accountId: account.id,
          permissionSets: via.join(', '),
        },
        details: { identityCenterUser: person.userName, permissionSets: via.join(', ') },
        advice: {
          migration: {
            ...base,
            summary: `${person.userName} already reaches account ${account.id} through Identity Center (${via.join(', ')}): delete the IAM user ${user.userName}.`,
            // Identity Center access exists already: of the move, only the clean-up is left.
            steps: target ? humanMigrationSteps(target).cleanUp : base.steps,
          },
        },
      });
    }
  },
});
