import { declaredAt, defineDriftRule } from './support/drift.js';

export default defineDriftRule({
  id: 'drift-permission-set-missing',
  title: 'Declared permission set that does not exist in Identity Center',
  messages: {
    missing:
      '{declaredIn} declares permission set {permissionSet}, which Identity Center does not have ' +
      '(declared: exists; live: none).',
  },
  severity: 'medium',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets'],
  rationale:
    'A permission set the code declares but Identity Center lacks was deleted by hand or never applied: every ' +
    'assignment that needs it is missing too, and the state file no longer describes the organization.',
  remediation: {
    console: [
      'Run the pipeline that applies the Identity Center code; terraform plan shows the set to create',
    ],
    cli: [
      'aws sso-admin create-permission-set --instance-arn <instance-arn> --name <name> --session-duration <PT8H>',
    ],
  },
  migration: 'Recreate the set from code, then re-apply its assignments; never recreate it by hand.',
  kind: 'permission-set-missing',
  finding(item, drift) {
    // The set does not exist: point at the instance, by name, whether the file gave an ARN or not.
    return {
      resourceArn: drift.instanceArn,
      subject: `permissionSet/${item.name}`,
      messageId: 'missing',
      data: { declaredIn: declaredAt(item.source), permissionSet: item.name },
      details: {
        permissionSet: item.name,
        declaredIn: declaredAt(item.source),
        declared: 'exists',
        live: '(none)',
      },
    };
  },
});
