import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { KitPlan } from '../../../src/migration-kit/plan-schema.js';
import { FAKE_CREDENTIALS } from './build-moto-organization.js';

/**
 * A test-only applier of the Identity Center part of plan.json, with the SDK (what `terraform apply` of
 * identity-center/ does): users for proposed people, new groups, memberships, new permission sets with
 * their policies, and the new group assignments (provisioned: moto does not on assignment).
 */
export async function applyKitIdentityCenter(endpoint: string, plan: KitPlan): Promise<void> {
  const config = { region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS };
  const sso = new SSOAdminClient(config);
  const store = new IdentitystoreClient(config);
  const instanceArn = plan.identityCenter.instanceArn!;
  const identityStoreId = plan.identityCenter.identityStoreId!;

  const userIds = new Map<string, string>();
  const members = new Set(plan.groups.flatMap((g) => g.members.map((m) => m.personId)));
  for (const person of plan.people) {
    if (person.identityStoreUserId) userIds.set(person.id, person.identityStoreUserId);
    else if (person.source === 'proposed' && members.has(person.id)) {
      const [given = person.userName, ...family] = (person.displayName ?? person.userName).split(' ');
      const { UserId } = await store.send(
        new CreateUserCommand({
          IdentityStoreId: identityStoreId,
          UserName: person.userName,
          DisplayName: person.displayName ?? person.userName,
          Name: { GivenName: given, FamilyName: family.join(' ') || given },
          ...(person.email ? { Emails: [{ Value: person.email, Primary: true }] } : {}),
        }),
      );
      userIds.set(person.id, UserId!);
    }
  }
  const groupIds = new Map<string, string>();
  for (const group of plan.groups) {
    let groupId = group.groupId;
    if (!group.exists) {
      const { GroupId } = await store.send(
        new CreateGroupCommand({
          IdentityStoreId: identityStoreId,
          DisplayName: group.displayName,
          ...(group.description ? { Description: group.description } : {}),
        }),
      );
      groupId = GroupId!;
    }
    groupIds.set(group.displayName, groupId!);
    for (const member of group.members.filter((m) => !m.exists))
      await store.send(
        new CreateGroupMembershipCommand({
          IdentityStoreId: identityStoreId,
          GroupId: groupId!,
          MemberId: { UserId: userIds.get(member.personId)! },
        }),
      );
  }
  const setArns = new Map<string, string>();
  for (const set of plan.permissionSets) {
    if (set.exists) {
      setArns.set(set.name, set.arn!);
      continue;
    }
    const { PermissionSet } = await sso.send(
      new CreatePermissionSetCommand({
        InstanceArn: instanceArn,
        Name: set.name,
        SessionDuration: set.sessionDuration,
        ...(set.description ? { Description: set.description } : {}),
      }),
    );
    const arn = PermissionSet!.PermissionSetArn!;
    setArns.set(set.name, arn);
    for (const policyArn of set.awsManagedPolicies)
      await sso.send(
        new AttachManagedPolicyToPermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: arn,
          ManagedPolicyArn: policyArn,
        }),
      );
    for (const name of set.customerManagedPolicies)
      await sso.send(
        new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: arn,
          CustomerManagedPolicyReference: { Name: name, Path: '/' },
        }),
      );
    if (set.inlinePolicy)
      await sso.send(
        new PutInlinePolicyToPermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: arn,
          InlinePolicy: JSON.stringify(set.inlinePolicy),
        }),
      );
  }
  for (const a of plan.assignments.filter((x) => !x.exists)) {
    const permissionSetArn = setArns.get(a.permissionSet)!;
    await sso.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: a.accountId,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: permissionSetArn,
        PrincipalType: 'GROUP',
        PrincipalId: groupIds.get(a.group)!,
      }),
    );
    await sso.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: permissionSetArn,
        TargetType: 'AWS_ACCOUNT',
        TargetId: a.accountId,
      }),
    );
  }
}
