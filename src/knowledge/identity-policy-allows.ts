import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import {
  listOf,
  type PolicyDocument,
  type PolicyStatement,
  statementsOf,
} from '../inventory/policy-document.js';
import { ADMINISTRATOR_ACCESS_ARN } from './policy/admin-equivalent.js';
import { memberOf } from './policy/member-of.js';

// AWS managed policies are not in the snapshot (their documents are not fetched); these two are known to
// allow sts:AssumeRole on any role (PowerUserAccess excludes only iam:*, organizations:* and account:*).
const AWS_MANAGED_ALLOWING_ASSUME_ROLE = new Set([
  ADMINISTRATOR_ACCESS_ARN,
  'arn:aws:iam::aws:policy/PowerUserAccess',
]);

/**
 * Whether the user's identity policies (own and groups', inline, customer managed and the AWS managed ones
 * above) have an Allow for the action on the resource. Deny statements, conditions, boundaries and SCPs
 * are not evaluated: this finds possible access paths, it does not prove that one works.
 */
export function identityPoliciesAllow(
  user: IamUser,
  groups: readonly IamGroup[],
  policies: readonly ManagedPolicy[],
  action: string,
  resource: string,
): boolean {
  return identityPolicyMatcher(user, groups, policies)(action, resource);
}

/** The same check with the user's policies gathered once, for asking about many roles. */
export function identityPolicyMatcher(
  user: IamUser,
  groups: readonly IamGroup[],
  policies: readonly ManagedPolicy[],
): (action: string, resource: string) => boolean {
  const userGroups = memberOf(user, groups);
  const attached = [...user.attachedPolicies, ...userGroups.flatMap((g) => g.attachedPolicies)];
  const knownToAllowSts = attached.some((p) => AWS_MANAGED_ALLOWING_ASSUME_ROLE.has(p.policyArn));
  const documents: PolicyDocument[] = [
    ...user.inlinePolicies.map((p) => p.document),
    ...userGroups.flatMap((g) => g.inlinePolicies.map((p) => p.document)),
    ...attached.flatMap((p) => {
      const document = policies.find((m) => m.arn === p.policyArn)?.document;
      return document ? [document] : [];
    }),
  ];
  const statements = documents.flatMap(statementsOf).filter((s) => s.Effect === 'Allow');
  return (action, resource) =>
    (knownToAllowSts && action.startsWith('sts:')) ||
    statements.some((statement) => statementAllows(statement, action, resource));
}

function statementAllows(statement: PolicyStatement, action: string, resource: string): boolean {
  if (statement.Effect !== 'Allow') return false;
  const actionOk =
    statement.NotAction !== undefined
      ? !listOf(statement.NotAction).some((p) => globMatch(p, action, true))
      : listOf(statement.Action).some((p) => globMatch(p, action, true));
  if (!actionOk) return false;
  return statement.NotResource !== undefined
    ? !listOf(statement.NotResource).some((p) => globMatch(p, resource, false))
    : listOf(statement.Resource).some((p) => globMatch(p, resource, false));
}

// Patterns repeat across users and roles (the same few policies): compile each once.
const compiled = new Map<string, RegExp>();

/** IAM wildcard match: * any run, ? one character; actions compare case-insensitively. */
export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
    if (compiled.size < 10_000) compiled.set(key, regex);
  }
  return regex.test(value);
}
