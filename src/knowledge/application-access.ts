import type { IdentityCenterApplication } from '../inventory/identity-center-applications-schema.js';
import type { IdentityStore } from '../inventory/identity-center-schema.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { collectedData, defineDerivation, sliceGap } from './derivation.js';
import { runDerivation } from './derivation-runner.js';
import { identityStoreReach } from './identity-store-reach.js';

/** One person's access to one Identity Center application, group assignments expanded to members. */
export interface ApplicationGrant {
  applicationArn: string;
  applicationName: string;
  userId: string;
  userName: string;
  /** The group the access comes through; null for a direct user assignment. */
  groupName: string | null;
}

/** What is known of who can use one application. */
export interface ApplicationReach {
  application: IdentityCenterApplication;
  /** Assigned people (groups expanded); null when the assignments were not read. */
  grants: ApplicationGrant[] | null;
  /**
   * Assignment is not required: every user of the directory can use the application, assigned or not.
   * null: unknown (the configuration was not read).
   */
  openToEveryone: boolean | null;
}

export type ApplicationAccess =
  | { known: true; applications: ApplicationReach[]; directoryUsers: number }
  | { known: false; gap: string };

export function expandApplicationAssignments(
  application: IdentityCenterApplication,
  store: IdentityStore,
): ApplicationGrant[] | null {
  if (application.assignments === null) return null;
  const reach = identityStoreReach(store);
  const base = { applicationArn: application.applicationArn, applicationName: application.name };
  const grants: ApplicationGrant[] = [];
  for (const assignment of application.assignments)
    for (const user of reach(assignment)) grants.push({ ...base, ...user });
  return grants;
}

/**
 * Who can use each Identity Center application (an application assignment is access too). Unknown, with
 * the gap, when the applications or the identity store were not collected.
 */
export const APPLICATION_ACCESS = defineDerivation({
  id: 'identity-center-application-access',
  reads: ['sso.applications', 'sso.identityStore'],
  derive(input): ApplicationAccess {
    const applications = input.slice('sso.applications');
    const store = input.slice('sso.identityStore');
    const [apps, st] = [collectedData(applications), collectedData(store)];
    if (apps && st) {
      return {
        known: true,
        directoryUsers: st.users.length,
        applications: apps.map((application) => ({
          application,
          grants: expandApplicationAssignments(application, st),
          openToEveryone: application.assignmentRequired === null ? null : !application.assignmentRequired,
        })),
      };
    }
    const gaps = [sliceGap('sso.applications', applications), sliceGap('sso.identityStore', store)];
    return { known: false, gap: gaps.filter((gap): gap is string => gap !== null).join('; ') };
  },
});

/** The application access of a whole snapshot, outside a rule evaluation (access matrix, report). */
export function applicationAccess(snapshot: Snapshot): ApplicationAccess {
  return runDerivation(snapshot, APPLICATION_ACCESS);
}
