import { collectedData } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { markdownInline } from '../../io/text/markdown-text.js';
import {
  describeRootCredentials,
  rootAuditFacts,
  rootCredentials,
} from '../../knowledge/policy/root-credentials.js';
import { assumeRootCommand } from '../../knowledge/root-advice.js';
import type { KitPlan } from '../plan-schema.js';
import { DENIED_ACTIONS, exemptRoleArnPattern } from './deny-iam-users-scp.js';

/**
 * scp/README.md: how to attach the SCP, what it cannot cover (the management account), and the steps to
 * centralize root access and remove member-account root credentials where the scan found them.
 */
export function renderGuardrailsReadme(
  plan: KitPlan,
  snapshot: Snapshot,
  exemptRoles: readonly string[],
): string {
  const management = snapshot.organization.managementAccountId;
  const managementUsers = plan.people
    .flatMap((p) => p.iamUsers)
    .filter((u) => u.accountId === management)
    .map((u) => u.userName);
  const lines = [
    '# Guardrails',
    '',
    '## deny-iam-users.json (service control policy)',
    '',
    `Denies ${DENIED_ACTIONS.map((a) => `\`${a}\``).join(', ')} in every account it is attached to.`,
    exemptRoles.length > 0
      ? `Exempt (condition \`ArnNotLike\` on \`aws:PrincipalARN\`): ${exemptRoles.map((r) => `\`${exemptRoleArnPattern(r)}\``).join(', ')}.`
      : 'No role is exempt (`--scp-exempt-role NAME` adds one): nobody can create IAM users or keys where it is attached.',
    'Deleting keys, passwords and users stays allowed. Re-activating a key and creating a password are denied: they are the rollback of a cutover step, so attach the SCP only after the last wave’s deletion window (the runbook says when), once no rollback is left.',
    '',
    '```sh',
    'aws organizations create-policy --type SERVICE_CONTROL_POLICY --name deny-iam-users \\',
    '  --description "keysweep: no new IAM users or long-lived credentials" --content file://deny-iam-users.json',
    'aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>',
    '```',
    '',
    `**SCPs do not apply to the management account${management ? ` (${management})` : ''}.** Its IAM users and keys are not`,
    'blocked by this policy: keep IAM users out of it by process and review it with `keysweep scan`.' +
      (managementUsers.length > 0
        ? ` It has ${managementUsers.length} human IAM user(s) today: ${markdownInline(managementUsers.join(', '))}.`
        : ''),
    '',
    '## Centralized root access',
    '',
    ...centralizedRootSteps(snapshot),
  ];
  return `${lines.join('\n')}\n`;
}

function centralizedRootSteps(snapshot: Snapshot): string[] {
  const slice = snapshot.organization.centralizedRootAccess;
  const centralized = collectedData(slice);
  const enabled = centralized?.rootCredentialsManagement && centralized.rootSessions;
  const lines: string[] = [];
  if (enabled) lines.push('Centralized root access is already enabled for this organization.', '');
  else {
    lines.push(
      centralized
        ? 'Centralized root access is not (fully) enabled. From the management account:'
        : `Whether centralized root access is enabled was not collected (${slice.status}); if it is not, from the management account:`,
      '',
      '```sh',
      'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com',
      'aws iam enable-organizations-root-credentials-management',
      'aws iam enable-organizations-root-sessions',
      '```',
      '',
    );
  }
  lines.push(
    'Member accounts where the scan found root credentials (the management account keeps its own root user):',
    '',
  );
  let found = 0;
  for (const account of snapshot.accounts) {
    if (account.id === snapshot.organization.managementAccountId) continue;
    const root = collectedData(account.iam.root);
    if (!root) {
      if (account.access.status === 'ok')
        lines.push(
          `- ${markdownInline(account.name)} (${account.id}): root credentials were not collected — check by hand.`,
        );
      continue;
    }
    const credentials = rootCredentials(
      root,
      collectedData(account.iam.accountSummary),
      rootAuditFacts(collectedData(snapshot.organization.rootCredentialsAudit), account.id),
    );
    if (!credentials.any && !credentials.mfa) continue;
    found += 1;
    lines.push(
      `### ${markdownInline(account.name)} (${account.id}): ${describeRootCredentials(credentials)}`,
      '',
      '```sh',
      `${assumeRootCommand(account.id)}  # export the returned credentials, then:`,
      ...(credentials.password !== false ? ['aws iam delete-login-profile'] : []),
      ...(credentials.keys > 0
        ? [
            'aws iam list-access-keys  # root key ids are not in the credential report',
            'aws iam delete-access-key --access-key-id <id>',
          ]
        : []),
      ...(credentials.signingCertificates
        ? ['aws iam list-signing-certificates', 'aws iam delete-signing-certificate --certificate-id <id>']
        : []),
      ...(credentials.mfa
        ? ['aws iam list-mfa-devices', 'aws iam deactivate-mfa-device --serial-number <serial>']
        : []),
      '```',
      '',
    );
  }
  if (found === 0) lines.push('None found.');
  return lines;
}
