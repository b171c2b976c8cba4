import { z } from 'zod';
import { slice } from './collection.js';

const isoDate = z.iso.datetime({ offset: true });

/**
 * A member account's root credentials as read in a short AssumeRoot session with the AWS managed task
 * policy IAMAuditRootUserCredentials (it can only list: GetLoginProfile, GetUser, ListAccessKeys,
 * GetAccessKeyLastUsed, ListMFADevices, ListSigningCertificates on the root user). Unlike the credential
 * report's root row, these are direct answers: a password exists or not.
 */
export const rootAuditFactsSchema = z.object({
  passwordPresent: z.boolean(),
  passwordLastUsed: isoDate.nullable(),
  accessKeys: z.array(
    z.object({
      accessKeyId: z.string(),
      status: z.enum(['Active', 'Inactive']),
      createDate: isoDate.nullable(),
      lastUsedDate: isoDate.nullable(),
      lastUsedService: z.string().nullable(),
    }),
  ),
  mfaDevices: z.array(z.object({ serialNumber: z.string(), enableDate: isoDate.nullable() })),
  signingCertificates: z.array(
    z.object({
      certificateId: z.string(),
      status: z.enum(['Active', 'Inactive']),
      uploadDate: isoDate.nullable(),
    }),
  ),
});
export type RootAuditFacts = z.infer<typeof rootAuditFactsSchema>;

/**
 * Per member account (by id): its audit, or why it failed. `skipped` says why no account was audited
 * (centralized root credentials management off or unknown, a standalone account, a snapshot from an older
 * keysweep); then root rules use the credential report as before — the audit only adds facts.
 */
export const rootCredentialsAuditSchema = z.object({
  skipped: z.string().nullable(),
  accounts: z.record(z.string(), slice(rootAuditFactsSchema)),
});
export type RootCredentialsAudit = z.infer<typeof rootCredentialsAuditSchema>;
