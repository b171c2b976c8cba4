import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import {
  permissionSetNameOfReservedRole,
  servicesUsedInWindow,
  usageByPrincipal,
} from '../knowledge/service-usage.js';
import type { AccessRow } from './access-matrix-schema.js';

/**
 * The "used" column: the services the row's principal used in the usage window, each with its last use
 * ("s3 2026-11-19, ec2 2026-11-18"), "none in N days", or null when not known (usage not collected, the
 * principal's job failed, or analyzer facts that name only the unused). An Identity Center row reads its
 * permission set's AWSReservedSSO_ role in that account: every user of the set there, merged.
 */
export function withUsedColumn(rows: readonly AccessRow[], snapshot: Snapshot): AccessRow[] {
  const now = new Date(snapshot.collectedAt);
  const perAccount = new Map<
    string,
    { used: (arn: string) => string | null; reserved: Map<string, string> }
  >();
  for (const account of snapshot.accounts) {
    const usage = collectedData(account.iam.usage);
    if (!usage) continue;
    const byArn = usageByPrincipal(usage);
    const reserved = new Map<string, string>();
    for (const principal of usage.principals) {
      const name = permissionSetNameOfReservedRole(principal.arn.split('/').pop() ?? '');
      if (name && principal.principalType === 'identity-center-role') reserved.set(name, principal.arn);
    }
    perAccount.set(account.id, {
      reserved,
      used: (arn) => {
        const evidence = byArn.get(arn);
        // Analyzer facts name only the unused: what was used is not known from them.
        if (evidence === undefined) return null;
        if (evidence.coverage === 'unused-only') return null;
        const summary = servicesUsedInWindow(evidence, now, usage.windowDays);
        if (summary.used.length === 0) return `none in ${usage.windowDays} days`;
        return [...summary.used]
          .sort((a, b) => b.lastAccessed.localeCompare(a.lastAccessed))
          .map((s) => `${s.namespace} ${s.lastAccessed.slice(0, 10)}`)
          .join(', ');
      },
    });
  }
  return rows.map((row) => {
    const account = perAccount.get(row.accountId);
    if (!account) return { ...row, used: null };
    const arn = principalArnOf(row, account.reserved);
    return { ...row, used: arn ? account.used(arn) : null };
  });
}

function principalArnOf(row: AccessRow, reserved: ReadonlyMap<string, string>): string | null {
  switch (row.path) {
    case 'identity-center':
      return reserved.get(row.permission) ?? null;
    case 'iam-user':
      return row.via;
    case 'cross-account-role':
      return row.via.split(' → ')[1] ?? null;
    default:
      return row.via;
  }
}
