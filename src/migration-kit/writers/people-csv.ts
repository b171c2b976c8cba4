import { stringify } from 'csv-stringify/sync';
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
 * are rows too, marked as such, so the file accounts for every human IAM user.
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
  const breakGlass = plan.breakGlass.map((b) => [
    `break-glass:${b.userName.toLowerCase()}`,
    'break-glass',
    '',
    '',
    '',
    '',
    'none',
    b.accountId,
    b.userName,
    b.arn,
    'none',
    'none',
    'tagged keysweep:break-glass=true: kept on purpose, not migrated',
    '',
    '',
    '',
  ]);
  return stringify([COLUMNS, ...rows, ...breakGlass]);
}

export function renderPlanJson(plan: KitPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
