import type { MigrationAdvice } from '../findings/finding.js';
import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import { BREAK_GLASS_TAG } from './break-glass.js';
import { ADMINISTRATOR_ACCESS_ARN } from './policy/admin-equivalent.js';
import { grantsFullAdmin } from './policy/policy-wildcards.js';

/** Names people give emergency-access users. */
const BREAK_GLASS_NAME = /break[-_. ]?glass|emergency|fire[-_. ]?call|(^|[-_.])bg[-_.]?admin/i;
/** "Little use": no sign-in and no access-key use within this many days before the inventory was collected. */
export const BREAK_GLASS_QUIET_DAYS = 90;

export interface BreakGlassContext {
  /** The user's account is the organization's management account. */
  inManagementAccount: boolean;
  groups: readonly IamGroup[];
  policies: readonly ManagedPolicy[];
  /** When the inventory was collected (the clock for "little use"); null: unknown, use never counts. */
  collectedAt: string | null;
}

/**
 * Why an untagged IAM user looks like a break-glass (emergency access) user, or null when it does not:
 * a break-glass-like name, or an administrator with an MFA device, used little, in the management account.
 * A suspect is excluded from migration by default (rules and kit read this one detector) until someone
 * confirms it: tag it keysweep:break-glass=true, or map it to a person in the identity map.
 */
export function suspectBreakGlass(user: IamUser, context: BreakGlassContext): string[] | null {
  if (BREAK_GLASS_NAME.test(user.userName)) return [`name "${user.userName}" reads like emergency access`];
  if (!context.inManagementAccount || user.mfaDevices.length === 0) return null;
  if (!isAdministrator(user, context.groups, context.policies) || !usedLittle(user, context.collectedAt))
    return null;
  return [
    'administrator in the management account',
    `${user.mfaDevices.map((d) => d.kind).join(', ')} MFA`,
    `no sign-in or access-key use in the ${BREAK_GLASS_QUIET_DAYS} days before the inventory`,
  ];
}

function isAdministrator(
  user: IamUser,
  groups: readonly IamGroup[],
  policies: readonly ManagedPolicy[],
): boolean {
  const memberOf = groups.filter((g) => user.groups.includes(g.groupName));
  const attached = [...user.attachedPolicies, ...memberOf.flatMap((g) => g.attachedPolicies)];
  const inline = [...user.inlinePolicies, ...memberOf.flatMap((g) => g.inlinePolicies)];
  return (
    attached.some((p) => p.policyArn === ADMINISTRATOR_ACCESS_ARN) ||
    inline.some((p) => grantsFullAdmin(p.document)) ||
    attached.some((p) => grantsFullAdmin(policies.find((m) => m.arn === p.policyArn)?.document ?? null))
  );
}

function usedLittle(user: IamUser, collectedAt: string | null): boolean {
  const uses = [user.passwordLastUsed, ...user.accessKeys.map((k) => k.lastUsedDate)].filter(
    (d): d is string => d !== null,
  );
  if (uses.length === 0) return true;
  if (collectedAt === null) return false;
  const quietSince = Date.parse(collectedAt) - BREAK_GLASS_QUIET_DAYS * 86_400_000;
  return uses.every((d) => Date.parse(d) < quietSince);
}

/** What to do about a suspect: confirm it either way; until then it is neither migrated nor deleted. */
export function suspectedBreakGlassAdvice(user: IamUser, reasons: readonly string[]): MigrationAdvice {
  return {
    kind: 'keep-break-glass',
    summary:
      `${user.userName} looks like a break-glass user (${reasons.join('; ')}): it is not planned for migration. ` +
      `Confirm: tag it ${BREAK_GLASS_TAG}=true (kept and checked as break-glass), or map it to its person in the identity map (migrated).`,
    steps: [
      `aws iam tag-user --user-name ${user.userName} --tags Key=${BREAK_GLASS_TAG},Value=true`,
      'or add it to the identity map (keysweep plan --identity-map) if it belongs to a person',
    ],
  };
}
