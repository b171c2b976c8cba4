import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateGroupMembershipCommand,
  CreateGroupCommand as CreateStoreGroupCommand,
  CreateUserCommand as CreateStoreUserCommand,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/** moto's default account for the credentials "testing": the management account. */
export const MANAGEMENT_ACCOUNT = '123456789012';
export const FAKE_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** An IAM client in a member account of the moto organization (through its access role), or the management account's own. */
export function iamClientIn(
  endpoint: string,
  sessionName: string,
): (accountId: string) => Promise<IAMClient> {
  const config = { region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS };
  const sts = new STSClient(config);
  return async (accountId) => {
    if (accountId === MANAGEMENT_ACCOUNT) return new IAMClient(config);
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
        RoleSessionName: sessionName,
      }),
    );
    return new IAMClient({
      ...config,
      credentials: {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken,
      },
    });
  };
}

export interface MotoOrganization {
  organizationId: string;
  accounts: { prod: string; dev: string; sandbox: string; closed: string };
  ous: { workloads: string; prod: string; sandbox: string };
  permissionSets: { admin: string; readOnly: string };
  identityStoreId: string;
}

/**
 * Builds, through the SDK, the organization the live-scan test crawls:
 *
 * management 123456789012  alice (console, no MFA), auditor (console + virtual MFA)
 * Workloads/Prod  prod     ci-deployer (active key), old-bot (inactive key)
 * Workloads       dev      bob (console, no MFA, active key, in group Developers)
 * Sandbox         sandbox  service-reader (no password, no keys)
 * Sandbox         closed   (closed: listed, not scanned)
 *
 * Identity Center: AdminAccess (AdministratorAccess, PT12H) for group platform-admins in prod;
 * ReadOnly (ReadOnlyAccess) for user carol in dev.
 */
export async function buildMotoOrganization(endpoint: string): Promise<MotoOrganization> {
  const config = { region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS };
  const org = new OrganizationsClient(config);
  const { Organization } = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const { Roots } = await org.send(new ListRootsCommand({}));
  const rootId = Roots?.[0]?.Id ?? '';
  const ou = async (parentId: string, name: string) =>
    (await org.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name })))
      .OrganizationalUnit?.Id ?? '';
  const workloads = await ou(rootId, 'Workloads');
  const prodOu = await ou(workloads, 'Prod');
  const sandboxOu = await ou(rootId, 'Sandbox');
  const account = async (name: string, parentId: string) => {
    const created = await org.send(
      new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
    );
    const id = created.CreateAccountStatus?.AccountId ?? '';
    await org.send(
      new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: parentId }),
    );
    return id;
  };
  const accounts = {
    prod: await account('prod', prodOu),
    dev: await account('dev', workloads),
    sandbox: await account('sandbox', sandboxOu),
    closed: await account('closed', sandboxOu),
  };
  await org.send(new CloseAccountCommand({ AccountId: accounts.closed }));

  const iamIn = iamClientIn(endpoint, 'build');
  const user = async (
    iam: IAMClient,
    name: string,
    opts: { console?: boolean; key?: 'Active' | 'Inactive' },
  ) => {
    await iam.send(new CreateUserCommand({ UserName: name }));
    if (opts.console)
      await iam.send(new CreateLoginProfileCommand({ UserName: name, Password: 'Correct-Horse-9!' }));
    if (opts.key) {
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
      if (opts.key === 'Inactive') {
        await iam.send(
          new UpdateAccessKeyCommand({
            UserName: name,
            AccessKeyId: AccessKey?.AccessKeyId,
            Status: 'Inactive',
          }),
        );
      }
    }
  };

  const management = await iamIn(MANAGEMENT_ACCOUNT);
  await user(management, 'alice', { console: true });
  await user(management, 'auditor', { console: true });
  const { VirtualMFADevice } = await management.send(
    new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'auditor' }),
  );
  await management.send(
    new EnableMFADeviceCommand({
      UserName: 'auditor',
      SerialNumber: VirtualMFADevice?.SerialNumber,
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
    }),
  );
  const prod = await iamIn(accounts.prod);
  await user(prod, 'ci-deployer', { key: 'Active' });
  await user(prod, 'old-bot', { key: 'Inactive' });
  const dev = await iamIn(accounts.dev);
  await user(dev, 'bob', { console: true, key: 'Active' });
  await dev.send(new CreateGroupCommand({ GroupName: 'Developers' }));
  await dev.send(
    new AttachGroupPolicyCommand({
      GroupName: 'Developers',
      PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    }),
  );
  await dev.send(new AddUserToGroupCommand({ GroupName: 'Developers', UserName: 'bob' }));
  await user(await iamIn(accounts.sandbox), 'service-reader', {});

  const sso = new SSOAdminClient(config);
  const { Instances } = await sso.send(new ListInstancesCommand({}));
  const instanceArn = Instances?.[0]?.InstanceArn ?? '';
  const identityStoreId = Instances?.[0]?.IdentityStoreId ?? '';
  const permissionSet = async (name: string, policyArn: string, sessionDuration: string) => {
    const { PermissionSet } = await sso.send(
      new CreatePermissionSetCommand({
        InstanceArn: instanceArn,
        Name: name,
        SessionDuration: sessionDuration,
      }),
    );
    const arn = PermissionSet?.PermissionSetArn ?? '';
    await sso.send(
      new AttachManagedPolicyToPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: arn,
        ManagedPolicyArn: policyArn,
      }),
    );
    return arn;
  };
  const permissionSets = {
    admin: await permissionSet('AdminAccess', 'arn:aws:iam::aws:policy/AdministratorAccess', 'PT12H'),
    readOnly: await permissionSet('ReadOnly', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'PT1H'),
  };
  const store = new IdentitystoreClient(config);
  const { UserId: carol } = await store.send(
    new CreateStoreUserCommand({
      IdentityStoreId: identityStoreId,
      UserName: 'carol',
      DisplayName: 'Carol Jones',
      Name: { GivenName: 'Carol', FamilyName: 'Jones' },
      Emails: [{ Value: 'carol@example.com', Primary: true }],
    }),
  );
  const { GroupId: admins } = await store.send(
    new CreateStoreGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: 'platform-admins' }),
  );
  await store.send(
    new CreateGroupMembershipCommand({
      IdentityStoreId: identityStoreId,
      GroupId: admins ?? '',
      MemberId: { UserId: carol ?? '' },
    }),
  );
  const assign = async (
    accountId: string,
    permissionSetArn: string,
    principalType: 'USER' | 'GROUP',
    principalId: string,
  ) => {
    await sso.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: accountId,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: permissionSetArn,
        PrincipalType: principalType,
        PrincipalId: principalId,
      }),
    );
    // Real AWS provisions on assignment; moto needs it asked for.
    await sso.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: permissionSetArn,
        TargetType: 'AWS_ACCOUNT',
        TargetId: accountId,
      }),
    );
  };
  await assign(accounts.prod, permissionSets.admin, 'GROUP', admins ?? '');
  await assign(accounts.dev, permissionSets.readOnly, 'USER', carol ?? '');

  return {
    organizationId: Organization?.Id ?? '',
    accounts,
    ous: { workloads, prod: prodOu, sandbox: sandboxOu },
    permissionSets,
    identityStoreId,
  };
}
