import type { IamUser } from '../../inventory/iam-schema.js';
import { shellWord } from '../../io/text/shell-word.js';
import type { PlanPerson } from '../plan-schema.js';
import { deleteUserCommands, keyUnusedCheck } from './delete-user-commands.js';
import { literal, type RunbookNode } from './runbook-document.js';

export interface StepContext {
  accountId: string;
  deleteOn: string;
  days: number;
}

/**
 * One person's IAM user in one account: verification BY THE PERSON (their profile, their machine) with
 * what the operator checks, then deactivation, the deletion window, and the complete clean-up. Every step
 * has its check and its rollback.
 */
export function personSteps(
  person: PlanPerson,
  iamUser: PlanPerson['iamUsers'][number],
  user: IamUser,
  profile: string,
  context: StepContext,
): RunbookNode[] {
  const name = shellWord(user.userName);
  const who = literal(person.displayName ?? person.userName);
  const activeKeys = user.accessKeys.filter((k) => k.status === 'Active');
  let step = 0;
  const stepHeading = (text: string): RunbookNode => {
    step += 1;
    return { kind: 'heading', level: 4, text: `${step}. ${text}` };
  };
  const nodes: RunbookNode[] = [
    { kind: 'heading', level: 3, text: `${who}: IAM user ${literal(user.userName)}` },
    {
      kind: 'paragraph',
      text: `Matched by ${iamUser.method} (${iamUser.confidence}: ${literal(iamUser.evidence)}). Target: group ${literal(iamUser.targetGroup)}, permission set ${literal(iamUser.targetPermissionSet)}. Last used: ${iamUser.lastUsed ?? 'never'}.`,
    },
    stepHeading('The person signs in through Identity Center (on their machine, with their profile)'),
    {
      kind: 'paragraph',
      text: `Send ${who} these commands (their \`cli-profiles\` file in \`~/.aws/config\` first). They run them, not you: your shell has your credentials, not theirs.`,
    },
    {
      kind: 'code',
      lines: [
        `aws sso login --profile ${shellWord(profile)}`,
        `aws sts get-caller-identity --profile ${shellWord(profile)}`,
      ],
    },
    {
      kind: 'paragraph',
      text: `Check (operator): they send you the printed ARN, which must be \`arn:aws:sts::${context.accountId}:assumed-role/AWSReservedSSO_${literal(iamUser.targetPermissionSet)}_…/${literal(person.userName)}\`; CloudTrail in ${context.accountId} shows the session, and \`keysweep access\` shows the Identity Center path. Go on only then. Rollback: nothing changed yet.`,
    },
    {
      kind: 'code',
      lines: [
        `aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=${shellWord(person.userName)} --max-results 20 --query 'Events[].[EventTime,EventName]' --output text`,
        `keysweep collect --out after.json && keysweep access --snapshot after.json --person ${shellWord(person.userName)} --account ${context.accountId} --format md`,
      ],
    },
  ];
  if (activeKeys.length > 0) {
    nodes.push(
      stepHeading('Deactivate the access keys'),
      {
        kind: 'code',
        lines: activeKeys.map(
          (k) =>
            `aws iam update-access-key --user-name ${name} --access-key-id ${k.accessKeyId} --status Inactive`,
        ),
      },
      { kind: 'paragraph', text: 'Check: `aws iam list-access-keys` shows them Inactive. Rollback:' },
      {
        kind: 'code',
        lines: activeKeys.map(
          (k) =>
            `aws iam update-access-key --user-name ${name} --access-key-id ${k.accessKeyId} --status Active`,
        ),
      },
    );
  }
  if (user.passwordEnabled) {
    nodes.push(
      stepHeading('Delete the console password'),
      { kind: 'code', lines: [`aws iam delete-login-profile --user-name ${name}`] },
      {
        kind: 'paragraph',
        text: 'Check: `aws iam get-login-profile` answers NoSuchEntity. Rollback (a temporary password given out of band; the SCP is attached only after the deletion window, so this stays possible):',
      },
      {
        kind: 'code',
        lines: [
          `aws iam create-login-profile --user-name ${name} --password-reset-required --password '<temporary password>'`,
        ],
      },
    );
  }
  nodes.push(
    stepHeading(`Delete the IAM user after ${context.days} days (on or after ${context.deleteOn})`),
    ...(user.accessKeys.length > 0
      ? [
          {
            kind: 'paragraph',
            text: 'First check every deactivated key stayed unused: each must print a date before the day you deactivated it (or None). A later date: stop, find what used it, reactivate if needed.',
          } as RunbookNode,
          { kind: 'code', lines: user.accessKeys.map((k) => keyUnusedCheck(k.accessKeyId)) } as RunbookNode,
        ]
      : []),
    { kind: 'code', lines: deleteUserCommands(user) },
    {
      kind: 'paragraph',
      text: `Check: \`aws iam get-user --user-name ${literal(user.userName)}\` answers NoSuchEntity. Rollback: none, deletion is final; until ${context.deleteOn} every step above can be undone. plan.json keeps what the user had.`,
    },
  );
  return nodes;
}
