import { describe, expect, it } from 'vitest';
import { anAccessKey, anMfaDevice, aUser } from '../../fixtures/builders/index.js';
import { classifyUser } from '../../src/knowledge/classify-user.js';
import { chooseWorkloadReplacement } from '../../src/knowledge/workload-replacement.js';

const key = (service: string | null) =>
  anAccessKey({ lastUsedService: service, lastUsedDate: service ? '2026-11-01T00:00:00.000Z' : null });

describe('classifyUser', () => {
  it.each([
    ['console password', aUser({ userName: 'x1', passwordEnabled: true }), 'human'],
    [
      'console password wins over an automation name',
      aUser({ userName: 'deploy-bot', passwordEnabled: true }),
      'human',
    ],
    ['person-like name with keys only', aUser({ userName: 'jane.doe', accessKeys: [key('s3')] }), 'human'],
    ['MFA device without automation name', aUser({ userName: 'x2', mfaDevices: [anMfaDevice()] }), 'human'],
    ['person e-mail tag', aUser({ userName: 'x3', tags: { email: 'x3@example.com' } }), 'human'],
    ['automation name with MFA', aUser({ userName: 'svc-sync', mfaDevices: [anMfaDevice()] }), 'workload'],
    ['keys only, neutral name', aUser({ userName: 'reporting', accessKeys: [key('s3')] }), 'workload'],
  ] as const)('%s → %s', (_name, user, kind) => {
    expect(classifyUser(user).kind).toBe(kind);
  });

  it('explains its decision', () => {
    expect(classifyUser(aUser({ userName: 'svc-a', accessKeys: [key('sqs')] })).evidence).toEqual([
      'name "svc-a" looks like automation',
      'access keys used for sqs',
    ]);
  });
});

describe('chooseWorkloadReplacement', () => {
  it.each([
    ['GitHub Actions', aUser({ userName: 'github-actions-web' }), 'oidc-federation'],
    ['GitLab runner', aUser({ userName: 'gitlab-runner' }), 'oidc-federation'],
    ['Jenkins', aUser({ userName: 'jenkins' }), 'oidc-federation'],
    ['CircleCI', aUser({ userName: 'circleci-deployer' }), 'oidc-federation'],
    [
      'key used for CloudFormation',
      aUser({ userName: 'stack-updater', accessKeys: [key('cloudformation')] }),
      'oidc-federation',
    ],
    ['key used for ECR', aUser({ userName: 'pusher', accessKeys: [key('ecr')] }), 'oidc-federation'],
    ['on-premises name', aUser({ userName: 'etl-onprem-sync', accessKeys: [key('glue')] }), 'roles-anywhere'],
    ['on-premises tag', aUser({ userName: 'reporting', tags: { location: 'datacenter' } }), 'roles-anywhere'],
    ['AWS compute by default', aUser({ userName: 'svc-orders', accessKeys: [key('dynamodb')] }), 'iam-role'],
  ] as const)('%s → %s', (_name, user, replacement) => {
    expect(chooseWorkloadReplacement(user).replacement).toBe(replacement);
  });
});
