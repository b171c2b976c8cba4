import { createHash } from 'node:crypto';
import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import type { PolicyDocument } from '../inventory/policy-document.js';
import { indexBy } from './lookup-index.js';
import { memberOf } from './policy/member-of.js';

/** The policies that give an IAM user its permissions, directly and through its groups. */
export interface EffectivePolicies {
  /** AWS managed policy ARNs (account-independent). */
  awsManaged: string[];
  /** Customer managed policy names; Identity Center references them by name in each account. */
  customerManaged: string[];
  /** Inline policies (user's and groups'), as "owner/name". */
  inline: string[];
  /**
   * Identity of the permission set these policies would become: users with equal keys share one.
   * Customer and inline policies contribute their document hash, so same-named but different policies differ.
   */
  key: string;
}

export function effectivePolicies(
  user: IamUser,
  groups: readonly IamGroup[],
  policies: readonly ManagedPolicy[],
): EffectivePolicies {
  // Order does not matter below: every list this returns is sorted, and the key is built from sorted parts.
  const userGroups = memberOf(user, groups);
  const attached = [...user.attachedPolicies, ...userGroups.flatMap((group) => group.attachedPolicies)];
  const awsManaged = new Set<string>();
  const customerManaged = new Map<string, string>();
  for (const policy of attached) {
    if (policy.policyArn.startsWith('arn:aws:iam::aws:policy/')) {
      awsManaged.add(policy.policyArn);
      continue;
    }
    const document = indexBy(policies, 'arn', (p) => p.arn).get(policy.policyArn)?.document ?? null;
    customerManaged.set(policy.policyName, document ? hashDocument(document) : 'unknown');
  }
  const inlineEntries = [
    ...user.inlinePolicies.map((p) => ({ label: `user/${p.policyName}`, hash: hashDocument(p.document) })),
    ...userGroups.flatMap((group) =>
      group.inlinePolicies.map((p) => ({
        label: `${group.groupName}/${p.policyName}`,
        hash: hashDocument(p.document),
      })),
    ),
  ];
  const keyParts = [
    ...[...awsManaged].sort(),
    ...[...customerManaged.entries()].sort().map(([name, hash]) => `customer:${name}:${hash}`),
    ...inlineEntries.map((entry) => `inline:${entry.hash}`).sort(),
  ];
  return {
    awsManaged: [...awsManaged].sort(),
    customerManaged: [...customerManaged.keys()].sort(),
    inline: inlineEntries.map((entry) => entry.label).sort(),
    key: keyParts.join('|'),
  };
}

/** Order-insensitive hash of a policy document (keys sorted), so equal policies compare equal. */
export function hashDocument(document: PolicyDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex').slice(0, 12);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
