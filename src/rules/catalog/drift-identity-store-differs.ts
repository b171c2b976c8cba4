import { declaredAt, defineDriftRule } from './support/drift.js';

const CHANGE_TEXT = {
  missing: 'is declared but not in the identity store',
  changed: 'differs from the declared state',
  'not-declared': 'is live but not declared',
  'not-live': 'is declared but not live',
} as const;

export default defineDriftRule({
  id: 'drift-identity-store-differs',
  title: 'Identity store groups, users or memberships differ from the declared state',
  messages: { differs: 'Identity store {what} {change} (declared: {declared}; live: {live}).' },
  severity: 'medium',
  resourceType: 'AWS::IdentityStore::Group',
  requires: ['sso.identityStore'],
  rationale:
    'When the code declares the directory, a group membership added by hand gives someone every account the group ' +
    'reaches, and a renamed or deleted group silently breaks assignments. Only what the files declare is compared.',
  remediation: {
    console: ['IAM Identity Center → Groups → the group: match the code, or change the code and review it'],
    cli: ['aws identitystore list-group-memberships --identity-store-id <store-id> --group-id <group-id>'],
  },
  migration: 'Manage membership in one place: the IdP (SCIM) or the code, never both.',
  kind: 'identity-store-differs',
  finding(item, drift) {
    const what = item.field ? `${item.object} ${item.label} ${item.field}` : `${item.object} ${item.label}`;
    return {
      resourceArn: drift.identityStoreArn,
      // Groups and users by name (what both Terraform and YAML know), memberships by live ids.
      subject: `${item.object}/${item.object === 'membership' ? item.id : item.label}${item.field ? `/${item.field}` : ''}`,
      resourceType: item.object === 'user' ? 'AWS::IdentityStore::User' : 'AWS::IdentityStore::Group',
      messageId: 'differs',
      data: { what, change: CHANGE_TEXT[item.change], declared: item.declared, live: item.live },
      details: {
        object: item.object,
        change: item.change,
        field: item.field,
        declared: item.declared,
        live: item.live,
        declaredIn: declaredAt(item.source),
      },
    };
  },
});
