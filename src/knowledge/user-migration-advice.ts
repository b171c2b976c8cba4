import type { MigrationAdvice } from '../findings/finding.js';
import type { IamUser } from '../inventory/iam-schema.js';
import { flatString } from '../io/text/flat-string.js';
import { accountOfArn } from './arn-account.js';
import { breakGlassAdvice, isBreakGlass } from './break-glass.js';
import { classifyUser } from './classify-user.js';
import type { Derive } from './derivation.js';
import {
  type HumanMigrationTarget,
  MIGRATION_PLAN,
  type UserWithoutPermissions,
} from './migration-planner.js';
import { suspectedBreakGlassAdvice } from './suspected-break-glass.js';
import { workloadMigrationAdvice } from './workload-replacement.js';

/**
 * The migration advice for any finding about an IAM user: a person moves to an Identity Center group and
 * permission set from the organization-wide plan; a workload moves to the role its evidence points to; a
 * break-glass user stays.
 */
export function userMigrationAdvice(derive: Derive, user: IamUser): MigrationAdvice {
  // One advice object per user, shared by every finding about that user: at 100k users a copy per
  // finding cost ~200 MB of heap and its computation. Kept per evaluation (one `derive` per evaluated
  // snapshot: a snapshot and its break-glass-marked copy have different plans), and for one account at a
  // time: the engine evaluates account by account, so a million users' advice is never held at once.
  // Keyed by ARN (unique in an organization) in a plain Map: two weak-map lookups per finding were a
  // measurable part of evaluation.
  let cache = ADVICE_BY_EVALUATION.get(derive);
  const accountId = accountOfArn(user.arn);
  if (!cache || cache.accountId !== accountId) {
    cache = { accountId, byUser: new Map() };
    ADVICE_BY_EVALUATION.set(derive, cache);
  }
  const cached = cache.byUser.get(user.arn);
  if (cached) return cached;
  const advice = flatAdvice(computeUserMigrationAdvice(derive, user));
  cache.byUser.set(user.arn, advice);
  return advice;
}

const ADVICE_BY_EVALUATION = new WeakMap<
  Derive,
  { accountId: string; byUser: Map<string, MigrationAdvice> }
>();

/**
 * Held for the whole run, one per user: its summary (built from the user's evidence) as one flat string
 * (see flatString). Steps stay as they are: most are constants shared by every user of a kind.
 */
function flatAdvice(advice: MigrationAdvice): MigrationAdvice {
  advice.summary = flatString(advice.summary);
  return advice;
}

function computeUserMigrationAdvice(derive: Derive, user: IamUser): MigrationAdvice {
  if (isBreakGlass(user)) return breakGlassAdvice(user);
  const plan = derive(MIGRATION_PLAN);
  const target = plan.humans.get(user.arn);
  if (target) return humanMigrationAdvice(target);
  const idle = plan.withoutPermissions.get(user.arn);
  if (idle) return deleteUserAdvice(idle);
  const suspect = plan.suspectedBreakGlass.get(user.arn);
  if (suspect) return suspectedBreakGlassAdvice(user, suspect.reasons);
  return workloadMigrationAdvice(user, classifyUser(user).evidence);
}

export function humanMigrationAdvice(target: HumanMigrationTarget): MigrationAdvice {
  const policies = describePolicies(target);
  const permissionSet =
    target.permissionSetExists === null
      ? `permission set ${target.targetPermissionSet} (${policies}; whether Identity Center already has one is unknown: its permission sets were not collected)`
      : target.permissionSetExists
        ? `the existing permission set ${target.targetPermissionSet}`
        : `a new permission set ${target.targetPermissionSet} (${policies})`;
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
    ...(target.permissionSetExists === null ? {} : { permissionSetExists: target.permissionSetExists }),
    steps: humanMigrationStepsInOrder(humanMigrationSteps(target)),
  };
}

/**
 * The steps of moving a person to IAM Identity Center, by name, so advice built on them (more assignments for
 * cross-account roles, only the clean-up when Identity Center access exists) asks for a part, not a position.
 */
export interface HumanMigrationSteps {
  /** The group and the permission set: found, reused or created. */
  prepare: string[];
  /** The assignment and the person's first sign-in through the access portal. */
  move: string[];
  /** Deleting the IAM user's credentials and the user, once the person works through Identity Center. */
  cleanUp: string[];
}

export function humanMigrationSteps(target: HumanMigrationTarget): HumanMigrationSteps {
  const policies = describePolicies(target);
  const unknown = target.identityCenterGap ? ` (${target.identityCenterGap})` : '';
  return {
    prepare: [
      target.groupExists === null
        ? `Look up the Identity Center group ${target.targetGroup} (the identity store was not read${unknown}); create it if it does not exist, and add the person to it`
        : target.groupExists
          ? `Add the person to the existing Identity Center group ${target.targetGroup}`
          : `Create the Identity Center group ${target.targetGroup} and add the person to it`,
      target.permissionSetExists === null
        ? `Look for a permission set with ${policies} (the permission sets were not read${unknown}); reuse it, or else create ${target.targetPermissionSet}`
        : target.permissionSetExists
          ? `Reuse the permission set ${target.targetPermissionSet}`
          : `Create the permission set ${target.targetPermissionSet} with ${policies}`,
    ],
    move: [
      `Assign ${target.targetGroup} with ${target.targetPermissionSet} to account ${target.accountId}`,
      'Have the person sign in through the AWS access portal (aws configure sso for the CLI)',
    ],
    cleanUp: [
      `Then delete the IAM user's console password, access keys and MFA devices, and the user: aws iam delete-login-profile --user-name ${target.userName}`,
    ],
  };
}

/** The parts in the order a person follows them. */
export function humanMigrationStepsInOrder({ prepare, move, cleanUp }: HumanMigrationSteps): string[] {
  return [...prepare, ...move, ...cleanUp];
}

/** Nothing to carry over: proposing an empty permission set would only recreate a useless identity. */
export function deleteUserAdvice(user: UserWithoutPermissions): MigrationAdvice {
  return {
    kind: 'delete-user',
    summary:
      `Delete the IAM user ${user.userName}: it has no permissions at all (no policies, directly or through ` +
      `groups), so there is nothing to move to IAM Identity Center. If the person needs AWS access later, ` +
      `give it through an Identity Center group.`,
    steps: [
      `aws iam list-access-keys --user-name ${user.userName}   # delete each: aws iam delete-access-key --user-name ${user.userName} --access-key-id <id>`,
      `aws iam list-mfa-devices --user-name ${user.userName}   # deactivate each: aws iam deactivate-mfa-device --user-name ${user.userName} --serial-number <arn>`,
      `aws iam delete-login-profile --user-name ${user.userName}`,
      `aws iam delete-user --user-name ${user.userName}`,
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
