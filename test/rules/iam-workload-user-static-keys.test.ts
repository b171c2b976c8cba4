import { describe, expect, it } from 'vitest';
import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-workload-user-static-keys.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW, ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const workload = (userName: string, service: string | null = null, tags: Record<string, string> = {}) =>
  aUser({
    userName,
    tags,
    accessKeys: [
      anAccessKey({ lastUsedService: service, lastUsedDate: service ? '2026-11-30T00:00:00.000Z' : null }),
    ],
  });

ruleTester(rule, {
  valid: [
    {
      name: 'person with a key is not a workload',
      snapshot: oneAccount({
        users: [aUser({ userName: 'x', passwordEnabled: true, accessKeys: [anAccessKey()] })],
      }),
    },
    {
      name: 'workload with only an inactive key',
      snapshot: oneAccount({
        users: [aUser({ userName: 'svc-old', accessKeys: [anAccessKey({ status: 'Inactive' })] })],
      }),
    },
  ],
  invalid: [
    {
      name: 'GitHub CI user',
      snapshot: oneAccount({ users: [workload('github-deployer')] }),
      findings: [
        {
          resourceArn: USER_ARN('github-deployer'),
          messageId: 'staticKeys',
          data: { userName: 'github-deployer', activeKeys: 1, replacement: 'oidc-federation' },
        },
      ],
    },
    {
      name: 'key used for ECR',
      snapshot: oneAccount({ users: [workload('image-pusher', 'ecr')] }),
      findings: [
        {
          resourceArn: USER_ARN('image-pusher'),
          messageId: 'staticKeys',
          data: { userName: 'image-pusher', activeKeys: 1, replacement: 'oidc-federation' },
        },
      ],
    },
    {
      name: 'on-premises host by tag',
      snapshot: oneAccount({ users: [workload('reporting', 's3', { location: 'on-premises' })] }),
      findings: [
        {
          resourceArn: USER_ARN('reporting'),
          messageId: 'staticKeys',
          data: { userName: 'reporting', activeKeys: 1, replacement: 'roles-anywhere' },
        },
      ],
    },
    {
      name: 'app on AWS compute',
      snapshot: oneAccount({ users: [workload('svc-orders', 'dynamodb')] }),
      findings: [
        {
          resourceArn: USER_ARN('svc-orders'),
          severity: 'medium',
          messageId: 'staticKeys',
          data: { userName: 'svc-orders', activeKeys: 1, replacement: 'iam-role' },
        },
      ],
    },
  ],
});

describe('iam-workload-user-static-keys advice', () => {
  it('carries a workload-to-role migration with the replacement and steps', () => {
    const result = evaluate(oneAccount({ users: [workload('jenkins-build')] }), {
      rules: [rule],
      now: FIXED_NOW,
    });
    expect(result.findings[0]!.advice.migration).toMatchObject({
      kind: 'workload-to-role',
      replacement: 'oidc-federation',
    });
    expect(result.findings[0]!.advice.migration!.steps!.length).toBeGreaterThan(1);
  });
});
