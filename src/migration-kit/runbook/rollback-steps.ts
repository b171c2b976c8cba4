import type { KitPlan } from '../plan-schema.js';
import type { RunbookNode } from './runbook-document.js';

/** Addresses of every `import {}` block in a module's files, each on its own `to = …` line. */
const importedAddresses = (dir: string) => `sed -n 's/^ *to *= *//p' ${dir}/*.tf`;

/**
 * The SCP denies creating passwords and keys and re-activating keys: exactly what the rollback of a
 * deactivated key or a deleted password uses. It is therefore attached only once the last wave's
 * deletion window is over and every cut-over IAM user is deleted, when no rollback remains.
 */
export function scpSection(lastDeleteOn: string): RunbookNode[] {
  return [
    { kind: 'heading', level: 2, text: 'After the last wave’s deletion window: the SCP' },
    {
      kind: 'list',
      items: [
        `Attach \`scp/deny-iam-users.json\` only after the last wave's IAM users are deleted (the last wave's window ends on or after ${lastDeleteOn}): it denies \`iam:CreateLoginProfile\`, \`iam:CreateAccessKey\` and \`iam:UpdateAccessKey\`, which every rollback above uses. Follow \`scp/README.md\` (also: centralized root access).`,
        'Check: `aws organizations list-policies-for-target --target-id <root-or-ou-id> --filter SERVICE_CONTROL_POLICY` lists it. Rollback: `aws organizations detach-policy --policy-id <policy-id> --target-id <root-or-ou-id>`.',
      ],
    },
  ];
}

/**
 * Undoing the kit's Terraform without touching what existed before it: imported objects (existing groups,
 * permission sets, assignments, roles, OIDC providers) leave the state first, then only what the kit
 * created is destroyed. prevent_destroy on imported objects makes a plain destroy fail rather than remove
 * them.
 */
export function rollbackSection(plan: KitPlan): RunbookNode[] {
  const modules = [
    'identity-center',
    ...[...new Set(plan.workloads.map((w) => w.accountId))].sort().map((id) => `workloads/${id}`),
  ];
  return [
    { kind: 'heading', level: 2, text: 'Rollback: remove what the kit created, keep what existed' },
    {
      kind: 'paragraph',
      text: 'Per wave, the steps above each have their own rollback. To undo the Terraform itself (workload modules first, Identity Center last), take the imported objects out of the state, then destroy: only what the kit created is removed, and what existed before (imported) stays as it was.',
    },
    {
      kind: 'code',
      lines: modules
        .slice()
        .reverse()
        .flatMap((dir) => [
          `${importedAddresses(dir)} | xargs -r -n1 terraform -chdir=${dir} state rm`,
          `terraform -chdir=${dir} plan -destroy   # check: only objects the kit created`,
          `terraform -chdir=${dir} destroy`,
        ]),
    },
    {
      kind: 'paragraph',
      text: 'Never run `terraform destroy` before `terraform state rm`: imported objects are protected with prevent_destroy and the destroy stops; without that protection it would detach policies and assignments other teams use. A deleted IAM user cannot be restored: plan.json keeps what it had.',
    },
  ];
}
