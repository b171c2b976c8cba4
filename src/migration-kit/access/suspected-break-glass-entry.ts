import { BREAK_GLASS_TAG } from '../../knowledge/break-glass.js';
import type { HumanMigrationTarget } from '../../knowledge/migration-planner.js';
import type { PlanConfirmFirst } from '../plan-schema.js';

/** A suspected break-glass user on the kit's decision list: excluded from migration until confirmed. */
export function suspectedBreakGlassEntry(
  accountId: string,
  arn: string,
  userName: string,
  suspect: HumanMigrationTarget & { reasons: string[] },
): PlanConfirmFirst {
  return {
    arn,
    accountId,
    userName,
    reason: 'suspected-break-glass',
    personId: null,
    permissionSet: null,
    evidence: `looks like a break-glass user: ${suspect.reasons.join('; ')}`,
    decision: `confirm: tag ${BREAK_GLASS_TAG}=true (kept as break-glass, checked by rule iam-break-glass-user-hygiene) or map it to its person in the identity map (--identity-map, then migrated); until then it is neither migrated nor deleted`,
  };
}
