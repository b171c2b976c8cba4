import { describe, expect, it } from 'vitest';
import { anIdentityCenter, aSnapshot } from '../../fixtures/builders/index.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { notCollected } from '../../src/inventory/collection.js';
import { buildIdentitySourceStats } from '../../src/report/model/identity-source-stats.js';
import { scimGroup, scimUser } from '../rules/support/scim-directory.js';

const withStore = (users: ReturnType<typeof scimUser>[], groups: ReturnType<typeof scimGroup>[] = []) =>
  aSnapshot({ identityCenter: anIdentityCenter({ identityStore: { users, groups, memberships: [] } }) });

describe('report inventory: the identity source as far as ExternalIds show it', () => {
  it('the demo: fed by Okta, with the hand-made principals counted apart', async () => {
    expect(buildIdentitySourceStats(await loadDemoSnapshot())).toMatchObject({
      feed: 'external',
      issuers: [{ issuer: 'https://keysweep-demo.okta.com', users: 11, groups: 5 }],
      users: 12,
      usersWithExternalIds: 11,
      groups: 6,
      groupsWithExternalIds: 5,
      notReadable: expect.stringContaining('not readable'),
    });
  });

  it('ExternalIds not collected: feed unknown and the counts null, never 0', () => {
    expect(buildIdentitySourceStats(withStore([scimUser('a', null)], [scimGroup('g', null)]))).toMatchObject({
      feed: 'unknown',
      issuers: [],
      users: 1,
      usersWithExternalIds: null,
      groupsWithExternalIds: null,
    });
  });

  it('no principal carries ExternalIds: "no-external-ids", not "Identity Center directory" (cannot tell)', () => {
    expect(buildIdentitySourceStats(withStore([scimUser('a', 'local')]))).toMatchObject({
      feed: 'no-external-ids',
      usersWithExternalIds: 0,
    });
  });

  it('no identity store collected: nothing to say', () => {
    const snapshot = withStore([]);
    snapshot.identityCenter.identityStore = notCollected('no instance');
    expect(buildIdentitySourceStats(snapshot)).toBeUndefined();
  });
});
