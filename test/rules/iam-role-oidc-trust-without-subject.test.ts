import { describe, expect, it } from 'vitest';
import { anOidcProvider, aRole, aTrustPolicy } from '../../fixtures/builders/index.js';
import rule, { admitsAnySubject } from '../../src/rules/catalog/iam-role-oidc-trust-without-subject.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const GITHUB = 'token.actions.githubusercontent.com';
const provider = anOidcProvider(GITHUB);
const aud = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };
const githubRole = (roleName: string, condition?: Record<string, Record<string, string | string[]>>) =>
  aRole({
    roleName,
    trustPolicy: aTrustPolicy({ Federated: provider.arn }, 'sts:AssumeRoleWithWebIdentity', condition),
  });
const ROLE_ARN = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

ruleTester(rule, {
  valid: [
    {
      name: 'sub pinned to one repository and branch',
      snapshot: oneAccount({
        roles: [
          githubRole('deploy', {
            StringEquals: { ...aud, [`${GITHUB}:sub`]: 'repo:my-org/app:ref:refs/heads/main' },
          }),
        ],
      }),
    },
    {
      name: 'wildcard only after the owner (all repos of my-org)',
      snapshot: oneAccount({
        roles: [
          githubRole('deploy', { StringEquals: aud, StringLike: { [`${GITHUB}:sub`]: 'repo:my-org/*' } }),
        ],
      }),
    },
    {
      name: '"*" under StringEquals is a literal, not a wildcard',
      snapshot: oneAccount({ roles: [githubRole('deploy', { StringEquals: { [`${GITHUB}:sub`]: '*' } })] }),
    },
    {
      name: 'Cognito identity pools are scoped by aud',
      snapshot: oneAccount({
        roles: [
          aRole({
            roleName: 'cognito-auth',
            trustPolicy: aTrustPolicy(
              { Federated: 'cognito-identity.amazonaws.com' },
              'sts:AssumeRoleWithWebIdentity',
              { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-west-1:pool' } },
            ),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'audience only, no sub condition',
      snapshot: oneAccount({ roles: [githubRole('gha-deploy', { StringEquals: aud })] }),
      findings: [
        {
          resourceArn: ROLE_ARN('gha-deploy'),
          subject: GITHUB,
          severity: 'critical',
          messageId: 'noSubjectCondition',
          data: { roleName: 'gha-deploy', issuer: 'token.actions.githubusercontent.com' },
        },
      ],
    },
    {
      name: 'wildcard owner admits any repository',
      snapshot: oneAccount({
        roles: [githubRole('gha-any', { StringEquals: aud, StringLike: { [`${GITHUB}:sub`]: ['repo:*'] } })],
      }),
      findings: [
        {
          resourceArn: ROLE_ARN('gha-any'),
          subject: GITHUB,
          messageId: 'anySubject',
          data: { roleName: 'gha-any', issuer: 'token.actions.githubusercontent.com', wildcards: '"repo:*"' },
        },
      ],
    },
    {
      name: 'a negated sub condition does not restrict who is admitted',
      snapshot: oneAccount({
        roles: [githubRole('gha-not', { StringNotLike: { [`${GITHUB}:sub`]: 'repo:evil/*' } })],
      }),
      findings: [
        {
          resourceArn: ROLE_ARN('gha-not'),
          subject: GITHUB,
          messageId: 'noSubjectCondition',
          data: { roleName: 'gha-not', issuer: 'token.actions.githubusercontent.com' },
        },
      ],
    },
  ],
});

describe('admitsAnySubject', () => {
  it.each([
    ['StringLike', 'repo:*', true],
    ['StringLike', 'repo:my-*/app:*', true],
    ['StringLike', '*', true],
    ['StringLike', 'repo:my-org/*', false],
    ['StringEquals', 'repo:*', false],
  ])('%s %s → %s', (operator, value, expected) => {
    expect(admitsAnySubject(GITHUB, operator, value)).toBe(expected);
  });
});
