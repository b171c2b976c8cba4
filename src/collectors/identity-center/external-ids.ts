import type { ExternalId as SdkExternalId } from '@aws-sdk/client-identitystore';
import type { ExternalId } from '../../inventory/identity-store-external-ids-schema.js';

/**
 * ListUsers / ListGroups return `ExternalIds` on each user and group (no extra call). Absent or empty means
 * the principal has none — it was created in Identity Center itself — which is a fact, not a gap: the
 * listing answered. An entry without Issuer or Id (the API requires both) is kept with '' so a malformed
 * answer still marks the principal as externally provisioned rather than silently "local".
 */
export function mapExternalIds(raw: SdkExternalId[] | undefined): ExternalId[] {
  return (raw ?? [])
    .map((entry) => ({ issuer: entry.Issuer ?? '', id: entry.Id ?? '' }))
    .sort((a, b) => a.issuer.localeCompare(b.issuer) || a.id.localeCompare(b.id));
}
