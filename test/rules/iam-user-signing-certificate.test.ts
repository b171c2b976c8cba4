import { aSigningCertificate, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-signing-certificate.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const legacy = aUser({ userName: 'legacy-soap' });
const withCertificates = (...certificates: Parameters<typeof aSigningCertificate>[1][]) =>
  oneAccount({
    users: [legacy],
    signingCertificates: certificates.map((c) => aSigningCertificate(legacy, c)),
  });

ruleTester(rule, {
  valid: [{ name: 'no signing certificate', snapshot: withCertificates() }],
  invalid: [
    {
      name: 'an active certificate, with its age',
      snapshot: withCertificates({ slot: 1, lastRotated: '2025-12-01T00:00:00.000Z' }),
      findings: [
        {
          resourceArn: USER_ARN('legacy-soap'),
          subject: 'certificate 1',
          severity: 'medium',
          messageId: 'active',
          data: { userName: 'legacy-soap', slot: 1, ageDays: 365 },
        },
      ],
    },
    {
      name: 'an active and an inactive certificate: two findings, the inactive one low',
      snapshot: withCertificates({ slot: 1 }, { slot: 2, active: false }),
      findings: [
        {
          resourceArn: USER_ARN('legacy-soap'),
          subject: 'certificate 1',
          severity: 'medium',
          messageId: 'active',
          data: { userName: 'legacy-soap', slot: 1, ageDays: 1065 },
        },
        {
          resourceArn: USER_ARN('legacy-soap'),
          subject: 'certificate 2',
          severity: 'low',
          messageId: 'inactive',
          data: { userName: 'legacy-soap', slot: 2 },
        },
      ],
    },
  ],
});
