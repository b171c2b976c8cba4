import { collectedData, describeGap } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { regionsSearchedText, WIDEN_INSTANCE_SEARCH } from '../../knowledge/account-instance-search.js';
import { literal, type RunbookNode } from './runbook-document.js';

/**
 * Account instances of IAM Identity Center (slice iam.identityCenterInstances, rule sso-account-instance):
 * a member account's own instance, with its own users and applications. The kit writes Terraform for the
 * organization instance only, so it never touches them; the runbook says so, lists the ones found, names the
 * accounts where nobody could look, and says what to do — always, so "none listed" is never read as "none".
 */
export function accountInstancesSection(snapshot: Snapshot): RunbookNode[] {
  const found: string[] = [];
  const unread: string[] = [];
  /** Accounts by where they were searched ("eu-west-1, us-east-1" → account labels). */
  const searchedIn = new Map<string, string[]>();
  for (const account of snapshot.accounts) {
    if (account.access.status === 'skipped') continue;
    const slice = account.iam.identityCenterInstances;
    const instances = collectedData(slice);
    if (instances === undefined) {
      const why = describeGap(slice, {
        failed: (error) => `${error.code}: ${error.message}`,
        notCollected: (reason) => reason,
      });
      unread.push(`${literal(account.name)} (${account.id}): not read — ${literal(why ?? '')}`);
      continue;
    }
    const searched = regionsSearchedText(instances);
    searchedIn.set(searched, [
      ...(searchedIn.get(searched) ?? []),
      `${literal(account.name)} (${account.id})`,
    ]);
    if (instances.instances.length === 0 && instances.regionsNotRead.length > 0)
      unread.push(`${literal(account.name)} (${account.id}): searched: ${literal(searched)}`);
    for (const instance of instances.instances) {
      const counted = [
        instance.users === null ? 'users not read' : `${instance.users} user(s)`,
        instance.applications === null ? 'applications not read' : `${instance.applications} application(s)`,
      ].join(', ');
      found.push(
        `${literal(account.name)} (${account.id}): \`${literal(instance.instanceArn)}\` in ${literal(instance.region)} — ${counted}`,
      );
    }
  }
  const nodes: RunbookNode[] = [
    { kind: 'heading', level: 2, text: 'Account instances of IAM Identity Center (not managed by this kit)' },
    {
      kind: 'paragraph',
      text:
        'This kit manages the organization instance only: its Terraform, assignments and checks never touch an account instance (one a member account created for itself), and cutting people over does not remove their sign-ins there. ' +
        (found.length === 0 && unread.length === 0
          ? 'No account instance was found in the scanned accounts, in the regions searched (below).'
          : `Found: ${found.length}; accounts not read: ${unread.length}.`),
    },
  ];
  if (found.length > 0) nodes.push({ kind: 'list', items: found });
  if (searchedIn.size > 0)
    nodes.push(
      {
        kind: 'paragraph',
        text: 'A member account can create its account instance in any enabled region; these regions were searched (an instance elsewhere was not looked for):',
      },
      {
        kind: 'list',
        items: [...searchedIn].map(
          ([searched, accounts]) =>
            `searched: ${literal(searched)} — ${accounts.length} account(s): ${accounts.join(', ')}`,
        ),
      },
      {
        kind: 'paragraph',
        text: `To widen the search, scan again with \`${WIDEN_INSTANCE_SEARCH} <r1,r2,…>\` naming every region enabled for the accounts (list them with \`aws account list-regions --region-opt-status-contains ENABLED ENABLED_BY_DEFAULT\` in each account).`,
      },
    );
  if (unread.length > 0)
    nodes.push(
      { kind: 'warning', text: 'Whether these accounts own an account instance is unknown:' },
      { kind: 'list', items: unread },
    );
  if (found.length > 0 || unread.length > 0)
    nodes.push({
      kind: 'list',
      items: [
        "With the member account's credentials, list what each instance serves: `aws sso-admin list-applications --instance-arn <account-instance-arn> --region <region>` and its users (`aws identitystore list-users --identity-store-id <store-id>`).",
        'Move its applications and their users to the organization instance (assign them there), then delete the account instance: `aws sso-admin delete-instance --instance-arn <account-instance-arn>`. Check: `aws sso-admin list-instances` in that account lists no instance it owns.',
        'Prevent new ones: an SCP denying `sso:CreateInstance` in member accounts.',
        'Rollback: none is needed for the kit; an account instance you deleted cannot be restored, so export its users and application settings first.',
      ],
    });
  return nodes;
}
