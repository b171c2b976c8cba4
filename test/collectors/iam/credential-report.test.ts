import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CredentialReportTimeout,
  fetchCredentialReport,
} from '../../../src/collectors/iam/credential-report.js';
import {
  occupiedKeySlots,
  parseCredentialReport,
  reportBoolean,
  reportDate,
  reportText,
} from '../../../src/collectors/iam/parse-credential-report.js';
import {
  awsError,
  CALLER_CREDENTIALS,
  credentialReportCsv,
  instantPolling,
} from '../support/aws-test-doubles.js';

const iamMock = mockClient(IAMClient);
afterEach(() => iamMock.reset());
const iam = () => new IAMClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS });
const csv = credentialReportCsv([{ user: 'alice' }]);

describe('fetchCredentialReport', () => {
  it('reads the report at once when IAM says it is COMPLETE: two calls', async () => {
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iamMock.on(GetCredentialReportCommand).resolves({ Content: csv, ReportFormat: 'text/csv' });
    const polling = instantPolling();
    expect(await fetchCredentialReport(iam(), polling)).toContain('alice');
    expect(iamMock.calls()).toHaveLength(2);
    expect(polling.waits).toEqual([]);
  });

  it('waits with growing backoff while the report is STARTED and still in progress', async () => {
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    iamMock
      .on(GetCredentialReportCommand)
      .rejectsOnce(awsError('ReportInProgress'))
      .rejectsOnce(awsError('ReportNotPresent', 'not yet', 410))
      .resolves({ Content: csv, ReportFormat: 'text/csv' });
    const polling = instantPolling();
    expect(await fetchCredentialReport(iam(), polling)).toContain('alice');
    expect(polling.waits).toEqual([1_000, 2_000, 4_000]);
    expect(iamMock.commandCalls(GenerateCredentialReportCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(GetCredentialReportCommand)).toHaveLength(3);
  });

  it('gives up after the time limit', async () => {
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    iamMock.on(GetCredentialReportCommand).rejects(awsError('ReportInProgress'));
    await expect(fetchCredentialReport(iam(), instantPolling(10_000))).rejects.toBeInstanceOf(
      CredentialReportTimeout,
    );
  });

  it('passes other errors through (AccessDenied is not "not ready")', async () => {
    iamMock.on(GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 'not authorized', 403));
    await expect(fetchCredentialReport(iam(), instantPolling())).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});

describe('parseCredentialReport', () => {
  const report = parseCredentialReport(
    new TextDecoder().decode(
      credentialReportCsv([
        {
          user: '<root_account>',
          arn: 'arn:aws:iam::111111111111:root',
          password_enabled: 'not_supported',
          password_last_used: 'no_information',
          password_last_changed: 'not_supported',
          mfa_active: 'true',
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2020-01-02T03:04:05+00:00',
          access_key_1_last_used_date: '2026-11-01T10:00:00+00:00',
          access_key_1_last_used_service: 's3',
        },
        {
          user: 'deploy-bot',
          password_enabled: 'false',
          access_key_2_active: 'false',
          access_key_2_last_rotated: '2025-05-05T00:00:00+00:00',
        },
        { user: 'alice', password_enabled: 'true', password_last_used: '2026-10-10T08:00:00+00:00' },
      ]),
    ),
  );

  it('separates the root row from users', () => {
    expect(report.root?.arn).toBe('arn:aws:iam::111111111111:root');
    expect([...report.usersByName.keys()]).toEqual(['deploy-bot', 'alice']);
  });

  it('reads N/A, no_information and not_supported as no value', () => {
    const root = report.root ?? {};
    expect(reportBoolean(root, 'password_enabled')).toBeNull();
    expect(reportDate(root, 'password_last_used')).toBeNull();
    expect(reportDate(root, 'password_last_changed')).toBeNull();
    expect(reportText(root, 'access_key_2_last_used_service')).toBeNull();
    expect(reportDate(root, 'access_key_1_last_rotated')).toBe('2020-01-02T03:04:05.000Z');
    expect(reportText(root, 'access_key_1_last_used_service')).toBe('s3');
  });

  it('finds key slots that hold a key, inactive included', () => {
    expect(occupiedKeySlots(report.usersByName.get('deploy-bot') ?? {})).toEqual([2]);
    expect(occupiedKeySlots(report.usersByName.get('alice') ?? {})).toEqual([]);
  });

  it('reports a missing root row as null', () => {
    expect(parseCredentialReport(new TextDecoder().decode(csv)).root).toBeNull();
  });
});
