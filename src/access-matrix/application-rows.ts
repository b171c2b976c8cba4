import { isCollected } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { applicationAccess } from '../knowledge/application-access.js';
import type { AccessGap, AccessRow } from './access-matrix-schema.js';

/**
 * An Identity Center application assignment is access too: one row per person who can use an application
 * (groups expanded to members), marked as application access — `application` set, no account. An
 * application that does not require assignment gets one row for the whole directory. What is not known
 * (applications or the identity store not collected, one application's assignments not read) goes to
 * `unknown`, never a row that is not there.
 */
export function applicationRows(snapshot: Snapshot, unknown: AccessGap[]): AccessRow[] {
  const { instance } = snapshot.identityCenter;
  if (isCollected(instance) && instance.data === null) return [];
  const access = applicationAccess(snapshot);
  if (!access.known) {
    unknown.push({
      accountId: null,
      slice: 'sso.applications',
      reason: `application access unknown: ${access.gap}`,
    });
    return [];
  }
  const rows: AccessRow[] = [];
  for (const { application, grants, openToEveryone } of access.applications) {
    const base = {
      accountId: '',
      accountName: '',
      path: 'identity-center-application' as const,
      adminEquivalent: false,
      application: { arn: application.applicationArn, name: application.name },
    };
    const notRead = application.unread.join('; ');
    if (grants === null)
      unknown.push({
        accountId: null,
        slice: 'sso.applications',
        reason: `${application.name}: assignments not read (${notRead})`,
      });
    for (const grant of grants ?? []) {
      rows.push({
        ...base,
        principal: grant.userName,
        principalKind: 'person',
        via: grant.groupName ? `group ${grant.groupName}` : 'direct assignment',
        permission: 'application assignment',
      });
    }
    if (openToEveryone === null)
      unknown.push({
        accountId: null,
        slice: 'sso.applications',
        reason: `${application.name}: whether assignment is required was not read (${notRead})`,
      });
    if (openToEveryone === true)
      rows.push({
        ...base,
        principal: `every directory user (${access.directoryUsers})`,
        principalKind: 'person',
        via: 'assignment not required',
        permission: 'application access without assignment',
      });
  }
  return rows;
}
