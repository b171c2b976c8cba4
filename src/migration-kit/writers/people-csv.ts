import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../../io/text/csv-cell.js';
import type { KitPlan } from '../plan-schema.js';

const COLUMNS = [
  'person_id',
  'identity_source',
  'identity_store_user_id',
  'identity_user_name',
  'email',
  'display_name',
  'person_confidence',
  'account_id',
  'iam_user_name',
  'iam_user_arn',
  'match_method',
  'match_confidence',
  'match_evidence',
  'last_used',
  'target_group',
  'target_permission_set',
];

/**
 * One row per human IAM user (each exactly once), grouped by the person it belongs to. Break-glass users
 * and users without any permission (to delete) are rows too, marked as such, so the file accounts for
 * every human IAM user.
 */
export function renderPeopleCsv(plan: KitPlan): string {
  const rows = plan.people.flatMap((person) =>
    person.iamUsers.map((u) => [
      person.id,
      person.source,
      person.identityStoreUserId ?? '',
      person.userName,
      person.email ?? '',
      person.displayName ?? '',
      person.confidence,
      u.accountId,
      u.userName,
      u.arn,
      u.method,
      u.confidence,
      u.evidence,
      u.lastUsed ?? 'never',
      u.targetGroup,
      u.targetPermissionSet,
    ]),
  );
  const breakGlass = plan.breakGlass.map((b) =>
    excludedRow(
      `break-glass:${b.userName.toLowerCase()}`,
      'break-glass',
      b,
      'break-glass (tag keysweep:break-glass=true or config breakGlassUsers): kept on purpose, not migrated',
    ),
  );
  const toDelete = plan.withoutPermissions.map((u) =>
    excludedRow(
      `delete:${u.accountId}:${u.userName.toLowerCase()}`,
      'delete',
      u,
      'no permissions at all (no policies, directly or through groups): delete the IAM user, nothing to migrate',
    ),
  );
  const suspected = plan.confirmFirst
    .filter((c) => c.reason === 'suspected-break-glass')
    .map((c) =>
      excludedRow(
        `suspected-break-glass:${c.userName.toLowerCase()}`,
        'suspected-break-glass',
        c,
        c.decision,
      ),
    );
  // Every name comes from AWS or an identity store: a spreadsheet must show it, never run it.
  const cells = [...rows, ...breakGlass, ...suspected, ...toDelete].map((row) => row.map(neutralizeFormula));
  return stringify([COLUMNS, ...cells]);
}

/** A human IAM user the kit does not migrate: no person, no match, no target, only why. */
function excludedRow(
  id: string,
  source: string,
  user: { accountId: string; userName: string; arn: string },
  why: string,
): string[] {
  return [
    id,
    source,
    '',
    '',
    '',
    '',
    'none',
    user.accountId,
    user.userName,
    user.arn,
    'none',
    'none',
    why,
    '',
    '',
    '',
  ];
}

export function renderPlanJson(plan: KitPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
