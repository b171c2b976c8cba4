import { describe, expect, it } from 'vitest';
import type { HumanMigrationTarget } from '../../src/knowledge/migration-planner.js';
import {
  humanMigrationAdvice,
  humanMigrationSteps,
  humanMigrationStepsInOrder,
} from '../../src/knowledge/user-migration-advice.js';

const target: HumanMigrationTarget = {
  accountId: '111111111111',
  userArn: 'arn:aws:iam::111111111111:user/jane',
  userName: 'jane',
  targetGroup: 'developers',
  groupExists: false,
  targetPermissionSet: 'ReadOnly',
  permissionSetExists: true,
  policies: {
    awsManaged: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    customerManaged: [],
    inline: [],
    key: 'ReadOnlyAccess',
  },
  policiesComplete: true,
  evidence: ['named like a person'],
};

describe('the steps of moving a person to Identity Center, by name', () => {
  it('are the advice steps in the order prepare, move, clean up', () => {
    const parts = humanMigrationSteps(target);
    expect(humanMigrationAdvice(target).steps).toEqual(humanMigrationStepsInOrder(parts));
    expect(parts.prepare).toEqual([
      'Create the Identity Center group developers and add the person to it',
      'Reuse the permission set ReadOnly',
    ]);
    expect(parts.move[0]).toBe('Assign developers with ReadOnly to account 111111111111');
    expect(parts.cleanUp).toEqual([
      "Then delete the IAM user's console password, access keys and MFA devices, and the user: aws iam delete-login-profile --user-name jane",
    ]);
  });
});
