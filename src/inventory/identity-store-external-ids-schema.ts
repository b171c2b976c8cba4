import { z } from 'zod';

/**
 * The identifiers an external identity provider gave a user or group (identitystore `ExternalIds`:
 * Issuer + Id). SCIM provisioning (Okta, Microsoft Entra ID, Google Workspace, …) and Active Directory
 * sync set them; a user or group created in Identity Center itself (console, CLI, `CreateUser`: that API
 * cannot set them) has none. AWS documents only the shape (two strings of 1–256 characters), not what
 * each provider puts in Issuer, so keysweep groups by issuer and never reads meaning into its text.
 */
export const externalIdSchema = z.object({ issuer: z.string(), id: z.string() });
export type ExternalId = z.infer<typeof externalIdSchema>;

export const externalIdsSchema = z.array(externalIdSchema);
