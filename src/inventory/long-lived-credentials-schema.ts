import { z } from 'zod';

/**
 * The long-lived credentials an IAM user can hold besides a password and access keys. Each is its own
 * slice (its own call, its own status): a user whose SSH keys could not be listed is "not evaluated" for
 * the SSH rule, never "has none".
 */

const isoDate = z.iso.datetime({ offset: true });
const owner = { userName: z.string(), userArn: z.string() };

/** iam:ListSSHPublicKeys: SSH keys for CodeCommit (git over SSH). */
export const sshPublicKeySchema = z.object({
  ...owner,
  sshPublicKeyId: z.string(),
  status: z.enum(['Active', 'Inactive']),
  uploadDate: isoDate.nullable(),
});
export type SshPublicKey = z.infer<typeof sshPublicKeySchema>;

/**
 * X.509 signing certificates, from the credential report's cert_1_* and cert_2_* columns (no extra call):
 * a slot, whether it is active and when it was last rotated (the upload date); no certificate id.
 */
export const signingCertificateSchema = z.object({
  ...owner,
  slot: z.union([z.literal(1), z.literal(2)]),
  active: z.boolean(),
  lastRotated: isoDate.nullable(),
});
export type SigningCertificate = z.infer<typeof signingCertificateSchema>;

/** iam:ListServiceSpecificCredentials: CodeCommit git credentials, Keyspaces passwords, Bedrock API keys… */
export const serviceCredentialSchema = z.object({
  ...owner,
  credentialId: z.string(),
  /** e.g. codecommit.amazonaws.com, cassandra.amazonaws.com, bedrock.amazonaws.com. */
  serviceName: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createDate: isoDate.nullable(),
  /** Bedrock and CloudWatch Logs API keys created with an expiry; null: never expires. */
  expirationDate: isoDate.nullable(),
});
export type ServiceCredential = z.infer<typeof serviceCredentialSchema>;
