import { defineDriftRule } from './support/drift.js';

export default defineDriftRule({
  id: 'drift-permission-set-not-declared',
  title: 'Permission set live in Identity Center but not in the declared state',
  messages: {
    notDeclared:
      'Permission set {permissionSet} exists in Identity Center, but no desired-state file declares it ' +
      '(declared: none; live: exists).',
  },
  severity: 'medium',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets'],
  rationale:
    'A permission set the code does not declare was created by hand: its policies were never reviewed, and ' +
    'nothing stops it from being assigned. With --desired-scope declared, sets the files do not mention are left alone.',
  remediation: {
    console: [
      'Import the set into the code (terraform import) or delete it: IAM Identity Center → Permission sets',
    ],
    cli: ['aws sso-admin delete-permission-set --instance-arn <instance-arn> --permission-set-arn <ps-arn>'],
  },
  migration:
    'Import hand-made sets into code before the migration, so every permission set has an owner and a review.',
  kind: 'permission-set-not-declared',
  finding(item) {
    return {
      resourceArn: item.arn,
      messageId: 'notDeclared',
      data: { permissionSet: item.name },
      details: { permissionSet: item.name, declared: '(none)', live: 'exists' },
    };
  },
});
