import { z } from 'zod';
import { itemsOf } from '../../knowledge/drift/drift-items.js';
import { defineRule } from '../define-rule.js';
import { DRIFT_REFERENCES } from './support/drift.js';

export default defineRule({
  id: 'drift-permission-set-not-declared',
  title: 'Permission set live in Identity Center but not in the declared state',
  severity: 'medium',
  scope: 'organization',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets'],
  input: 'desired-state',
  options: z.object({}),
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
  references: DRIFT_REFERENCES,
  evaluate({ drift, fail }) {
    for (const item of itemsOf(drift(), 'permission-set-not-declared')) {
      fail(item.arn, {
        message: `Permission set ${item.name} exists in Identity Center, but no desired-state file declares it (declared: none; live: exists).`,
        details: { permissionSet: item.name, declared: '(none)', live: 'exists' },
      });
    }
  },
});
