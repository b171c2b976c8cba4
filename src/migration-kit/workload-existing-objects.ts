import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { suffixed } from '../io/text/unique-identifiers.js';
import type { PlanWorkload } from './plan-schema.js';

/**
 * The issuer and the audience each CI system really sends: GitHub Actions' official credentials action
 * requests `sts.amazonaws.com`; GitLab jobs request whatever `id_tokens: aud:` says (GitLab has no
 * platform default); the GitLab URL is the usual choice, and the kit writes it as a variable's default.
 */
export const CI_ISSUERS = {
  github: { url: 'token.actions.githubusercontent.com', audience: 'sts.amazonaws.com' },
  gitlab: { url: 'gitlab.com', audience: 'https://gitlab.com' },
} as const;

/** IAM role names: at most 64 characters, unique per account regardless of case. */
const ROLE_NAME_MAX = 64;

/**
 * What already exists in each workload's account: a role of the same name (imported, never re-created)
 * and the CI system's OIDC provider (IAM allows one per URL per account: imported, never created twice).
 * Role names are made unique per account (case-insensitively, within 64 characters): two users whose
 * names share the first 59 characters would otherwise both ask for one role.
 */
export function withExistingWorkloadObjects(
  workloads: readonly PlanWorkload[],
  snapshot: Snapshot,
): PlanWorkload[] {
  const accounts = new Map(snapshot.accounts.map((a) => [a.id, a]));
  const roleNames = uniqueRoleNames(workloads);
  return workloads.map((w) => {
    const account = accounts.get(w.accountId);
    const roles = (account && collectedData(account.iam.roles)) ?? null;
    const providers = (account && collectedData(account.iam.identityProviders)?.oidc) ?? null;
    const roleName = roleNames.get(w.arn) ?? w.roleName;
    const roleExists =
      roles === null ? null : roles.some((r) => r.roleName.toLowerCase() === roleName.toLowerCase());
    const issuer =
      w.replacement === 'oidc-federation' && (w.ciProvider === 'github' || w.ciProvider === 'gitlab')
        ? CI_ISSUERS[w.ciProvider]
        : null;
    if (!issuer) return { ...w, roleName, roleExists, oidcProvider: null };
    const existing = providers?.find((p) => p.url.replace(/^https:\/\//, '') === issuer.url);
    return {
      ...w,
      roleName,
      roleExists,
      oidcProvider: {
        url: issuer.url,
        arn: existing?.arn ?? null,
        exists: providers === null ? null : existing !== undefined,
        clientIds: [...new Set([...(existing?.clientIds ?? []), issuer.audience])].sort(),
        audience: issuer.audience,
      },
    };
  });
}

function uniqueRoleNames(workloads: readonly PlanWorkload[]): Map<string, string> {
  const byAccount = new Map<string, PlanWorkload[]>();
  for (const w of workloads) byAccount.set(w.accountId, [...(byAccount.get(w.accountId) ?? []), w]);
  const names = new Map<string, string>();
  for (const group of byAccount.values()) {
    const wanted = new Map<string, PlanWorkload[]>();
    for (const w of group) {
      const key = w.roleName.toLowerCase();
      wanted.set(key, [...(wanted.get(key) ?? []), w]);
    }
    const taken = new Set(wanted.keys());
    for (const [key, same] of wanted) {
      const truncated = same.some((w) => `${w.userName}-role`.length > ROLE_NAME_MAX);
      if (same.length < 2 && !truncated) continue;
      for (const w of same) {
        // Keep room for "-" and the hash so the name stays within 64 characters.
        const base = `${w.userName}-role`.slice(0, ROLE_NAME_MAX - 7);
        const name = suffixed(base, w.arn, taken, '-').slice(0, ROLE_NAME_MAX);
        taken.add(name.toLowerCase());
        names.set(w.arn, name);
      }
      taken.delete(key);
    }
  }
  return names;
}
