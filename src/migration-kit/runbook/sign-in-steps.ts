import { shellWord } from '../../io/text/shell-word.js';
import type { KitPlan } from '../plan-schema.js';
import { literal, type RunbookNode } from './runbook-document.js';

/**
 * How the people the kit creates can sign in at all. Users created through the identity store API (the
 * kit's `aws_identitystore_user`) have no password and get no invitation: the operator gives each one a
 * one-time password or a reset e-mail. With an external IdP the users and groups come from the IdP by
 * SCIM, so they are created there and checked to have arrived before anything is assigned to them.
 */
export function signInSteps(plan: KitPlan): RunbookNode[] {
  const created = plan.people.filter(
    (p) => p.source === 'proposed' && p.iamUsers.some((u) => u.confidence !== 'low'),
  );
  const store = plan.identityCenter.identityStoreId ?? '<identity-store-id>';
  if (plan.identityCenter.idp === 'external') {
    const groups = plan.groups.map((g) => g.displayName);
    return [
      { kind: 'heading', level: 3, text: 'External identity provider: users and groups come by SCIM' },
      {
        kind: 'list',
        items: [
          `In your IdP, create (or find) the groups ${groups.map((g) => `\`${literal(g)}\``).join(', ') || '(none)'} and put each person in the groups people.csv gives them; assign the groups to the AWS IAM Identity Center application.`,
          'Wait for the next SCIM provisioning cycle (or start one from the IdP), then check that every group and user arrived before applying `identity-center/` (its data sources fail on a missing group, which is the point).',
        ],
      },
      {
        kind: 'code',
        lines: [
          ...groups.map(
            (g) =>
              `aws identitystore get-group-id --identity-store-id ${shellWord(store)} --alternate-identifier ${shellWord(JSON.stringify({ UniqueAttribute: { AttributePath: 'displayName', AttributeValue: g } }))}`,
          ),
          ...plan.people
            .filter((p) => p.source !== 'unresolved')
            .map(
              (p) =>
                `aws identitystore get-user-id --identity-store-id ${shellWord(store)} --alternate-identifier ${shellWord(JSON.stringify({ UniqueAttribute: { AttributePath: 'userName', AttributeValue: p.userName } }))}`,
            ),
        ],
      },
      { kind: 'paragraph', text: 'Check: every command prints an id. Rollback: nothing was assigned yet.' },
    ];
  }
  return [
    { kind: 'heading', level: 3, text: 'Sign-in for the users the kit creates' },
    {
      kind: 'paragraph',
      text: `${created.length} user(s) are created by \`identity-center/users.tf\` through the identity store API: they have no password and receive no invitation. After \`terraform apply\`, give each a way in, either:`,
    },
    {
      kind: 'list',
      items: [
        'IAM Identity Center console → Users → the user → Reset password → "Generate a one-time password", and hand it over out of band (never in the same channel as the user name); they set their own at first sign-in; or',
        'the same page → "Send an email to the user with instructions to reset the password"; or, for all users created from the API, Settings → Authentication → Standard authentication → "Send email OTP for users created from API" (check that the setting is on before relying on it).',
        'MFA: Settings → Authentication → Multi-factor authentication: require it at sign-in, so the first sign-in also registers a device.',
      ],
    },
    {
      kind: 'paragraph',
      text: `Check: the user appears with a verified e-mail in the console; the person confirms they reached the access portal. Users: ${created.map((p) => `\`${literal(p.userName)}\``).join(', ') || 'none'}.`,
    },
  ];
}
