import type { IamUser } from '../../inventory/iam-schema.js';
import { shellWord } from '../../io/text/shell-word.js';
import type { PlanWorkload } from '../plan-schema.js';
import { deleteUserCommands, keyUnusedCheck } from './delete-user-commands.js';
import { literal, type RunbookNode } from './runbook-document.js';

const SWITCH: Record<PlanWorkload['replacement'], string> = {
  'oidc-federation':
    'Change the pipeline to request an OIDC token and assume the role (GitHub: aws-actions/configure-aws-credentials with role-to-assume; GitLab: id_tokens with the audience the Terraform variable names, then `aws sts assume-role-with-web-identity`); remove the key from the CI secrets only after step 4.',
  'roles-anywhere':
    'Install the certificate on the host and configure `aws_signing_helper credential-process` with the trust anchor, profile and role ARNs as the credential_process of its AWS profile.',
  'iam-role':
    'Attach the role to what runs the workload (EC2 instance profile, ECS task role, Lambda execution role) and remove the access key from its configuration and environment.',
};

/**
 * A workload's access keys, retired one verified step at a time: role applied, workload switched, key
 * watched until unused for `days` days, deactivated, verified still unused, deleted with the user.
 */
export function workloadSteps(
  workload: PlanWorkload,
  user: IamUser | undefined,
  days: number,
): RunbookNode[] {
  const keys = user?.accessKeys ?? [];
  const name = shellWord(workload.userName);
  const nodes: RunbookNode[] = [
    {
      kind: 'heading',
      level: 3,
      text: `Workload ${literal(workload.userName)} → role ${literal(workload.roleName)}`,
    },
    {
      kind: 'list',
      items: [
        `1. Role applied: \`workloads/${workload.accountId}/\` applied (above). Check: \`aws iam get-role --role-name ${literal(workload.roleName)}\`. Rollback: the keys still work, nothing to undo.`,
        `2. Switch the workload: ${SWITCH[workload.replacement]} Check: CloudTrail shows calls by the role's session. Rollback: point the workload back at its key (still active).`,
        `3. Watch each key until it has been unused for ${days} days (run daily; the date must stop moving). Rollback: as in 2.`,
      ],
    },
    {
      kind: 'code',
      lines: keys.length > 0 ? keys.map((k) => keyUnusedCheck(k.accessKeyId)) : ['# no access keys recorded'],
    },
    {
      kind: 'list',
      items: [
        '4. Deactivate the keys. Check: the workload keeps working for a few days (it uses the role). Rollback: reactivate (`--status Active`).',
      ],
    },
    {
      kind: 'code',
      lines: keys.map(
        (k) =>
          `aws iam update-access-key --user-name ${name} --access-key-id ${shellWord(k.accessKeyId)} --status Inactive`,
      ),
    },
    {
      kind: 'list',
      items: [
        `5. After ${days} days deactivated: check with the commands of step 3 that no key was used after its deactivation, then delete the user and everything it holds. Rollback: none after deletion.`,
      ],
    },
    { kind: 'code', lines: deleteUserCommands({ userName: workload.userName }) },
  ];
  return nodes;
}
