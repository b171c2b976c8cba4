import {
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  DescribeTrustedTokenIssuerCommand,
  GetApplicationAssignmentConfigurationCommand,
  paginateListApplicationAssignments,
  paginateListApplications,
  paginateListTrustedTokenIssuers,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { failed, notCollected, ok, type Slice } from '../../inventory/collection.js';
import type {
  AccessControlAttributes,
  ApplicationAssignment,
  IdentityCenterApplication,
  TrustedTokenIssuer,
} from '../../inventory/identity-center-applications-schema.js';
import { describeAwsError } from '../aws-error.js';
import { endpointLacksApi } from './endpoint-lacks-api.js';

export interface ApplicationSlices {
  accessControlAttributes: Slice<AccessControlAttributes | null>;
  applications: Slice<IdentityCenterApplication[]>;
  trustedTokenIssuers: Slice<TrustedTokenIssuer[]>;
}

/**
 * ABAC and trusted identity propagation of the organization instance: each of the three slices fails
 * on its own. An endpoint without an API makes its slice "not collected" (never "none"); a per-item
 * read that fails (one application's assignments, one issuer's URL) is listed in that item's `unread`.
 */
export async function collectApplicationSlices(
  sso: SSOAdminClient,
  instanceArn: string,
): Promise<ApplicationSlices> {
  const [accessControlAttributes, applications, trustedTokenIssuers] = await Promise.all([
    collectAccessControlAttributes(sso, instanceArn),
    collectApplications(sso, instanceArn),
    collectTrustedTokenIssuers(sso, instanceArn),
  ]);
  return { accessControlAttributes, applications, trustedTokenIssuers };
}

/** ResourceNotFound: the instance has no ABAC configuration (a fact: data null). */
export async function collectAccessControlAttributes(
  sso: SSOAdminClient,
  instanceArn: string,
): Promise<Slice<AccessControlAttributes | null>> {
  try {
    const answer = await sso.send(
      new DescribeInstanceAccessControlAttributeConfigurationCommand({ InstanceArn: instanceArn }),
    );
    const attributes = answer.InstanceAccessControlAttributeConfiguration?.AccessControlAttributes ?? [];
    return ok({
      status: answer.Status ?? null,
      statusReason: answer.StatusReason ?? null,
      attributes: attributes.flatMap((a) => (a.Key ? [{ key: a.Key, sources: a.Value?.Source ?? [] }] : [])),
    });
  } catch (error) {
    const described = describeAwsError(error);
    if (described.code === 'ResourceNotFoundException') return ok(null);
    return sliceError('DescribeInstanceAccessControlAttributeConfiguration', described);
  }
}

export async function collectApplications(
  sso: SSOAdminClient,
  instanceArn: string,
): Promise<Slice<IdentityCenterApplication[]>> {
  const listed: IdentityCenterApplication[] = [];
  try {
    for await (const page of paginateListApplications({ client: sso }, { InstanceArn: instanceArn })) {
      for (const app of page.Applications ?? []) {
        if (!app.ApplicationArn) continue;
        listed.push({
          applicationArn: app.ApplicationArn,
          name: app.Name ?? app.ApplicationArn,
          applicationAccount: app.ApplicationAccount ?? null,
          applicationProviderArn: app.ApplicationProviderArn ?? null,
          status: app.Status ?? null,
          visibility: app.PortalOptions?.Visibility ?? null,
          assignmentRequired: null,
          assignments: null,
          unread: [],
        });
      }
    }
  } catch (error) {
    return sliceError('ListApplications', describeAwsError(error));
  }
  // One application at a time: the SSO endpoint is shared by the whole organization.
  for (const app of listed) {
    app.assignmentRequired = await readOrNote(app.unread, 'assignment configuration', async () => {
      const answer = await sso.send(
        new GetApplicationAssignmentConfigurationCommand({ ApplicationArn: app.applicationArn }),
      );
      // The API says nothing: unknown, never assumed either way.
      if (typeof answer.AssignmentRequired !== 'boolean')
        throw new Error('no AssignmentRequired in the answer');
      return answer.AssignmentRequired;
    });
    app.assignments = await readOrNote(app.unread, 'assignments', () =>
      listApplicationAssignments(sso, app.applicationArn),
    );
  }
  return ok(listed);
}

async function listApplicationAssignments(
  sso: SSOAdminClient,
  applicationArn: string,
): Promise<ApplicationAssignment[]> {
  const assignments: ApplicationAssignment[] = [];
  for await (const page of paginateListApplicationAssignments(
    { client: sso },
    { ApplicationArn: applicationArn },
  )) {
    for (const a of page.ApplicationAssignments ?? []) {
      if (!a.PrincipalId || (a.PrincipalType !== 'USER' && a.PrincipalType !== 'GROUP')) continue;
      assignments.push({ principalType: a.PrincipalType, principalId: a.PrincipalId });
    }
  }
  return assignments;
}

export async function collectTrustedTokenIssuers(
  sso: SSOAdminClient,
  instanceArn: string,
): Promise<Slice<TrustedTokenIssuer[]>> {
  const issuers: TrustedTokenIssuer[] = [];
  try {
    for await (const page of paginateListTrustedTokenIssuers({ client: sso }, { InstanceArn: instanceArn })) {
      for (const issuer of page.TrustedTokenIssuers ?? []) {
        if (!issuer.TrustedTokenIssuerArn) continue;
        issuers.push({
          trustedTokenIssuerArn: issuer.TrustedTokenIssuerArn,
          name: issuer.Name ?? issuer.TrustedTokenIssuerArn,
          type: issuer.TrustedTokenIssuerType ?? null,
          issuerUrl: null,
          claimAttributePath: null,
          identityStoreAttributePath: null,
          unread: [],
        });
      }
    }
  } catch (error) {
    return sliceError('ListTrustedTokenIssuers', describeAwsError(error));
  }
  for (const issuer of issuers) {
    const oidc = await readOrNote(issuer.unread, 'configuration', async () => {
      const answer = await sso.send(
        new DescribeTrustedTokenIssuerCommand({ TrustedTokenIssuerArn: issuer.trustedTokenIssuerArn }),
      );
      return answer.TrustedTokenIssuerConfiguration?.OidcJwtConfiguration ?? null;
    });
    issuer.issuerUrl = oidc?.IssuerUrl ?? null;
    issuer.claimAttributePath = oidc?.ClaimAttributePath ?? null;
    issuer.identityStoreAttributePath = oidc?.IdentityStoreAttributePath ?? null;
  }
  return ok(issuers);
}

function sliceError<T>(operation: string, described: { code: string; message: string }): Slice<T> {
  if (endpointLacksApi(described)) {
    return notCollected(`${operation} is not available at this endpoint (${described.code}): not collected`);
  }
  return failed(described.code, `${operation}: ${described.message}`);
}

async function readOrNote<T>(unread: string[], what: string, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    const { code, message } = describeAwsError(error);
    unread.push(`${what}: ${code}: ${message}`);
    return null;
  }
}
