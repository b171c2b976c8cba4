import { effectivePolicies } from '../knowledge/effective-policies.js';
import { isAdminEquivalent } from '../knowledge/policy/admin-equivalent.js';
import { memberOf } from '../knowledge/policy/member-of.js';
import { servicesUsed } from '../knowledge/services-used.js';
import { chooseWorkloadReplacement } from '../knowledge/workload-replacement.js';
import type { UserContext } from './permission-set-plan.js';
import type { PlanWorkload } from './plan-schema.js';

/** Replacement role for one workload IAM user: the planner's choice, with the user's permissions and use. */
export function planWorkload(
  context: UserContext,
  classificationEvidence: string[],
  adminPolicyArns: readonly string[],
): PlanWorkload {
  const { user, groups, policies } = context;
  const choice = chooseWorkloadReplacement(user);
  const effective = effectivePolicies(user, groups, policies);
  const inline = [
    ...user.inlinePolicies.map((p) => ({ name: p.policyName, document: p.document })),
    ...memberOf(user, groups).flatMap((g) =>
      g.inlinePolicies.map((p) => ({ name: `${g.groupName}-${p.policyName}`, document: p.document })),
    ),
  ];
  const customerDocs = policies.filter(
    (p) => !p.awsManaged && effective.customerManaged.includes(p.policyName),
  );
  return {
    arn: user.arn,
    accountId: context.accountId,
    userName: user.userName,
    replacement: choice.replacement,
    ciProvider: choice.replacement === 'oidc-federation' ? ciProviderOf(user.userName) : null,
    roleName: `${user.userName}-role`.slice(0, 64),
    evidence: [...new Set([...classificationEvidence, ...choice.evidence])],
    servicesLastUsed: servicesUsed(user).sort((a, b) => a.service.localeCompare(b.service)),
    awsManagedPolicies: effective.awsManaged,
    customerManagedPolicies: effective.customerManaged,
    inlinePolicies: inline,
    policiesComplete: context.policiesComplete,
    grantsFullAdmin: isAdminEquivalent(
      {
        managedPolicyArns: effective.awsManaged,
        documents: [...inline.map((p) => p.document), ...customerDocs.map((p) => p.document)],
      },
      adminPolicyArns,
    ),
    // Filled from the account's roles and identity providers by withExistingWorkloadObjects.
    roleExists: null,
    oidcProvider: null,
  };
}

function ciProviderOf(userName: string): PlanWorkload['ciProvider'] {
  if (/github/i.test(userName)) return 'github';
  if (/gitlab/i.test(userName)) return 'gitlab';
  return 'other';
}
