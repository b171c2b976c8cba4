import { z } from 'zod';
import { isBreakGlass } from '../../knowledge/break-glass.js';
import { classifyUser } from '../../knowledge/classify-user.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { chooseWorkloadReplacement } from '../../knowledge/workload-replacement.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-workload-user-static-keys',
  title: 'Workload authenticates with an IAM user access key instead of a role',
  severity: 'medium',
  messages: {
    staticKeys:
      'IAM user {userName} is a workload with {activeKeys} active access key(s); replace them with {replacement}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({}),
  rationale:
    'A workload holding an IAM user key carries a secret that never expires on its own, is copied into ' +
    'configuration and CI variables, and works from anywhere. Roles give it short-lived credentials instead.',
  remediation: {
    console: [
      'IAM console → Roles → Create role trusted by the compute service, the CI OIDC provider or a Roles Anywhere trust anchor',
      'Move the workload to the role, then deactivate and delete the access key and the IAM user',
    ],
    cli: [
      'aws iam create-role --role-name <workload> --assume-role-policy-document file://trust.json',
      'aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive',
    ],
  },
  migration:
    'AWS compute → IAM role (instance profile, task or execution role); CI systems → OIDC federation to a role; ' +
    'on-premises → IAM Roles Anywhere. Each finding picks one from the evidence.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html',
    'https://docs.aws.amazon.com/rolesanywhere/latest/userguide/introduction.html',
  ],
  evaluate({ slice, fail, derive }) {
    for (const user of slice('iam.users')) {
      const active = user.accessKeys.filter((key) => key.status === 'Active');
      if (active.length === 0 || isBreakGlass(user)) continue;
      const classification = classifyUser(user);
      if (classification.kind !== 'workload') continue;
      const choice = chooseWorkloadReplacement(user);
      fail(user.arn, {
        messageId: 'staticKeys',
        data: { userName: user.userName, activeKeys: active.length, replacement: choice.replacement },
        // The user's one shared advice object (a workload: its evidence decides the replacement).
        advice: { migration: userMigrationAdvice(derive, user) },
        details: { replacement: choice.replacement, activeKeys: active.length },
      });
    }
  },
});
