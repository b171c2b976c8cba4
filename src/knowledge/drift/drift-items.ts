import type { DeclarationSource } from '../../desired-state/desired-state-model.js';

/**
 * What the comparison of the desired state with the inventory found. Each kind is read by one rule in
 * src/rules/catalog/drift-*.ts; `declared` and `live` are short human strings for reports.
 */
export const DRIFT_KINDS = [
  'assignment-not-declared',
  'assignment-not-applied',
  'permission-set-not-declared',
  'permission-set-missing',
  'permission-set-changed',
  'principal-missing',
  'identity-store-differs',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface AssignmentFacts {
  accountId: string;
  permissionSetArn: string | null;
  permissionSetName: string;
  principalType: 'USER' | 'GROUP';
  principalId: string;
  /** The principal's name in the identity store, when it has one. */
  principalName: string | null;
}

export type PermissionSetField =
  | 'description'
  | 'sessionDuration'
  | 'managedPolicies'
  | 'customerManagedPolicies'
  | 'inlinePolicy'
  | 'permissionsBoundary';

export type DriftItem =
  | ({ kind: 'assignment-not-declared' } & AssignmentFacts)
  | ({
      kind: 'assignment-not-applied';
      source: DeclarationSource;
      accountInOrganization: boolean;
    } & AssignmentFacts)
  | { kind: 'permission-set-not-declared'; arn: string; name: string }
  | { kind: 'permission-set-missing'; source: DeclarationSource; arn: string | null; name: string }
  | {
      kind: 'permission-set-changed';
      source: DeclarationSource;
      arn: string;
      name: string;
      field: PermissionSetField;
      declared: string;
      live: string;
    }
  | {
      kind: 'principal-missing';
      source: DeclarationSource;
      principalType: 'USER' | 'GROUP';
      /** The declared id, or null when the file declared a name. */
      principalId: string | null;
      principalName: string | null;
      assignments: number;
    }
  | {
      kind: 'identity-store-differs';
      source: DeclarationSource;
      object: 'group' | 'user' | 'membership';
      change: 'missing' | 'changed' | 'not-declared' | 'not-live';
      /** group id, user id, or group id/user id for a membership. */
      id: string;
      label: string;
      field: string | null;
      declared: string;
      live: string;
    };

export type DriftItemOf<K extends DriftKind> = Extract<DriftItem, { kind: K }>;

export interface DriftReport {
  /** Which live permission sets and assignments are compared (see --desired-scope). */
  scope: DesiredScope;
  files: string[];
  /** Where findings point when the drifted thing has no ARN (a missing set, a directory entry). */
  instanceArn: string;
  identityStoreArn: string;
  items: DriftItem[];
  /** What could not be compared and why; never a finding. */
  gaps: string[];
}

/**
 * all: everything in Identity Center must be declared (a live set or assignment the files do not have is
 * drift). declared: only the permission sets the files mention (declare, attach to, or assign) are
 * compared, so a team that manages some sets by hand is not flooded.
 */
export const DESIRED_SCOPES = ['all', 'declared'] as const;
export type DesiredScope = (typeof DESIRED_SCOPES)[number];

export function itemsOf<K extends DriftKind>(report: DriftReport, kind: K): DriftItemOf<K>[] {
  return report.items.filter((item): item is DriftItemOf<K> => item.kind === kind);
}
