import { describe, expect, it } from 'vitest';
import { aManagedPolicy, aPermissionSet } from '../../../fixtures/builders/index.js';
import type { PolicyDocument } from '../../../src/inventory/policy-document.js';
import {
  ADMINISTRATOR_ACCESS_ARN,
  isAdminEquivalent,
  isAdminPermissionSet,
  policiesAreAdmin,
} from '../../../src/knowledge/policy/admin-equivalent.js';

const STAR: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const S3: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
};
const POWER_USER = 'arn:aws:iam::aws:policy/PowerUserAccess';

describe('administrator-equivalence, the one definition', () => {
  it('AdministratorAccess or a "*" on "*" document, by default', () => {
    expect(isAdminEquivalent({ managedPolicyArns: [ADMINISTRATOR_ACCESS_ARN], documents: [] })).toBe(true);
    expect(isAdminEquivalent({ managedPolicyArns: [], documents: [null, STAR] })).toBe(true);
    expect(isAdminEquivalent({ managedPolicyArns: [POWER_USER], documents: [S3, null] })).toBe(false);
  });

  it('follows configured administrator policies instead of AdministratorAccess', () => {
    const held = { managedPolicyArns: [POWER_USER], documents: [] };
    expect(isAdminEquivalent(held, [POWER_USER])).toBe(true);
    expect(
      isAdminEquivalent({ managedPolicyArns: [ADMINISTRATOR_ACCESS_ARN], documents: [] }, [POWER_USER]),
    ).toBe(false);
  });

  it('a permission set: its managed policies and its inline policy', () => {
    expect(isAdminPermissionSet(aPermissionSet())).toBe(false);
    expect(isAdminPermissionSet(aPermissionSet({ inlinePolicy: STAR }))).toBe(true);
    const admin = aPermissionSet({
      managedPolicies: [{ arn: ADMINISTRATOR_ACCESS_ARN, name: 'AdministratorAccess' }],
    });
    expect(isAdminPermissionSet(admin)).toBe(true);
    expect(isAdminPermissionSet(admin, [POWER_USER])).toBe(false);
  });

  it('an IAM principal: unknown (null) when a customer managed document was not collected, never "not admin"', () => {
    const customer = aManagedPolicy({ policyName: 'Everything', document: STAR });
    const attached = [{ policyName: 'Everything', policyArn: customer.arn }];
    expect(policiesAreAdmin(attached, [], [customer])).toBe(true);
    expect(policiesAreAdmin(attached, [], null)).toBeNull();
    expect(policiesAreAdmin(attached, [], [aManagedPolicy({ policyName: 'Everything', document: S3 })])).toBe(
      false,
    );
    expect(policiesAreAdmin([], [{ policyName: 'inline', document: STAR }], null)).toBe(true);
    expect(
      policiesAreAdmin(
        [{ policyName: 'AdministratorAccess', policyArn: ADMINISTRATOR_ACCESS_ARN }],
        [],
        null,
      ),
    ).toBe(true);
  });
});
