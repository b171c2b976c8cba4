import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import {
  CreateGroupCommand as CreateStoreGroupCommand,
  CreateUserCommand as CreateStoreUserCommand,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { FAKE_CREDENTIALS, type MotoOrganization } from './build-moto-organization.js';

export interface PlanPeople {
  storeUserId: string;
  adminsGroupId: string;
}

/**
 * On top of the live-scan organization, the people `keysweep plan` must consolidate: Dana Scott has an
 * IAM user dana.scott (console, group Admins with AdministratorAccess) in both prod and dev, and an
 * Identity Center user; group aws-admins already has AdminAccess on prod, not on dev.
 */
export async function addPlanPeople(endpoint: string, org: MotoOrganization): Promise<PlanPeople> {
  const config = { region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS };
  const sts = new STSClient(config);
  for (const accountId of [org.accounts.prod, org.accounts.dev]) {
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
        RoleSessionName: 'build-plan',
      }),
    );
    const iam = new IAMClient({
      ...config,
      credentials: {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken,
      },
    });
    await iam.send(new CreateUserCommand({ UserName: 'dana.scott' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'dana.scott', Password: 'Correct-Horse-9!' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'Admins' }));
    await iam.send(
      new AttachGroupPolicyCommand({
        GroupName: 'Admins',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    );
    await iam.send(new AddUserToGroupCommand({ GroupName: 'Admins', UserName: 'dana.scott' }));
  }
  const sso = new SSOAdminClient(config);
  const { Instances } = await sso.send(new ListInstancesCommand({}));
  const instanceArn = Instances?.[0]?.InstanceArn ?? '';
  const store = new IdentitystoreClient(config);
  const { UserId } = await store.send(
    new CreateStoreUserCommand({
      IdentityStoreId: org.identityStoreId,
      UserName: 'dana@example.com',
      DisplayName: 'Dana Scott',
      Name: { GivenName: 'Dana', FamilyName: 'Scott' },
      Emails: [{ Value: 'dana@example.com', Primary: true }],
    }),
  );
  const { GroupId } = await store.send(
    new CreateStoreGroupCommand({ IdentityStoreId: org.identityStoreId, DisplayName: 'aws-admins' }),
  );
  await sso.send(
    new CreateAccountAssignmentCommand({
      InstanceArn: instanceArn,
      TargetId: org.accounts.prod,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: org.permissionSets.admin,
      PrincipalType: 'GROUP',
      PrincipalId: GroupId ?? '',
    }),
  );
  return { storeUserId: UserId ?? '', adminsGroupId: GroupId ?? '' };
}
