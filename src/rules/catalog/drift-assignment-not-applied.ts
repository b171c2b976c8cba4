import { assignmentSubject, declaredAt, defineDriftRule, principalLabel } from './support/drift.js';

export default defineDriftRule({
  id: 'drift-assignment-not-applied',
  title: 'Declared account assignment that is not live in Identity Center',
  messages: {
    notApplied:
      '{declaredIn} assigns {permissionSet} to {principal} on account {accountId}, but Identity Center does not ' +
      'have it (declared: assigned; live: none).',
    notAppliedOutsideOrganization:
      '{declaredIn} assigns {permissionSet} to {principal} on account {accountId}, which is not in the ' +
      'organization, but Identity Center does not have it (declared: assigned; live: none).',
  },
  severity: 'medium',
  resourceType: 'AWS::SSO::Assignment',
  requires: ['sso.permissionSets', 'sso.assignments'],
  rationale:
    'An assignment the code declares but Identity Center does not have was never applied, or was removed by hand. ' +
    'Either the code no longer describes reality, or someone lost access the team believes they have.',
  remediation: {
    console: [
      'Run the pipeline that applies the Identity Center code (terraform plan shows the missing assignment)',
    ],
    cli: [
      'aws sso-admin create-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type <USER|GROUP> --principal-id <principal-id>',
    ],
  },
  migration:
    'Apply the code on every merge, so the declared state and Identity Center never stay apart for long.',
  kind: 'assignment-not-applied',
  finding(item, drift) {
    return {
      resourceArn: item.permissionSetArn ?? drift.instanceArn,
      subject: assignmentSubject(item),
      accountId: item.accountId,
      messageId: item.accountInOrganization ? 'notApplied' : 'notAppliedOutsideOrganization',
      data: {
        declaredIn: declaredAt(item.source),
        permissionSet: item.permissionSetName,
        principal: principalLabel(item),
        accountId: item.accountId,
      },
      details: {
        permissionSet: item.permissionSetName,
        principalType: item.principalType,
        principalId: item.principalId,
        declaredIn: declaredAt(item.source),
        declared: 'assigned',
        live: '(none)',
      },
    };
  },
});
