import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aUser } from '../../fixtures/builders/index.js';
import type { IdentityStore } from '../../src/inventory/identity-center-schema.js';
import { InputError } from '../../src/io/input-error.js';
import { loadIdentityMap } from '../../src/migration-kit/people/identity-map.js';
import { resolvePeople } from '../../src/migration-kit/people/resolve-people.js';

const STORE: IdentityStore = {
  users: [
    {
      userId: 'u-grace',
      userName: 'grace@example.com',
      displayName: 'Grace Hopper',
      emails: ['grace@example.com'],
    },
    { userId: 'u-alan', userName: 'aturing', displayName: 'Alan Turing', emails: ['alan@example.com'] },
    { userId: 'u-ann', userName: 'ann', displayName: 'Ann Lee', emails: ['ann@example.com'] },
    { userId: 'u-amy', userName: 'amy', displayName: 'Amy Lee', emails: ['amy@example.com'] },
  ],
  groups: [],
  memberships: [],
};

const at = (accountId: string, userName: string, tags: Record<string, string> = {}) => ({
  accountId,
  user: aUser({ accountId, userName, tags }),
});

function resolve(users: ReturnType<typeof at>[], store: IdentityStore | null = STORE, map = new Map()) {
  return resolvePeople({ users, identityStore: store, identityMap: map, emailTag: 'email' });
}

describe('people resolution', () => {
  it('matches each method with its confidence and consolidates one person across accounts', () => {
    const people = resolve([
      at('111111111111', 'grace.hopper'),
      at('222222222222', 'gh', { Email: 'grace@example.com' }),
      at('333333333333', 'ghopper'),
      at('444444444444', 'aturing'),
    ]);
    expect(people.map((p) => p.id)).toEqual(['aturing', 'grace@example.com']);
    const grace = people.find((p) => p.id === 'grace@example.com')!;
    expect(grace.source).toBe('identity-center');
    expect(grace.userId).toBe('u-grace');
    expect(grace.iamUsers.map((u) => [u.accountId, u.method, u.confidence])).toEqual([
      ['111111111111', 'name-convention', 'medium'],
      ['222222222222', 'email-tag', 'high'],
      ['333333333333', 'name-convention', 'low'],
    ]);
    expect(grace.confidence).toBe('low');
    expect(people.find((p) => p.id === 'aturing')!.iamUsers[0]!.method).toBe('identity-store-user-name');
  });

  it('proposes a new user from an e-mail tag and joins the same IAM user name in another account', () => {
    const people = resolve([
      at('111111111111', 'mike.ross', { email: 'mike@example.com' }),
      at('222222222222', 'mike.ross'),
    ]);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      id: 'mike@example.com',
      source: 'proposed',
      email: 'mike@example.com',
    });
    expect(people[0]!.iamUsers.map((u) => u.method)).toEqual(['email-tag', 'same-user-name']);
  });

  it('leaves users it cannot match unresolved, and never picks one of two candidates', () => {
    // "alee" fits both Ann Lee and Amy Lee: a guess, so no match.
    const people = resolve([at('111111111111', 'alee'), at('111111111111', 'zed.unknown')]);
    expect(people.map((p) => [p.id, p.source, p.confidence])).toEqual([
      ['unresolved:alee', 'unresolved', 'none'],
      ['unresolved:zed.unknown', 'unresolved', 'none'],
    ]);
  });

  it('does not match against an identity store that was not collected', () => {
    const people = resolve([at('111111111111', 'aturing')], null);
    expect(people[0]!.source).toBe('unresolved');
    expect(people[0]!.iamUsers[0]!.evidence).toMatch(/not collected/);
  });

  it('lets the identity map win over every other signal', () => {
    const map = new Map([
      [
        'arn:aws:iam::111111111111:user/aturing',
        { iamUserArn: 'arn:aws:iam::111111111111:user/aturing', email: 'grace@example.com' },
      ],
    ]);
    const people = resolve([at('111111111111', 'aturing')], STORE, map);
    expect(people[0]).toMatchObject({ id: 'grace@example.com', userId: 'u-grace' });
    expect(people[0]!.iamUsers[0]!.method).toBe('identity-map');
  });
});

describe('--identity-map file', () => {
  async function file(name: string, content: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-map-'));
    await writeFile(join(dir, name), content);
    return join(dir, name);
  }

  it('reads CSV and YAML', async () => {
    const csv = await file(
      'map.csv',
      'iam_user_arn,email,user_name\narn:aws:iam::111111111111:user/x,x@example.com,\n',
    );
    expect([...(await loadIdentityMap(csv)).values()]).toEqual([
      { iamUserArn: 'arn:aws:iam::111111111111:user/x', email: 'x@example.com' },
    ]);
    const yaml = await file(
      'map.yaml',
      'mappings:\n  - iamUserArn: arn:aws:iam::111111111111:user/y\n    userName: yy\n',
    );
    expect((await loadIdentityMap(yaml)).get('arn:aws:iam::111111111111:user/y')?.userName).toBe('yy');
  });

  it('names the file and field of a bad entry', async () => {
    const bad = await file('map.yaml', 'mappings:\n  - iamUserArn: not-an-arn\n    email: x@example.com\n');
    await expect(loadIdentityMap(bad)).rejects.toThrow(
      /map\.yaml: mappings\.0\.iamUserArn: must be an IAM user ARN/,
    );
    const column = await file('map.csv', 'arn,email\na,b\n');
    await expect(loadIdentityMap(column)).rejects.toThrow(InputError);
    const twice = await file(
      'twice.csv',
      'iam_user_arn,email\narn:aws:iam::111111111111:user/x,a@example.com\narn:aws:iam::111111111111:user/x,b@example.com\n',
    );
    await expect(loadIdentityMap(twice)).rejects.toThrow(/mapped twice/);
  });
});
