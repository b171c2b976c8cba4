import {
  type AccessKeyMetadata,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  type IAMClient,
  ListAccessKeysCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import { type CollectionError, failed, ok, type Slice } from '../../inventory/collection.js';
import type { IamSlice, PasswordPolicy } from '../../inventory/iam-schema.js';
import { collectSlice, describeAwsError, isErrorCode } from '../aws-error.js';
import {
  type CredentialReportPolling,
  DEFAULT_CREDENTIAL_REPORT_POLLING,
  fetchCredentialReport,
} from './credential-report.js';
import { readIdentityProviders } from './identity-providers.js';
import {
  readServiceCredentials,
  readSshPublicKeys,
  signingCertificatesFromReport,
} from './long-lived-credentials.js';
import {
  type AuthorizationDetails,
  mapGroup,
  mapPolicies,
  mergeAuthorizationPages,
} from './map-authorization-details.js';
import { mapRole } from './map-roles.js';
import { mapRootFromReport, mapRootFromSummary, rootArn } from './map-root.js';
import { mapUser } from './map-users.js';
import { type CredentialReport, occupiedKeySlots, parseCredentialReport } from './parse-credential-report.js';

export interface AccountIamInput {
  iam: IAMClient;
  accountId: string;
  partition: string;
  polling?: CredentialReportPolling;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: CollectionError };

async function settle<T>(step: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    return { ok: false, error: describeAwsError(error) };
  }
}

function sliceOf<T, U>(outcome: Outcome<T>, map: (value: T) => U, what: string): Slice<U> {
  if (!outcome.ok) return failed(outcome.error.code, `${what}: ${outcome.error.message}`);
  try {
    return ok(map(outcome.value));
  } catch (error) {
    const { code, message } = describeAwsError(error);
    return failed(code, `${what}: ${message}`);
  }
}

/**
 * Everything keysweep reads from IAM in one account, in at most eight calls plus one ListAccessKeys per
 * user that has keys, one GetOpenIDConnectProvider per OIDC provider and, per user, one ListSSHPublicKeys
 * and one ListServiceSpecificCredentials: the credential report (generate + get; also the users' signing
 * certificates), the account summary, the authorization details (users, groups, roles and customer managed
 * policies; one page per 1,000 entities), the virtual MFA devices, the password policy and the SAML and OIDC
 * providers.
 */
/** The account's IAM slices but usage, which the usage collector adds from the principals read here. */
export type AccountIamSlices = Omit<IamSlice, 'usage' | 'identityCenterInstances'>;

export async function collectAccountIam(input: AccountIamInput): Promise<AccountIamSlices> {
  const { iam } = input;
  const [report, summary, details, virtualMfa, passwordPolicy, identityProviders] = await Promise.all([
    settle(async () =>
      parseCredentialReport(
        await fetchCredentialReport(iam, input.polling ?? DEFAULT_CREDENTIAL_REPORT_POLLING),
      ),
    ),
    settle(async () => {
      const response = await iam.send(new GetAccountSummaryCommand({}));
      return Object.fromEntries(
        Object.entries(response.SummaryMap ?? {}).filter(([, v]) => typeof v === 'number'),
      );
    }),
    settle(() => readAuthorizationDetails(iam)),
    settle(() => readVirtualMfaDevices(iam)),
    collectSlice(() => readPasswordPolicy(iam)),
    collectSlice(() => readIdentityProviders(iam)),
  ]);
  const virtual = virtualMfa.ok ? virtualMfa.value : null;
  const arnOfRoot = rootArn(input.partition, input.accountId);
  const [users, sshPublicKeys, serviceCredentials] = await Promise.all([
    collectUsers(iam, report, details, virtual),
    perUserSlice(details, 'ListSSHPublicKeys', (users) => readSshPublicKeys(iam, users)),
    perUserSlice(details, 'ListServiceSpecificCredentials', (users) => readServiceCredentials(iam, users)),
  ]);

  return {
    users,
    groups: sliceOf(details, (d) => d.groups.map(mapGroup), 'GetAccountAuthorizationDetails'),
    policies: sliceOf(details, mapPolicies, 'GetAccountAuthorizationDetails'),
    passwordPolicy,
    accountSummary: sliceOf(summary, (s) => s, 'GetAccountSummary'),
    root: collectRoot(report, summary, arnOfRoot, virtual),
    roles: sliceOf(details, (d) => d.roles.map(mapRole), 'GetAccountAuthorizationDetails'),
    identityProviders,
    sshPublicKeys,
    signingCertificates: !details.ok
      ? failed(details.error.code, `GetAccountAuthorizationDetails: ${details.error.message}`)
      : sliceOf(report, (r) => signingCertificatesFromReport(r, details.value.users), 'credential report'),
    serviceCredentials,
  };
}

/** A slice read with one call per user of the authorization details; failed when the users are unknown. */
async function perUserSlice<T>(
  details: Outcome<AuthorizationDetails>,
  what: string,
  read: (users: AuthorizationDetails['users']) => Promise<T>,
): Promise<Slice<T>> {
  if (!details.ok)
    return failed(details.error.code, `GetAccountAuthorizationDetails: ${details.error.message}`);
  return sliceOf(await settle(() => read(details.value.users)), (value) => value, what);
}

async function readAuthorizationDetails(iam: IAMClient): Promise<AuthorizationDetails> {
  const pages = [];
  // Filtered: an unfiltered call also pages through every AWS managed policy (over a thousand).
  for await (const page of paginateGetAccountAuthorizationDetails(
    { client: iam, pageSize: 1000 },
    { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
  )) {
    pages.push(page);
  }
  return mergeAuthorizationPages(pages);
}

async function readVirtualMfaDevices(iam: IAMClient): Promise<VirtualMFADevice[]> {
  const devices: VirtualMFADevice[] = [];
  for await (const page of paginateListVirtualMFADevices(
    { client: iam, pageSize: 1000 },
    { AssignmentStatus: 'Assigned' },
  )) {
    devices.push(...(page.VirtualMFADevices ?? []));
  }
  return devices;
}

async function readPasswordPolicy(iam: IAMClient): Promise<PasswordPolicy | null> {
  try {
    const { PasswordPolicy: p } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    if (!p) return null;
    return {
      minimumPasswordLength: p.MinimumPasswordLength ?? null,
      requireSymbols: p.RequireSymbols ?? false,
      requireNumbers: p.RequireNumbers ?? false,
      requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
      requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
      allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
      expirePasswords: p.ExpirePasswords ?? false,
      maxPasswordAge: p.MaxPasswordAge ?? null,
      passwordReusePrevention: p.PasswordReusePrevention ?? null,
      hardExpiry: p.HardExpiry ?? false,
    };
  } catch (error) {
    // No password policy is a fact about the account (IAM defaults apply), not a failure.
    if (isErrorCode(error, 'NoSuchEntity', 'NoSuchEntityException')) return null;
    throw error;
  }
}

async function collectUsers(
  iam: IAMClient,
  report: Outcome<CredentialReport>,
  details: Outcome<AuthorizationDetails>,
  virtualMfa: VirtualMFADevice[] | null,
): Promise<IamSlice['users']> {
  if (!details.ok)
    return failed(details.error.code, `GetAccountAuthorizationDetails: ${details.error.message}`);
  if (!report.ok) return failed(report.error.code, `credential report: ${report.error.message}`);
  const limit = pLimit(4);
  const keysByUser = await settle(() =>
    Promise.all(
      details.value.users.map((user) =>
        limit(async (): Promise<AccessKeyMetadata[]> => {
          const row = report.value.usersByName.get(user.UserName ?? '');
          // The report says who has keys; a user newer than the report is asked directly.
          if (row && occupiedKeySlots(row).length === 0) return [];
          const response = await iam.send(new ListAccessKeysCommand({ UserName: user.UserName }));
          return response.AccessKeyMetadata ?? [];
        }),
      ),
    ),
  );
  return sliceOf(
    keysByUser,
    (keys) =>
      details.value.users.map((detail, index) =>
        mapUser({
          detail,
          reportRow: report.value.usersByName.get(detail.UserName ?? '') ?? null,
          keys: keys[index] ?? [],
          virtualMfa: virtualMfa === null ? null : virtualMfa.filter((d) => d.User?.Arn === detail.Arn),
        }),
      ),
    'ListAccessKeys',
  );
}

function collectRoot(
  report: Outcome<CredentialReport>,
  summary: Outcome<Record<string, number>>,
  arn: string,
  virtualMfa: VirtualMFADevice[] | null,
): IamSlice['root'] {
  if (report.ok && report.value.root) return ok(mapRootFromReport(report.value.root, arn, virtualMfa));
  if (!report.ok) return failed(report.error.code, `credential report: ${report.error.message}`);
  return sliceOf(summary, (s) => mapRootFromSummary(s, arn, virtualMfa), 'GetAccountSummary');
}
