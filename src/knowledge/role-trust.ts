import type { IamRole } from '../inventory/iam-roles-schema.js';
import { listOf, type PolicyStatement, statementsOf } from '../inventory/policy-document.js';

/**
 * identity-center: created and owned by IAM Identity Center for a permission set (AWSReservedSSO_*);
 * service-linked: owned by an AWS service; customer: made by hand or by infrastructure code.
 */
export type RoleKind = 'identity-center' | 'service-linked' | 'customer';

export function roleKind(role: Pick<IamRole, 'roleName' | 'path'>): RoleKind {
  if (role.path.startsWith('/aws-reserved/sso.amazonaws.com/') || role.roleName.startsWith('AWSReservedSSO_'))
    return 'identity-center';
  if (role.path.startsWith('/aws-service-role/')) return 'service-linked';
  return 'customer';
}

/** The SAML provider IAM Identity Center creates in each account it provisions (AWSSSO_<id>_DO_NOT_DELETE). */
export function isIdentityCenterSamlProvider(name: string): boolean {
  return /^AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/i.test(name);
}

/** One principal an Allow statement of a trust policy admits, with that statement's actions and conditions. */
export interface TrustGrant {
  kind: 'aws' | 'federated' | 'service';
  /** As written: an account id, an ARN, "*", a provider ARN or host, a service principal. */
  principal: string;
  /** For AWS principals: the account, or "*" for anyone. */
  accountId: string | null;
  actions: string[];
  /** Condition operator → key → values, as written. */
  condition: Record<string, Record<string, string[]>>;
}

export function trustGrants(role: Pick<IamRole, 'trustPolicy'>): TrustGrant[] {
  return statementsOf(role.trustPolicy)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => grantsOfStatement(statement));
}

function grantsOfStatement(statement: PolicyStatement): TrustGrant[] {
  const actions = listOf(statement.Action);
  const condition = normalizeCondition(statement.Condition);
  const principals: Array<[TrustGrant['kind'], string]> = [];
  const principal = statement.Principal;
  if (principal === '*') principals.push(['aws', '*']);
  else if (typeof principal === 'object' && principal !== null) {
    const map = principal as Record<string, unknown>;
    for (const [key, kind] of [
      ['AWS', 'aws'],
      ['Federated', 'federated'],
      ['Service', 'service'],
    ] as const) {
      for (const value of toStrings(map[key])) principals.push([kind, value]);
    }
  }
  return principals.map(([kind, value]) => ({
    kind,
    principal: value,
    accountId: kind === 'aws' ? accountOfPrincipal(value) : null,
    actions,
    condition,
  }));
}

export function accountOfPrincipal(principal: string): string | null {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return principal;
  const account = principal.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : null;
}

/** Values of a condition key under any operator (keys compare case-insensitively, as IAM does). */
export function conditionValues(
  grant: TrustGrant,
  key: string,
): Array<{ operator: string; values: string[] }> {
  const wanted = key.toLowerCase();
  const found: Array<{ operator: string; values: string[] }> = [];
  for (const [operator, entries] of Object.entries(grant.condition)) {
    for (const [name, values] of Object.entries(entries)) {
      if (name.toLowerCase() === wanted) found.push({ operator, values });
    }
  }
  return found;
}

export function hasConditionKey(grant: TrustGrant, key: string): boolean {
  return conditionValues(grant, key).length > 0;
}

/** A grant allows assuming the role by the given STS action ("sts:*" and "*" included). */
export function grantAllows(grant: TrustGrant, action: string): boolean {
  return grant.actions.some((a) => a === '*' || a.toLowerCase() === action.toLowerCase() || a === 'sts:*');
}

/** The OIDC issuer a federated grant names: host of an oidc-provider ARN, or the bare host. */
export function oidcIssuerOf(grant: TrustGrant): string | null {
  if (grant.kind !== 'federated' || grant.principal.includes(':saml-provider/')) return null;
  const marker = ':oidc-provider/';
  const index = grant.principal.indexOf(marker);
  return index >= 0 ? grant.principal.slice(index + marker.length) : null;
}

export function isSamlGrant(grant: TrustGrant): boolean {
  return grant.kind === 'federated' && grant.principal.includes(':saml-provider/');
}

function normalizeCondition(raw: unknown): Record<string, Record<string, string[]>> {
  if (typeof raw !== 'object' || raw === null) return {};
  const result: Record<string, Record<string, string[]>> = {};
  for (const [operator, entries] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof entries !== 'object' || entries === null) continue;
    result[operator] = Object.fromEntries(
      Object.entries(entries as Record<string, unknown>).map(([key, value]) => [key, toStrings(value)]),
    );
  }
  return result;
}

function toStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'boolean' || typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(toStrings);
  return [];
}
