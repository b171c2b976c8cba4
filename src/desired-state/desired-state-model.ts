import type { PolicyDocument } from '../inventory/policy-document.js';

/**
 * The desired state every reader (Terraform state, `terraform show -json`, keysweep YAML) normalizes into.
 * Two steps: a reader yields a DeclaredDocument (what the file says: ids where the file has ids, names
 * where it has names); resolveDesiredState turns the merged documents into a DesiredState of inventory
 * ids, which is what the drift comparison reads.
 */

/** Where a declaration came from, for messages: the file and the entry (Terraform address or YAML path). */
export interface DeclarationSource {
  file: string;
  entry: string;
}

export interface CustomerPolicyRef {
  name: string;
  path: string;
}

export interface BoundaryRef {
  managedPolicyArn: string | null;
  customerManagedPolicy: CustomerPolicyRef | null;
}

/**
 * A permission set as declared. A field left undefined was not declared and is not compared: a Terraform
 * state that attaches policies to a set created elsewhere declares the policies, not the session duration.
 */
export interface DeclaredPermissionSetFields {
  description?: string | null;
  sessionDuration?: string;
  managedPolicyArns?: string[];
  customerManagedPolicies?: CustomerPolicyRef[];
  inlinePolicy?: PolicyDocument | null;
  permissionsBoundary?: BoundaryRef | null;
}

export interface DeclaredPermissionSet extends DeclaredPermissionSetFields {
  source: DeclarationSource;
  /** Terraform knows the ARN; YAML names the set. At least one is set. */
  arn: string | null;
  name: string | null;
}

/** A reference by id (Terraform) or by name (YAML), resolved against the inventory. */
export type Ref = { id: string } | { name: string };

export type AssignmentTarget =
  | { kind: 'account-id'; value: string }
  | { kind: 'ou-id'; value: string }
  /** An account name, or an OU path from the root ("Workloads/Prod"; a single segment if no account has the name). */
  | { kind: 'name'; value: string }
  | { kind: 'all' };

export interface DeclaredAssignment {
  source: DeclarationSource;
  permissionSet: { arn: string } | { name: string };
  principalType: 'USER' | 'GROUP';
  principal: Ref;
  targets: AssignmentTarget[];
}

export interface DeclaredGroup {
  source: DeclarationSource;
  group: Ref;
  displayName: string;
  description?: string | null;
}

export interface DeclaredUser {
  source: DeclarationSource;
  user: Ref;
  userName: string;
  displayName?: string | null;
}

export interface DeclaredMembership {
  source: DeclarationSource;
  group: Ref;
  user: Ref;
}

export interface DeclaredDocument {
  file: string;
  format: 'terraform-state' | 'terraform-show-json' | 'keysweep-yaml';
  permissionSets: DeclaredPermissionSet[];
  assignments: DeclaredAssignment[];
  groups: DeclaredGroup[];
  users: DeclaredUser[];
  memberships: DeclaredMembership[];
  /**
   * Groups whose whole membership the file declares: every Terraform-declared group when the state has
   * membership resources, YAML groups that list `members`. Only these are compared member by member.
   */
  membershipDeclaredForGroups: Ref[];
}

export function emptyDocument(file: string, format: DeclaredDocument['format']): DeclaredDocument {
  return {
    file,
    format,
    permissionSets: [],
    assignments: [],
    groups: [],
    users: [],
    memberships: [],
    membershipDeclaredForGroups: [],
  };
}

/** Resolved against the inventory: ids wherever the inventory has them. */
export interface DesiredPermissionSet extends DeclaredPermissionSetFields {
  source: DeclarationSource;
  /** null: declared by name and no live set has that name (it is missing). */
  arn: string | null;
  name: string;
}

export interface DesiredAssignment {
  source: DeclarationSource;
  accountId: string;
  /** null when the set is declared but not live. */
  permissionSetArn: string | null;
  permissionSetName: string;
  principalType: 'USER' | 'GROUP';
  /** null: declared by a name the identity store does not have. */
  principalId: string | null;
  /** The declared name, or the live name of the declared id, when known. */
  principalName: string | null;
}

export interface DesiredGroup {
  source: DeclarationSource;
  groupId: string | null;
  /** For messages: the declared display name, else the live one, else the id. */
  label: string;
  /** Compared only when declared (a Terraform membership to a group made elsewhere declares none). */
  displayName?: string;
  description?: string | null;
  /** User ids (or `name:<userName>` for names the store lacks) when the file declares the membership. */
  members: string[] | null;
}

export interface DesiredUser {
  source: DeclarationSource;
  userId: string | null;
  userName: string;
  displayName?: string | null;
}

export interface DesiredState {
  files: string[];
  permissionSets: DesiredPermissionSet[];
  assignments: DesiredAssignment[];
  groups: DesiredGroup[];
  users: DesiredUser[];
  /** What could not be compared and why (a slice that was not collected); printed, never a finding. */
  gaps: string[];
}
