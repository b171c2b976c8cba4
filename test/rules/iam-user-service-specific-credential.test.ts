import { aServiceCredential, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-service-specific-credential.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const user = aUser({ userName: 'ml-app' });
const withCredentials = (...credentials: Parameters<typeof aServiceCredential>[1][]) =>
  oneAccount({ users: [user], serviceCredentials: credentials.map((c) => aServiceCredential(user, c)) });
const RECENT = '2026-11-21T00:00:00.000Z';

ruleTester(rule, {
  valid: [
    { name: 'no service-specific credential', snapshot: withCredentials() },
    {
      name: 'a Bedrock key that has expired authenticates nothing',
      snapshot: withCredentials({
        serviceName: 'bedrock.amazonaws.com',
        expirationDate: '2026-11-30T00:00:00.000Z',
      }),
    },
  ],
  invalid: [
    {
      name: 'CodeCommit Git credentials, recent: medium',
      snapshot: withCredentials({ credentialId: 'ACCA1', createDate: RECENT }),
      findings: [
        {
          resourceArn: USER_ARN('ml-app'),
          subject: 'ACCA1',
          severity: 'medium',
          messageId: 'activeNoExpiry',
          data: {
            userName: 'ml-app',
            kind: 'CodeCommit HTTPS Git credential',
            credentialId: 'ACCA1',
            ageDays: 10,
          },
        },
      ],
    },
    {
      name: 'a Bedrock long-term API key without expiry, older than the maximum: high',
      snapshot: withCredentials({
        credentialId: 'ACCA2',
        serviceName: 'bedrock.amazonaws.com',
        createDate: '2026-01-01T00:00:00.000Z',
      }),
      findings: [
        {
          resourceArn: USER_ARN('ml-app'),
          subject: 'ACCA2',
          severity: 'high',
          messageId: 'activeNoExpiry',
          data: {
            userName: 'ml-app',
            kind: 'Amazon Bedrock long-term API key',
            credentialId: 'ACCA2',
            ageDays: 334,
          },
        },
      ],
    },
    {
      name: 'an old Bedrock key that still expires later: medium, with the expiry',
      snapshot: withCredentials({
        credentialId: 'ACCA3',
        serviceName: 'bedrock.amazonaws.com',
        createDate: '2026-01-01T00:00:00.000Z',
        expirationDate: '2027-01-01T00:00:00.000Z',
      }),
      findings: [
        {
          resourceArn: USER_ARN('ml-app'),
          subject: 'ACCA3',
          severity: 'medium',
          messageId: 'activeExpiring',
          data: {
            userName: 'ml-app',
            kind: 'Amazon Bedrock long-term API key',
            credentialId: 'ACCA3',
            ageDays: 334,
            expirationDate: '2027-01-01T00:00:00.000Z',
          },
        },
      ],
    },
    {
      name: 'an inactive Keyspaces password: low',
      snapshot: withCredentials({
        credentialId: 'ACCA4',
        serviceName: 'cassandra.amazonaws.com',
        status: 'Inactive',
      }),
      findings: [
        {
          resourceArn: USER_ARN('ml-app'),
          subject: 'ACCA4',
          severity: 'low',
          messageId: 'inactive',
          data: {
            userName: 'ml-app',
            kind: 'Amazon Keyspaces (for Apache Cassandra) password',
            credentialId: 'ACCA4',
          },
        },
      ],
    },
  ],
});
