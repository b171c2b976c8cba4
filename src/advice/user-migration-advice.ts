import type { IamUser } from '../inventory/iam-schema.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import type { MigrationAdvice } from '../rules/finding.js';
import { classifyUser } from './classify-user.js';
import {
  buildMigrationPlan,
  type HumanMigrationTarget,
  MIGRATION_PLAN_KEY,
  type MigrationPlan,
} from './migration-planner.js';
import { workloadMigrationAdvice } from './workload-replacement.js';

type Shared = <T>(key: string, compute: (snapshot: Snapshot) => T) => T;

/**
 * The migration advice for any finding about an IAM user: a person moves to an Identity Center group and
 * permission set from the organization-wide plan; a workload moves to the role its evidence points to.
 */
export function userMigrationAdvice(shared: Shared, user: IamUser): MigrationAdvice {
  // One advice object per user, shared by every finding about that user: at 100k users a copy per
  // finding cost ~200 MB of heap and its computation. Keyed by the user object, which belongs to one
  // snapshot, so the organization-wide plan it was derived from is the same on every call.
  const cached = ADVICE_BY_USER.get(user);
  if (cached) return cached;
  const advice = computeUserMigrationAdvice(shared, user);
  ADVICE_BY_USER.set(user, advice);
  return advice;
}

const ADVICE_BY_USER = new WeakMap<IamUser, MigrationAdvice>();

function computeUserMigrationAdvice(shared: Shared, user: IamUser): MigrationAdvice {
  const plan = shared<MigrationPlan>(MIGRATION_PLAN_KEY, buildMigrationPlan);
  const target = plan.humans.get(user.arn);
  if (target) return humanMigrationAdvice(target);
  return workloadMigrationAdvice(user, classifyUser(user).evidence);
}

export function humanMigrationAdvice(target: HumanMigrationTarget): MigrationAdvice {
  const permissionSet = target.permissionSetExists
    ? `the existing permission set ${target.targetPermissionSet}`
    : `a new permission set ${target.targetPermissionSet} (${describePolicies(target)})`;
  return {
    kind: 'human-to-identity-center',
    summary:
      `Move ${target.userName} to IAM Identity Center: group ${target.targetGroup}, ${permissionSet}, ` +
      `assigned on account ${target.accountId}. Evidence of a person: ${target.evidence.join('; ') || 'none'}.` +
      (target.policiesComplete
        ? ''
        : ' The account’s IAM groups or policies were not collected: check the proposed permissions before creating them.'),
    targetGroup: target.targetGroup,
    targetPermissionSet: target.targetPermissionSet,
    permissionSetExists: target.permissionSetExists,
    steps: [
      target.groupExists
        ? `Add the person to the existing Identity Center group ${target.targetGroup}`
        : `Create the Identity Center group ${target.targetGroup} and add the person to it`,
      target.permissionSetExists
        ? `Reuse the permission set ${target.targetPermissionSet}`
        : `Create the permission set ${target.targetPermissionSet} with ${describePolicies(target)}`,
      `Assign ${target.targetGroup} with ${target.targetPermissionSet} to account ${target.accountId}`,
      'Have the person sign in through the AWS access portal (aws configure sso for the CLI)',
      `Then delete the IAM user's console password, access keys and MFA devices, and the user: aws iam delete-login-profile --user-name ${target.userName}`,
    ],
  };
}

function describePolicies(target: HumanMigrationTarget): string {
  const { awsManaged, customerManaged, inline } = target.policies;
  const parts = [
    ...awsManaged.map((arn) => arn.split('/').pop() ?? arn),
    ...customerManaged.map((name) => `customer managed ${name}`),
    ...(inline.length > 0 ? [`inline ${inline.join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'no policies';
}
