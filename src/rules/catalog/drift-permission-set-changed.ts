import type { Severity } from '../../findings/severity.js';
import type { PermissionSetField } from '../../knowledge/drift/drift-items.js';
import { declaredAt, defineDriftRule } from './support/drift.js';

const FIELD_NAMES: Record<PermissionSetField, string> = {
  description: 'description',
  sessionDuration: 'session duration',
  managedPolicies: 'AWS managed policies',
  customerManagedPolicies: 'customer managed policies',
  inlinePolicy: 'inline policy',
  permissionsBoundary: 'permissions boundary',
};

// What a field grants decides how bad an edit outside code is; a description changes no access.
const FIELD_SEVERITY: Record<PermissionSetField, Severity> = {
  description: 'low',
  sessionDuration: 'medium',
  managedPolicies: 'high',
  customerManagedPolicies: 'high',
  inlinePolicy: 'high',
  permissionsBoundary: 'high',
};

export default defineDriftRule({
  id: 'drift-permission-set-changed',
  title:
    'Permission set edited outside code: policies, boundary or session duration differ from the declared state',
  messages: {
    fieldDiffers:
      'Permission set {permissionSet}: {field} differs from {declaredIn} (declared: {declared}; live: {live}).',
  },
  severity: 'high',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets'],
  rationale:
    'A permission set whose policies, boundary or session differ from the code was edited by hand: the access ' +
    'people get is not the access that was reviewed. Inline policies are compared as documents (statement order ' +
    'and one-item lists do not count as differences), so only real changes are reported.',
  remediation: {
    console: ['Re-apply the code (terraform apply), or bring the change into the code and review it'],
    cli: [
      'aws sso-admin describe-permission-set --instance-arn <instance-arn> --permission-set-arn <ps-arn>',
    ],
  },
  migration:
    'Deny sso:Put*/Attach*/Update* on permission sets outside the pipeline role, so edits go through review.',
  kind: 'permission-set-changed',
  finding(item) {
    return {
      resourceArn: item.arn,
      subject: item.field,
      messages: {
        fieldDiffers:
          'Permission set {permissionSet}: {field} differs from {declaredIn} (declared: {declared}; live: {live}).',
      },
      severity: FIELD_SEVERITY[item.field],
      messageId: 'fieldDiffers',
      data: {
        permissionSet: item.name,
        field: FIELD_NAMES[item.field],
        declaredIn: declaredAt(item.source),
        declared: item.declared,
        live: item.live,
      },
      details: {
        permissionSet: item.name,
        field: item.field,
        declared: item.declared,
        live: item.live,
        declaredIn: declaredAt(item.source),
      },
    };
  },
});
