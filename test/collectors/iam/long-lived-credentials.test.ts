import {
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListServiceSpecificCredentialsCommand,
  ListSSHPublicKeysCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../support/aws-test-doubles.js';
import { collectIamSlice } from '../support/collect-iam-slice.js';
import { arn, mockHappyAccount } from '../support/iam-mocks.js';

const iamMock = mockClient(IAMClient);
const collect = collectIamSlice;

beforeEach(() => iamMock.reset());
afterEach(() => iamMock.reset());

describe('collectAccountIam: every long-lived credential of a user', () => {
  it('lists SSH keys and service-specific credentials per user, certificates from the report', async () => {
    mockHappyAccount(iamMock);
    const slice = await collect();
    expect(slice.sshPublicKeys).toEqual({
      status: 'ok',
      data: [
        {
          userName: 'deploy-bot',
          userArn: arn('deploy-bot'),
          sshPublicKeyId: 'APKABOTSSH',
          status: 'Active',
          uploadDate: '2024-06-06T00:00:00.000Z',
        },
      ],
    });
    expect(slice.serviceCredentials).toEqual({
      status: 'ok',
      data: [
        {
          userName: 'deploy-bot',
          userArn: arn('deploy-bot'),
          credentialId: 'ACCABEDROCK',
          serviceName: 'bedrock.amazonaws.com',
          status: 'Active',
          createDate: '2025-07-07T00:00:00.000Z',
          expirationDate: null,
        },
      ],
    });
    // cert_1 only: slot 2 is N/A in the report.
    expect(slice.signingCertificates).toEqual({
      status: 'ok',
      data: [
        {
          userName: 'deploy-bot',
          userArn: arn('deploy-bot'),
          slot: 1,
          active: true,
          lastRotated: '2024-05-05T00:00:00.000Z',
        },
      ],
    });
    // Every user is asked (alice, deploy-bot, carol), by name.
    const asked = iamMock.commandCalls(ListSSHPublicKeysCommand).map((c) => c.args[0].input.UserName);
    expect(asked.sort()).toEqual(['alice', 'carol', 'deploy-bot']);
    expect(iamMock.commandCalls(GetCredentialReportCommand).length).toBe(2); // no extra call for certificates
  });

  it('follows markers: SSH keys through the paginator, service credentials by hand', async () => {
    mockHappyAccount(iamMock);
    iamMock
      .on(ListSSHPublicKeysCommand, { UserName: 'alice' })
      .resolvesOnce({
        IsTruncated: true,
        Marker: 'ssh-2',
        SSHPublicKeys: [
          { UserName: 'alice', SSHPublicKeyId: 'APKA1', Status: 'Active', UploadDate: new Date() },
        ],
      })
      .resolves({
        IsTruncated: false,
        SSHPublicKeys: [
          { UserName: 'alice', SSHPublicKeyId: 'APKA2', Status: 'Inactive', UploadDate: new Date() },
        ],
      });
    iamMock
      .on(ListServiceSpecificCredentialsCommand, { UserName: 'alice' })
      .resolvesOnce({
        IsTruncated: true,
        Marker: 'ssc-2',
        ServiceSpecificCredentials: [
          {
            UserName: 'alice',
            Status: 'Active',
            ServiceName: 'codecommit.amazonaws.com',
            ServiceSpecificCredentialId: 'ACCA1',
            CreateDate: new Date(),
          },
        ],
      })
      .resolves({
        ServiceSpecificCredentials: [
          {
            UserName: 'alice',
            Status: 'Inactive',
            ServiceName: 'cassandra.amazonaws.com',
            ServiceSpecificCredentialId: 'ACCA2',
            CreateDate: new Date(),
          },
        ],
      });
    const slice = await collect();
    const sshIds =
      slice.sshPublicKeys.status === 'ok' ? slice.sshPublicKeys.data.map((k) => k.sshPublicKeyId) : [];
    expect(sshIds.sort()).toEqual(['APKA1', 'APKA2', 'APKABOTSSH']);
    const serviceIds =
      slice.serviceCredentials.status === 'ok'
        ? slice.serviceCredentials.data.map((c) => c.credentialId)
        : [];
    expect(serviceIds.sort()).toEqual(['ACCA1', 'ACCA2', 'ACCABEDROCK']);
    const second = iamMock
      .commandCalls(ListServiceSpecificCredentialsCommand)
      .find((c) => c.args[0].input.Marker === 'ssc-2');
    expect(second?.args[0].input.UserName).toBe('alice');
  });

  it('AccessDenied on service credentials fails that slice only (never an empty list)', async () => {
    mockHappyAccount(iamMock);
    iamMock
      .on(ListServiceSpecificCredentialsCommand)
      .rejects(awsError('AccessDenied', 'not authorized to perform iam:ListServiceSpecificCredentials', 403));
    const slice = await collect();
    expect(slice.serviceCredentials).toMatchObject({
      status: 'failed',
      error: { code: 'AccessDenied', message: expect.stringContaining('ListServiceSpecificCredentials') },
    });
    expect(slice.sshPublicKeys.status).toBe('ok');
    expect(slice.users.status).toBe('ok');
  });

  it('throttling that outlasts the retries fails the SSH slice and keeps the rest', async () => {
    mockHappyAccount(iamMock);
    iamMock
      .on(ListSSHPublicKeysCommand, { UserName: 'carol' })
      .rejects(awsError('Throttling', 'Rate exceeded'));
    const slice = await collect();
    expect(slice.sshPublicKeys).toMatchObject({ status: 'failed', error: { code: 'Throttling' } });
    expect(slice.serviceCredentials.status).toBe('ok');
    expect(slice.signingCertificates.status).toBe('ok');
  });

  it('without the users (authorization details denied) all three fail: nobody to ask about', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('AccessDenied', 'denied', 403));
    const slice = await collect();
    for (const name of ['sshPublicKeys', 'signingCertificates', 'serviceCredentials'] as const) {
      expect(slice[name]).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    }
    expect(iamMock.commandCalls(ListSSHPublicKeysCommand)).toEqual([]);
  });

  it('missing data: a credential without dates or service is kept with nulls, not dropped', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(ListServiceSpecificCredentialsCommand, { UserName: 'carol' }).resolves({
      ServiceSpecificCredentials: [
        {
          UserName: 'carol',
          Status: undefined,
          ServiceName: undefined,
          ServiceSpecificCredentialId: 'ACCABARE',
          CreateDate: undefined,
        },
      ],
    });
    iamMock.on(ListSSHPublicKeysCommand, { UserName: 'carol' }).resolves({});
    const slice = await collect();
    if (slice.serviceCredentials.status !== 'ok') throw new Error(JSON.stringify(slice.serviceCredentials));
    expect(slice.serviceCredentials.data.find((c) => c.credentialId === 'ACCABARE')).toEqual({
      userName: 'carol',
      userArn: arn('carol'),
      credentialId: 'ACCABARE',
      serviceName: 'unknown',
      status: 'Active',
      createDate: null,
      expirationDate: null,
    });
  });
});
