import type { DesiredAssignment } from '../desired-state/desired-state-model.js';
import type { AccountAssignment, IdentityStore, PermissionSet } from '../inventory/identity-center-schema.js';
import type { DriftItem } from '../knowledge/drift/drift-items.js';

export interface AssignmentComparisonInput {
  declared: DesiredAssignment[];
  live: AccountAssignment[];
  liveSets: PermissionSet[];
  store: IdentityStore | null;
  /** Accounts whose assignments were collected; others are outside the scan and not compared. */
  scannedAccountIds: Set<string>;
  organizationAccountIds: Set<string>;
  /** Live assignments compared: null = all; else only those of these permission sets (--desired-scope declared). */
  comparedSetArns: Set<string> | null;
}

const keyOf = (a: {
  accountId: string;
  permissionSetArn: string | null;
  principalType: string;
  principalId: string | null;
}) => `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;

/**
 * Live assignments nobody declared (made by hand), declared ones that are not live (never applied, or
 * removed by hand), and declared principals the identity store does not have. An assignment to a
 * missing principal is reported once, as the missing principal, not again as "not applied".
 */
export function compareAssignments(input: AssignmentComparisonInput): {
  items: DriftItem[];
  outsideScan: number;
} {
  const items: DriftItem[] = [];
  const declaredKeys = new Set(input.declared.map(keyOf));
  const liveKeys = new Set(input.live.map(keyOf));
  // Maps, not scans: an organization can have 100,000 assignments and a directory of as many users.
  const setNames = new Map(input.liveSets.map((s) => [s.arn, s.name]));
  const groupNames = new Map((input.store?.groups ?? []).map((g) => [g.groupId, g.displayName]));
  const userNames = new Map((input.store?.users ?? []).map((u) => [u.userId, u.userName]));
  const setName = (arn: string) => setNames.get(arn) ?? arn;
  const principalName = (type: 'USER' | 'GROUP', id: string) =>
    (type === 'GROUP' ? groupNames.get(id) : userNames.get(id)) ?? null;
  const principalExists = (type: 'USER' | 'GROUP', id: string | null) =>
    id !== null && (input.store === null || (type === 'GROUP' ? groupNames.has(id) : userNames.has(id)));

  for (const live of input.live) {
    if (declaredKeys.has(keyOf(live))) continue;
    if (input.comparedSetArns && !input.comparedSetArns.has(live.permissionSetArn)) continue;
    items.push({
      kind: 'assignment-not-declared',
      ...live,
      permissionSetName: setName(live.permissionSetArn),
      principalName: principalName(live.principalType, live.principalId),
    });
  }

  const missingPrincipals = new Map<string, Extract<DriftItem, { kind: 'principal-missing' }>>();
  let outsideScan = 0;
  const reported = new Set<string>();
  for (const declared of input.declared) {
    const inOrganization = input.organizationAccountIds.has(declared.accountId);
    if (inOrganization && !input.scannedAccountIds.has(declared.accountId)) {
      outsideScan += 1;
      continue;
    }
    if (!principalExists(declared.principalType, declared.principalId)) {
      const key = `${declared.principalType}|${declared.principalId ?? `name:${declared.principalName}`}`;
      const existing = missingPrincipals.get(key);
      if (existing) existing.assignments += 1;
      else
        missingPrincipals.set(key, {
          kind: 'principal-missing',
          source: declared.source,
          principalType: declared.principalType,
          principalId: declared.principalId,
          principalName: declared.principalName,
          assignments: 1,
        });
      continue;
    }
    const key = keyOf(declared);
    if (liveKeys.has(key) || reported.has(key)) continue;
    reported.add(key);
    items.push({
      kind: 'assignment-not-applied',
      source: declared.source,
      accountInOrganization: inOrganization,
      accountId: declared.accountId,
      // A set that is not live has no ARN to point at, whichever file declared it.
      permissionSetArn:
        declared.permissionSetArn !== null && setNames.has(declared.permissionSetArn)
          ? declared.permissionSetArn
          : null,
      permissionSetName: declared.permissionSetName,
      principalType: declared.principalType,
      principalId: declared.principalId ?? '',
      principalName:
        declared.principalName ?? principalName(declared.principalType, declared.principalId ?? ''),
    });
  }
  items.push(...missingPrincipals.values());
  return { items, outsideScan };
}
