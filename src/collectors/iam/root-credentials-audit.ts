import {
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListSigningCertificatesCommand,
} from '@aws-sdk/client-iam';
import { AssumeRootCommand, type STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { ok, type Slice } from '../../inventory/collection.js';
import type { RootAuditFacts, RootCredentialsAudit } from '../../inventory/root-audit-schema.js';
import { collectSlice, isErrorCode } from '../aws-error.js';
import type { AwsCredentials } from '../client-factory.js';
import { isoOf } from './map-authorization-details.js';

/** The AWS managed task policy that scopes a root session to listing root's credentials (nothing else). */
export function auditTaskPolicyArn(partition: string): string {
  return `arn:${partition}:iam::aws:policy/root-task/IAMAuditRootUserCredentials`;
}

/** The shortest session AssumeRoot allows is 0 s, the longest 900 s; the audit takes seconds. */
const AUDIT_SESSION_SECONDS = 300;

/**
 * A root session in a member account, scoped by IAMAuditRootUserCredentials. The credentials stay in
 * memory: handed to the IAM client and dropped, never logged or written.
 */
export async function assumeRootForAudit(
  sts: STSClient,
  accountId: string,
  partition: string,
): Promise<AwsCredentials> {
  const { Credentials: c } = await sts.send(
    new AssumeRootCommand({
      TargetPrincipal: accountId,
      TaskPolicyArn: { arn: auditTaskPolicyArn(partition) },
      DurationSeconds: AUDIT_SESSION_SECONDS,
    }),
  );
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRoot returned no credentials');
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    ...(c.Expiration ? { expiration: c.Expiration } : {}),
  };
}

/** Root's credentials, read with a root session's IAM client (no UserName: the caller is root). */
export async function readRootCredentials(iam: IAMClient): Promise<RootAuditFacts> {
  const [passwordPresent, user, keys, mfa, certificates] = await Promise.all([
    iam.send(new GetLoginProfileCommand({})).then(
      () => true,
      (error: unknown) => {
        // No login profile: root has no password (a fact, not an error).
        if (isErrorCode(error, 'NoSuchEntity', 'NoSuchEntityException')) return false;
        throw error;
      },
    ),
    iam.send(new GetUserCommand({})),
    iam.send(new ListAccessKeysCommand({})),
    iam.send(new ListMFADevicesCommand({})),
    iam.send(new ListSigningCertificatesCommand({})),
  ]);
  const accessKeys = await Promise.all(
    (keys.AccessKeyMetadata ?? []).map(async (key) => {
      const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
      return {
        accessKeyId: key.AccessKeyId ?? '',
        status: key.Status === 'Inactive' ? ('Inactive' as const) : ('Active' as const),
        createDate: isoOf(key.CreateDate),
        lastUsedDate: isoOf(used.AccessKeyLastUsed?.LastUsedDate),
        lastUsedService: used.AccessKeyLastUsed?.ServiceName ?? null,
      };
    }),
  );
  return {
    passwordPresent,
    passwordLastUsed: isoOf(user.User?.PasswordLastUsed),
    accessKeys,
    mfaDevices: (mfa.MFADevices ?? []).map((device) => ({
      serialNumber: device.SerialNumber ?? '',
      enableDate: isoOf(device.EnableDate),
    })),
    signingCertificates: (certificates.Certificates ?? []).map((certificate) => ({
      certificateId: certificate.CertificateId ?? '',
      status: certificate.Status === 'Inactive' ? ('Inactive' as const) : ('Active' as const),
      uploadDate: isoOf(certificate.UploadDate),
    })),
  };
}

export interface RootAuditInput {
  sts: STSClient;
  /** An IAM client signed with the given root session credentials. */
  iamWith(credentials: AwsCredentials): IAMClient;
  partition: string;
  /** Member accounts to audit (the management account's root cannot be assumed). */
  memberAccountIds: readonly string[];
  /** From iam:ListOrganizationsFeatures; undefined when it could not be read. */
  rootCredentialsManagement: boolean | undefined;
  concurrency?: number;
}

/**
 * One AssumeRoot (IAMAuditRootUserCredentials) per member account when centralized root credentials
 * management is on; a failure in one account is recorded for that account and the others go on.
 */
export async function collectRootCredentialsAudit(input: RootAuditInput): Promise<RootCredentialsAudit> {
  if (input.rootCredentialsManagement === undefined)
    return {
      skipped: 'centralized root access could not be read (iam:ListOrganizationsFeatures)',
      accounts: {},
    };
  if (!input.rootCredentialsManagement)
    return { skipped: 'centralized root credentials management is not enabled', accounts: {} };
  const limit = pLimit(input.concurrency ?? 4);
  const entries = await Promise.all(
    input.memberAccountIds.map((accountId) =>
      limit(async (): Promise<[string, Slice<RootAuditFacts>]> => {
        const audited = await collectSlice(async () => {
          const credentials = await assumeRootForAudit(input.sts, accountId, input.partition);
          const iam = input.iamWith(credentials);
          try {
            return await readRootCredentials(iam);
          } finally {
            iam.destroy();
          }
        });
        return [accountId, audited];
      }),
    ),
  );
  return { skipped: null, accounts: Object.fromEntries(entries) };
}

/** A slice that needs no call: why nothing was audited. */
export function rootAuditSkipped(reason: string): Slice<RootCredentialsAudit> {
  return ok({ skipped: reason, accounts: {} });
}
