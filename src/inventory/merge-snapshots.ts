import { InputError } from '../io/input-error.js';
import type { Slice } from './collection.js';
import { accountFromOwner, checkShardSet, mergedCrawlMetadata } from './merge-shards.js';
import type { Account, Snapshot } from './snapshot-schema.js';

export interface NamedSnapshot {
  file: string;
  snapshot: Snapshot;
}

/**
 * Merges snapshots of shards of one organization (e.g. `collect --accounts` run in parallel jobs) into one.
 * An account seen in several shards keeps the best-collected copy (ok beats failed beats skipped, then the
 * newer one); organization-level slices keep the first shard's collected copy. collectedAt is the oldest
 * shard's, so age rules never see data as fresher than it is.
 */
export function mergeSnapshots(parts: readonly NamedSnapshot[]): Snapshot {
  const [first, ...rest] = parts;
  if (!first) throw new InputError('merge: give at least one snapshot file');
  for (const part of rest) {
    if (part.snapshot.organization.id !== first.snapshot.organization.id) {
      throw new InputError(
        `${part.file}: organization.id: ${part.snapshot.organization.id} differs from ${first.file} (${first.snapshot.organization.id})`,
      );
    }
    // One organization has one management account (and two standalone accounts share no organization id).
    const management = part.snapshot.organization.managementAccountId;
    if (management !== first.snapshot.organization.managementAccountId) {
      throw new InputError(
        `${part.file}: organization.managementAccountId: ${management} differs from ${first.file} (${first.snapshot.organization.managementAccountId})`,
      );
    }
  }
  const shards = checkShardSet(parts);
  const accounts = new Map<string, { account: Account; collectedAt: string }>();
  for (const { snapshot } of parts) {
    for (const account of snapshot.accounts) {
      const seen = accounts.get(account.id);
      if (!seen || isBetter(account, snapshot.collectedAt, seen.account, seen.collectedAt)) {
        accounts.set(account.id, { account, collectedAt: snapshot.collectedAt });
      }
    }
  }
  if (shards) {
    for (const [id, seen] of accounts) seen.account = accountFromOwner(shards, id, seen.account);
  }
  const snapshots = parts.map((p) => p.snapshot);
  const crawl = mergedCrawlMetadata(parts, shards);
  const instanceJob = snapshots.find((s) => s.identityCenter.instance.status !== 'not_collected');
  const { crawl: _firstShardsCrawl, ...firstSnapshot } = first.snapshot;
  return {
    ...firstSnapshot,
    ...(Object.keys(crawl).length > 0 ? { crawl } : {}),
    collectedAt: snapshots.map((s) => s.collectedAt).sort()[0]!,
    organization: {
      ...first.snapshot.organization,
      centralizedRootAccess: bestSlice(snapshots.map((s) => s.organization.centralizedRootAccess)),
      rootCredentialsAudit: bestSlice(snapshots.map((s) => s.organization.rootCredentialsAudit)),
    },
    accounts: [...accounts.values()].map((v) => v.account).sort((a, b) => a.id.localeCompare(b.id)),
    identityCenter: {
      instance: bestSlice(snapshots.map((s) => s.identityCenter.instance)),
      permissionSets: bestSlice(snapshots.map((s) => s.identityCenter.permissionSets)),
      // From the job that read the instance (its "not collected" has the real reason), else the best one.
      regions:
        snapshots.find((s) => s.identityCenter.instance.status !== 'not_collected')?.identityCenter.regions ??
        bestSlice(snapshots.map((s) => s.identityCenter.regions)),
      assignments: mergeListSlices(
        snapshots.map((s) => s.identityCenter.assignments),
        (a) => [a.accountId, a.permissionSetArn, a.principalType, a.principalId].join('|'),
      ),
      provisioning: mergeListSlices(
        snapshots.map((s) => s.identityCenter.provisioning),
        (p) => [p.accountId, p.permissionSetArn].join('|'),
      ),
      identityStore: bestSlice(snapshots.map((s) => s.identityCenter.identityStore)),
      // Like the regions: from the job that read the instance, else the best one.
      accessControlAttributes:
        instanceJob?.identityCenter.accessControlAttributes ??
        bestSlice(snapshots.map((s) => s.identityCenter.accessControlAttributes)),
      applications:
        instanceJob?.identityCenter.applications ??
        bestSlice(snapshots.map((s) => s.identityCenter.applications)),
      trustedTokenIssuers:
        instanceJob?.identityCenter.trustedTokenIssuers ??
        bestSlice(snapshots.map((s) => s.identityCenter.trustedTokenIssuers)),
    },
  };
}

const ACCESS_RANK = { ok: 2, failed: 1, skipped: 0 } as const;

function isBetter(candidate: Account, candidateAt: string, current: Account, currentAt: string): boolean {
  const diff = ACCESS_RANK[candidate.access.status] - ACCESS_RANK[current.access.status];
  if (diff !== 0) return diff > 0;
  return candidateAt > currentAt;
}

function bestSlice<T>(slices: Slice<T>[]): Slice<T> {
  return slices.find((s) => s.status === 'ok') ?? slices.find((s) => s.status === 'failed') ?? slices[0]!;
}

/** Shards may each list assignments for their own accounts: union the collected ones. */
function mergeListSlices<T>(slices: Slice<T[]>[], key: (item: T) => string): Slice<T[]> {
  const collected = slices.filter((s): s is { status: 'ok'; data: T[] } => s.status === 'ok');
  if (collected.length === 0) return bestSlice(slices);
  const byKey = new Map<string, T>();
  for (const slice of collected) for (const item of slice.data) byKey.set(key(item), item);
  return { status: 'ok', data: [...byKey.values()] };
}
