import { assignmentSubject, defineDriftRule, principalLabel } from './support/drift.js';

export default defineDriftRule({
  id: 'drift-assignment-not-declared',
  title: 'Account assignment live in Identity Center but not in the declared state',
  messages: {
    notDeclared:
      'Permission set {permissionSet} is assigned to {principal} on account {accountId}, but no desired-state ' +
      'file declares it (declared: none; live: assigned).',
  },
  severity: 'high',
  resourceType: 'AWS::SSO::Assignment',
  // The identity store names the principal, and resolves the names YAML files declare: without it a declared
  // assignment could not be matched and would read as hand-made.
  requires: ['sso.permissionSets', 'sso.assignments', 'sso.identityStore'],
  rationale:
    'An assignment nobody declared was made by hand in the console or CLI: access that no review saw and ' +
    'that the next apply of the code may or may not remove. Hand-made grants are how temporary access becomes permanent.',
  remediation: {
    console: [
      'Declare the assignment in the code that manages Identity Center, or remove it: IAM Identity Center → AWS accounts → the account → the principal → Remove access',
    ],
    cli: [
      'aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type <USER|GROUP> --principal-id <principal-id>',
    ],
  },
  migration:
    'Make the code the only way access is granted: deny sso:CreateAccountAssignment outside the pipeline role with an SCP.',
  kind: 'assignment-not-declared',
  finding(item) {
    return {
      resourceArn: item.permissionSetArn ?? '',
      subject: assignmentSubject(item),
      accountId: item.accountId,
      messageId: 'notDeclared',
      data: {
        permissionSet: item.permissionSetName,
        principal: principalLabel(item),
        accountId: item.accountId,
      },
      details: {
        permissionSet: item.permissionSetName,
        principalType: item.principalType,
        principalId: item.principalId,
        principalName: item.principalName,
        declared: '(none)',
        live: 'assigned',
      },
    };
  },
});
