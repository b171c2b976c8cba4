import type { FixSteps } from './finding.js';

const ACCESS_KEY_ID = /^A[KS]IA[0-9A-Z]{8,}$/;

/** Values a finding knows for the rule's generic placeholders. */
function knownValues(resourceArn: string, subject: string, accountId: string): Record<string, string> {
  const values: Record<string, string> = {};
  // In Identity Center commands <account-id> is an assignment's target, not necessarily the finding's account.
  if (/^arn:[^:]+:iam::/.test(resourceArn)) values['<account-id>'] = accountId;
  // IAM names are the ARN's last path segment: arn:aws:iam::123456789012:user/path/name
  const match = /^arn:[^:]+:iam::\d{12}:(user|group)\/(?:.*\/)?([^/]+)$/.exec(resourceArn);
  if (match?.[1] === 'user') values['<user>'] = match[2]!;
  if (match?.[1] === 'group') values['<group>'] = match[2]!;
  // arn:aws:sso:::permissionSet/ssoins-…/ps-… names both the permission set and its instance.
  const permissionSet = /^arn:([^:]+):sso:::permissionSet\/(ssoins-[^/]+)\/ps-[^/]+$/.exec(resourceArn);
  if (permissionSet) {
    values['<ps-arn>'] = resourceArn;
    values['<instance-arn>'] = `arn:${permissionSet[1]}:sso:::instance/${permissionSet[2]}`;
  }
  if (ACCESS_KEY_ID.test(subject)) {
    for (const name of ['<key-id>', '<old-key-id>', '<access-key-id>']) values[name] = subject;
  }
  return values;
}

/**
 * The rule's generic fix steps with the placeholders the finding knows filled in (user name, key id,
 * account), so a reader can run them as they are; placeholders nobody knows (an MFA code) stay.
 */
export function fillFixSteps(
  steps: FixSteps,
  resourceArn: string,
  subject: string,
  accountId: string,
): FixSteps {
  const values = knownValues(resourceArn, subject, accountId);
  const fill = (line: string) =>
    line.replace(/<[a-z-]+>/g, (placeholder) => values[placeholder] ?? placeholder);
  return { console: steps.console, cli: steps.cli.map(fill) };
}
