import { createHash } from 'node:crypto';
import type { Severity } from './severity.js';

export interface FixSteps {
  /** Console steps a person can follow now. */
  console: string[];
  /** AWS CLI commands; placeholders in <angle brackets>. */
  cli: string[];
}

/** Where a human or workload behind a finding should move to. */
export interface MigrationAdvice {
  kind:
    | 'human-to-identity-center'
    | 'workload-to-role'
    | 'root-to-centralized'
    | 'identity-center-hygiene'
    /** A person's IAM user with no permissions at all: nothing to migrate, delete it. */
    | 'delete-user'
    /** A documented break-glass user: kept on purpose, checked instead of migrated. */
    | 'keep-break-glass';
  summary: string;
  /** Proposed Identity Center group, for humans. */
  targetGroup?: string;
  /** Proposed permission set name, for humans, and whether it already exists in Identity Center. */
  targetPermissionSet?: string;
  permissionSetExists?: boolean;
  /** For workloads: role, oidc-federation, roles-anywhere. */
  replacement?: 'iam-role' | 'oidc-federation' | 'roles-anywhere';
  steps?: string[];
}

export interface Advice {
  summary: string;
  fixNow: FixSteps;
  migration?: MigrationAdvice;
}

export interface Finding {
  /** Stable id: hash of rule id, resource ARN and subject. Never of dates or ages. */
  id: string;
  ruleId: string;
  severity: Severity;
  accountId: string;
  resourceArn: string;
  resourceType: string;
  /** What inside the resource the finding is about (an access key id, a permission set); '' if the resource itself. */
  subject: string;
  message: string;
  rationale: string;
  advice: Advice;
  compliance: ComplianceRef[];
  /** Facts behind the finding (ages, dates, counts), for reports. Not part of the fingerprint. */
  details: Record<string, string | number | boolean | null>;
}

export interface ComplianceRef {
  framework: 'CIS-AWS-3.0' | 'CIS-AWS-5.0' | 'AWS-FSBP';
  control: string;
}

export function findingId(ruleId: string, resourceArn: string, subject: string): string {
  return createHash('sha256').update(`${ruleId}\n${resourceArn}\n${subject}`).digest('hex').slice(0, 32);
}
