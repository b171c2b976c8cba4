import { markAccountIamSlicesNotCollected } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, this topic's step: version 3 adds, per account, the users' SSH public keys, signing
 * certificates and service-specific credentials. A version 2 file never looked at them, so they become
 * `not_collected` (never an empty list: "no SSH keys" would be a claim the older keysweep never checked).
 * Pure: returns a new document; damaged accounts pass through for the schema to reject.
 */
export const SNAPSHOT_V2_UPGRADE_REASON = 'snapshot written by an older keysweep';

const NEW_IAM_SLICES = ['sshPublicKeys', 'signingCertificates', 'serviceCredentials'] as const;

export function upgradeLongLivedCredentialsV2ToV3(v2: JsonDocument): JsonDocument {
  return markAccountIamSlicesNotCollected(v2, NEW_IAM_SLICES, SNAPSHOT_V2_UPGRADE_REASON);
}
