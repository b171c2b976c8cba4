import { aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/drift-permission-set-changed.js';
import { ruleTester } from '../support/rule-tester.js';
import { ADMINS_ON_PROD, AUDIT, DEVELOPERS, driftCase, liveOrganization } from './support/drift.js';
import { assignment } from './support/identity-center.js';

// Live: Developers with an inline policy, a customer-managed policy and a boundary.
const developers = aPermissionSet({
  ...DEVELOPERS,
  customerManagedPolicies: [{ name: 'DeployTools', path: '/teams/' }],
  inlinePolicy: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
      { Effect: 'Deny', Action: 'iam:*', Resource: ['*'] },
    ],
  },
  permissionsBoundary: {
    managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    customerManagedPolicy: null,
  },
});
const live = liveOrganization([assignment(developers.arn, 'g-admins')]);
live.identityCenter.permissionSets = { status: 'ok', data: [developers, AUDIT] };

const declared = (inline: string, extra = '', duration = 'PT8H') => `kind: keysweep.desired-state
version: 1
permissionSets:
  - name: Developers
    sessionDuration: ${duration}
    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
    customerManagedPolicies: [{ name: DeployTools, path: /teams/ }]
    permissionsBoundary: { managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess }
    inlinePolicy: '${inline}'
${extra}  - name: Audit
    sessionDuration: PT4H
${ADMINS_ON_PROD}`;

// The same document: statements in another order, one-item lists, actions reordered.
const same =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["iam:*"],"Resource":"*"},{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":["*"]}]}';
const wider = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

ruleTester(rule, {
  valid: [
    {
      name: 'semantically equal inline policy, same policies and session',
      ...driftCase(declared(same), live),
    },
  ],
  invalid: [
    {
      name: 'inline policy and session duration edited by hand',
      ...driftCase(declared(wider, '', 'PT60M'), live),
      findings: [
        {
          resourceArn: developers.arn,
          subject: 'sessionDuration',
          severity: 'medium',
          messageId: 'fieldDiffers',
          data: {
            permissionSet: 'Developers',
            field: 'session duration',
            declaredIn: 'desired.yaml (permissionSets.0 (Developers))',
            declared: 'PT1H',
            live: 'PT8H',
          },
        },
        {
          resourceArn: developers.arn,
          subject: 'inlinePolicy',
          severity: 'high',
          messageId: 'fieldDiffers',
          data: {
            permissionSet: 'Developers',
            field: 'inline policy',
            declaredIn: 'desired.yaml (permissionSets.0 (Developers))',
            declared: 'statement {"Action":"s3:*","Effect":"Allow","Resource":"*"}',
            live: 'statement {"Action":["s3:GetObject","s3:ListBucket"],"Effect":"Allow","Resource":"*"}, statement {"Action":"iam:*","Effect":"Deny","Resource":"*"}',
          },
        },
      ],
    },
    {
      name: 'customer-managed policies and boundary differ',
      ...driftCase(
        declared(same)
          .replace('path: /teams/', 'path: /')
          .replace(
            '{ managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess }',
            '{ customerManagedPolicy: { name: Boundary } }',
          ),
        live,
      ),
      findings: [
        {
          resourceArn: developers.arn,
          subject: 'customerManagedPolicies',
          messageId: 'fieldDiffers',
          data: {
            permissionSet: 'Developers',
            field: 'customer managed policies',
            declaredIn: 'desired.yaml (permissionSets.0 (Developers))',
            declared: '/DeployTools',
            live: '/teams/DeployTools',
          },
        },
        {
          resourceArn: developers.arn,
          subject: 'permissionsBoundary',
          messageId: 'fieldDiffers',
          data: {
            permissionSet: 'Developers',
            field: 'permissions boundary',
            declaredIn: 'desired.yaml (permissionSets.0 (Developers))',
            declared: 'customer-managed /Boundary',
            live: 'arn:aws:iam::aws:policy/PowerUserAccess',
          },
        },
      ],
    },
  ],
});
