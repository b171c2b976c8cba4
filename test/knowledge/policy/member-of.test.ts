import { describe, expect, it } from 'vitest';
import { aGroup, aUser } from '../../../fixtures/builders/index.js';
import { memberOf } from '../../../src/knowledge/policy/member-of.js';

describe('memberOf', () => {
  it("the account's groups the user names, in the account's order, a missing group left out", () => {
    const groups = [
      aGroup({ groupName: 'admins' }),
      aGroup({ groupName: 'developers' }),
      aGroup({ groupName: 'ops' }),
    ];
    const user = aUser({ groups: ['ops', 'gone', 'admins', 'ops'] });
    expect(memberOf(user, groups).map((g) => g.groupName)).toEqual(['admins', 'ops']);
    expect(memberOf(aUser(), groups)).toEqual([]);
  });
});
