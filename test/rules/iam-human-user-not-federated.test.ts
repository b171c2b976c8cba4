import { describe, expect, it } from 'vitest';
import {
  aGroup,
  anAccessKey,
  anIdentityCenter,
  aPermissionSet,
  aUser,
} from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-human-user-not-federated.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW, ruleTester } from '../support/rule-tester.js';
import { oneAccount, twoAccounts, USER_ARN } from './support/snapshots.js';

const readOnly = { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' };
const groups = [aGroup({ groupName: 'analysts', attachedPolicies: [readOnly] })];
const person = aUser({ userName: 'jane.doe', passwordEnabled: true, groups: ['analysts'] });

ruleTester(rule, {
  valid: [
    { name: 'single account: IAM users are acceptable', snapshot: oneAccount({ users: [person], groups }) },
    {
      name: 'workload user is not a person',
      snapshot: twoAccounts({ users: [aUser({ userName: 'deploy-bot', accessKeys: [anAccessKey()] })] }),
    },
  ],
  invalid: [
    {
      name: 'person with no permissions at all: delete, never an empty "NoPermissions" set',
      snapshot: twoAccounts({ users: [aUser({ userName: 'ex.employee', passwordEnabled: true })] }),
      findings: [
        {
          resourceArn: USER_ARN('ex.employee'),
          messageId: 'noPermissions',
          data: {
            userName: 'ex.employee',
            evidence: 'has a console password; name "ex.employee" looks like a person',
          },
        },
      ],
    },
    {
      name: 'person with a console password',
      snapshot: twoAccounts({ users: [person], groups }),
      findings: [
        {
          resourceArn: USER_ARN('jane.doe'),
          severity: 'medium',
          messageId: 'moveToCreate',
          data: {
            userName: 'jane.doe',
            evidence: 'has a console password; name "jane.doe" looks like a person',
            group: 'aws-analysts',
            permissionSet: 'Analysts',
          },
        },
      ],
    },
    {
      name: 'person-named user with keys only, matched to an existing permission set',
      snapshot: twoAccounts(
        {
          users: [
            aUser({ userName: 'john.smith', attachedPolicies: [readOnly], accessKeys: [anAccessKey()] }),
          ],
        },
        { identityCenter: anIdentityCenter({ permissionSets: [aPermissionSet({ name: 'ReadOnly' })] }) },
      ),
      findings: [
        {
          resourceArn: USER_ARN('john.smith'),
          messageId: 'moveToExisting',
          data: {
            userName: 'john.smith',
            evidence: 'name "john.smith" looks like a person',
            group: 'aws-read-only',
            permissionSet: 'ReadOnly',
          },
        },
      ],
    },
  ],
});

describe('iam-human-user-not-federated advice', () => {
  it('names the target group and permission set in advice.migration', () => {
    const result = evaluate(twoAccounts({ users: [person], groups }), { rules: [rule], now: FIXED_NOW });
    const migration = result.findings[0]!.advice.migration!;
    expect(migration).toMatchObject({
      kind: 'human-to-identity-center',
      targetGroup: 'aws-analysts',
      targetPermissionSet: 'Analysts',
      permissionSetExists: false,
    });
    expect(migration.steps!.join('\n')).toContain('ReadOnlyAccess');
  });
});
