import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials } from '../client-factory.js';

export interface CallerIdentity {
  accountId: string;
  arn: string;
  /** aws, aws-us-gov, aws-cn: role ARNs in member accounts use the caller's partition. */
  partition: string;
}

export async function getCallerIdentity(sts: STSClient): Promise<CallerIdentity> {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  if (!identity.Account || !identity.Arn) throw new Error('GetCallerIdentity returned no account');
  return { accountId: identity.Account, arn: identity.Arn, partition: identity.Arn.split(':')[1] ?? 'aws' };
}

export interface AssumeAccountRoleInput {
  accountId: string;
  roleName: string;
  externalId?: string;
  partition: string;
}

export function roleArnFor(input: AssumeAccountRoleInput): string {
  return `arn:${input.partition}:iam::${input.accountId}:role/${input.roleName}`;
}

/**
 * Credentials for a member account. They stay in memory: never logged, never written to a snapshot.
 */
export async function assumeAccountRole(
  sts: STSClient,
  input: AssumeAccountRoleInput,
): Promise<AwsCredentials> {
  const response = await sts.send(
    new AssumeRoleCommand({
      RoleArn: roleArnFor(input),
      RoleSessionName: 'keysweep',
      ...(input.externalId ? { ExternalId: input.externalId } : {}),
    }),
  );
  const credentials = response.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw new Error(`AssumeRole into ${input.accountId} returned no credentials`);
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}
