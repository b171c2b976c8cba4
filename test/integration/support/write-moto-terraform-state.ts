import {
  DescribePermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { FAKE_CREDENTIALS } from './build-moto-organization.js';

export interface StateAssignment {
  permissionSetArn: string;
  principalType: 'USER' | 'GROUP';
  principalId: string;
  accountId: string;
}

/**
 * A Terraform state (format 4) for part of the moto organization, written from what the real SDK returns,
 * so moto's ids flow through: the permission set as `module.sso.aws_ssoadmin_permission_set.this["<name>"]`,
 * its policy attachments, and the given assignments with for_each keys.
 */
export async function writeMotoTerraformState(
  endpoint: string,
  permissionSetArn: string,
  assignments: StateAssignment[],
): Promise<string> {
  const sso = new SSOAdminClient({ region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS });
  const { Instances } = await sso.send(new ListInstancesCommand({}));
  const instanceArn = Instances?.[0]?.InstanceArn ?? '';
  const ids = { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn };
  const { PermissionSet: set } = await sso.send(new DescribePermissionSetCommand(ids));
  const { AttachedManagedPolicies: policies } = await sso.send(
    new ListManagedPoliciesInPermissionSetCommand(ids),
  );
  const name = set?.Name ?? '';
  const instance = (key: string | undefined, attributes: Record<string, unknown>) => ({
    ...(key !== undefined ? { index_key: key } : {}),
    schema_version: 0,
    attributes: { instance_arn: instanceArn, ...attributes },
    sensitive_attributes: [],
    private: 'bnVsbA==',
  });
  const resource = (type: string, instances: unknown[]) => ({
    module: 'module.sso',
    mode: 'managed',
    type,
    name: 'this',
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances,
  });
  const state = {
    version: 4,
    terraform_version: '1.9.8',
    serial: 7,
    lineage: '0b8f3c52-6d1e-4f7a-9c2b-1e5d8a7f4c30',
    outputs: {},
    resources: [
      resource('aws_ssoadmin_permission_set', [
        instance(name, {
          arn: permissionSetArn,
          name,
          description: set?.Description ?? '',
          session_duration: set?.SessionDuration ?? 'PT1H',
          relay_state: '',
          id: `${permissionSetArn},${instanceArn}`,
        }),
      ]),
      resource(
        'aws_ssoadmin_managed_policy_attachment',
        (policies ?? []).map((p) =>
          instance(`${name}/${p.Name}`, {
            managed_policy_arn: p.Arn,
            managed_policy_name: p.Name,
            permission_set_arn: permissionSetArn,
          }),
        ),
      ),
      resource(
        'aws_ssoadmin_account_assignment',
        assignments.map((a) =>
          instance(`${a.principalId}/${a.accountId}`, {
            permission_set_arn: a.permissionSetArn,
            principal_id: a.principalId,
            principal_type: a.principalType,
            target_id: a.accountId,
            target_type: 'AWS_ACCOUNT',
          }),
        ),
      ),
    ],
    check_results: null,
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}
