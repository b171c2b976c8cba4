import type { IamUser } from '../inventory/iam-schema.js';

/** One AWS service a user's access keys called, as the credential report last saw it. */
export interface ServiceUse {
  service: string;
  /** The latest use by any of the user's keys; null when the report has no date. */
  lastUsed: string | null;
  region: string | null;
}

/**
 * The services a user's access keys were last used for, in key order, each once with its latest use.
 * The credential report's "N/A" (never used) is no service.
 */
export function servicesUsed(user: Pick<IamUser, 'accessKeys'>): ServiceUse[] {
  const services = new Map<string, ServiceUse>();
  for (const key of user.accessKeys) {
    if (!key.lastUsedService || key.lastUsedService === 'N/A') continue;
    const seen = services.get(key.lastUsedService);
    if (!seen || (key.lastUsedDate ?? '') > (seen.lastUsed ?? ''))
      services.set(key.lastUsedService, {
        service: key.lastUsedService,
        lastUsed: key.lastUsedDate,
        region: key.lastUsedRegion,
      });
  }
  return [...services.values()];
}
