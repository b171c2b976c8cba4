import { effectivePolicies } from '../advice/effective-policies.js';
import { chooseWorkloadReplacement } from '../advice/workload-replacement.js';
import { grantsFullAdmin } from '../rules/catalog/support/policy-wildcards.js';
import type { UserContext } from './permission-set-plan.js';
import type { PlanWorkload } from './plan-schema.js';

/** Replacement role for one workload IAM user: the planner's choice, with the user's permissions and use. */
export function planWorkload(context: UserContext, classificationEvidence: string[]): PlanWorkload {
  const { user, groups, policies } = context;
  const choice = chooseWorkloadReplacement(user);
  const effective = effectivePolicies(user, groups, policies);
  const memberOf = groups.filter((g) => user.groups.includes(g.groupName));
  const inline = [
    ...user.inlinePolicies.map((p) => ({ name: p.policyName, document: p.document })),
    ...memberOf.flatMap((g) =>
      g.inlinePolicies.map((p) => ({ name: `${g.groupName}-${p.policyName}`, document: p.document })),
    ),
  ];
  const customerDocs = policies.filter(
    (p) => !p.awsManaged && effective.customerManaged.includes(p.policyName),
  );
  const services = new Map<string, { service: string; lastUsed: string | null; region: string | null }>();
  for (const key of user.accessKeys) {
    if (!key.lastUsedService || key.lastUsedService === 'N/A') continue;
    const seen = services.get(key.lastUsedService);
    if (!seen || (key.lastUsedDate ?? '') > (seen.lastUsed ?? ''))
      services.set(key.lastUsedService, {
        service: key.lastUsedService,
        lastUsed: key.lastUsedDate,
        region: key.lastUsedRegion,
      });
  }
  return {
    arn: user.arn,
    accountId: context.accountId,
    userName: user.userName,
    replacement: choice.replacement,
    ciProvider: choice.replacement === 'oidc-federation' ? ciProviderOf(user.userName) : null,
    roleName: `${user.userName}-role`.slice(0, 64),
    evidence: [...new Set([...classificationEvidence, ...choice.evidence])],
    servicesLastUsed: [...services.values()].sort((a, b) => a.service.localeCompare(b.service)),
    awsManagedPolicies: effective.awsManaged,
    customerManagedPolicies: effective.customerManaged,
    inlinePolicies: inline,
    policiesComplete: context.policiesComplete,
    grantsFullAdmin:
      effective.awsManaged.includes('arn:aws:iam::aws:policy/AdministratorAccess') ||
      inline.some((p) => grantsFullAdmin(p.document)) ||
      customerDocs.some((p) => grantsFullAdmin(p.document)),
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
