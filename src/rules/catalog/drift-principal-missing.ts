import { declaredAt, defineDriftRule } from './support/drift.js';

export default defineDriftRule({
  id: 'drift-principal-missing',
  title: 'Declared assignment to a user or group the identity store does not have',
  messages: {
    groupMissing:
      '{declaredIn} assigns access to group {principal}, which the identity store does not have ' +
      '({assignments} declared assignment(s); declared: exists; live: none).',
    userMissing:
      '{declaredIn} assigns access to user {principal}, which the identity store does not have ' +
      '({assignments} declared assignment(s); declared: exists; live: none).',
  },
  severity: 'medium',
  resourceType: 'AWS::IdentityStore::Group',
  requires: ['sso.identityStore'],
  rationale:
    'The code assigns access to a principal that no longer exists: a deleted user or group, or one an IdP sync ' +
    'renamed or re-created with a new id. The people who should have the access do not, and a re-created principal ' +
    'with the old name is not the one the code meant.',
  remediation: {
    console: [
      'IAM Identity Center → Users / Groups: find the principal under its new name, then fix the code',
    ],
    cli: [
      'aws identitystore list-groups --identity-store-id <store-id> --filters AttributePath=DisplayName,AttributeValue=<name>',
    ],
  },
  migration:
    'Reference principals by a data source looked up by name, so an IdP re-sync does not orphan the code.',
  kind: 'principal-missing',
  finding(item, drift) {
    const kindMessage = item.principalType === 'GROUP' ? 'groupMissing' : 'userMissing';
    // By name when any file gives one, so Terraform (ids) and YAML (names) fingerprint alike.
    const who = item.principalName ?? item.principalId ?? '';
    return {
      resourceArn: drift.identityStoreArn,
      subject: `${item.principalType}/${who}`,
      resourceType: item.principalType === 'GROUP' ? 'AWS::IdentityStore::Group' : 'AWS::IdentityStore::User',
      messageId: kindMessage,
      data: { declaredIn: declaredAt(item.source), principal: who, assignments: item.assignments },
      details: {
        principalType: item.principalType,
        principalId: item.principalId,
        principalName: item.principalName,
        assignments: item.assignments,
        declared: 'exists',
        live: '(none)',
      },
    };
  },
});
