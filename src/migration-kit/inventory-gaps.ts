import type { Slice } from '../inventory/collection.js';
import { describeGap, isCollected } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import type { PlanGap } from './plan-schema.js';

function why(slice: Slice<unknown>): string | null {
  return describeGap(slice, {
    failed: (error) => `${error.code}: ${error.message}`,
    notCollected: (reason) => reason,
  });
}

/**
 * Every input the plan needed but did not get, with what that means for the plan: the kit never turns a
 * gap into a confident target, it says here (and in the files it affects) what it could not know.
 */
export function inventoryGaps(snapshot: Snapshot): PlanGap[] {
  const gaps: PlanGap[] = [];
  const ic = snapshot.identityCenter;
  const org = (slice: string, s: Slice<unknown>, effect: string) => {
    const reason = why(s);
    if (reason !== null) gaps.push({ scope: 'organization', accountId: null, slice, reason, effect });
  };
  org(
    'sso.instance',
    ic.instance,
    'Identity Center instance unknown: no import blocks, instance looked up by Terraform',
  );
  org(
    'sso.permissionSets',
    ic.permissionSets,
    'existing permission sets unknown: every permission set is proposed as new; check for duplicates before applying',
  );
  org(
    'sso.assignments',
    ic.assignments,
    'existing account assignments unknown: every assignment is proposed as new',
  );
  org(
    'sso.identityStore',
    ic.identityStore,
    'identity store users and groups unknown: people are matched only by mapping file and e-mail tag, groups proposed as new',
  );
  org(
    'org.centralizedRootAccess',
    snapshot.organization.centralizedRootAccess,
    'whether centralized root access is enabled is unknown: its enabling steps are listed anyway',
  );
  for (const account of snapshot.accounts) {
    const acc = (slice: string, s: Slice<unknown>, effect: string) => {
      const reason = why(s);
      if (reason !== null) gaps.push({ scope: 'account', accountId: account.id, slice, reason, effect });
    };
    acc('iam.users', account.iam.users, 'IAM users unknown: nobody in this account is planned');
    if (!isCollected(account.iam.users)) continue;
    acc(
      'iam.groups',
      account.iam.groups,
      'IAM groups unknown: permissions from groups are missing from the proposals (narrower, never broader)',
    );
    acc(
      'iam.policies',
      account.iam.policies,
      'customer managed policies unknown: their documents cannot be checked or recreated',
    );
    acc(
      'iam.root',
      account.iam.root,
      'root credentials unknown: root clean-up steps are not listed for this account',
    );
  }
  return gaps;
}
