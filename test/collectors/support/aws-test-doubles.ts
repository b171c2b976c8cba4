import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { IAMClient } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from '../../../src/collectors/client-factory.js';
import type { CredentialReportPolling } from '../../../src/collectors/iam/credential-report.js';

/** Fake caller credentials: mocked clients never send them anywhere, and a test checks none leak. */
export const CALLER_SECRET = 'caller-secret-must-never-be-printed';
export const CALLER_CREDENTIALS = { accessKeyId: 'AKIACALLERTEST', secretAccessKey: CALLER_SECRET };

/** Clients with fake credentials and a fixed region; their `send` is replaced by aws-sdk-client-mock. */
export function testClientFactory(): AwsClientFactory {
  const base = { region: 'us-east-1', credentials: CALLER_CREDENTIALS };
  return {
    organizations: () => new OrganizationsClient(base),
    sts: () => new STSClient(base),
    iam: (assumed) => new IAMClient({ ...base, credentials: assumed ?? CALLER_CREDENTIALS }),
    ssoAdmin: (region) => new SSOAdminClient({ ...base, region }),
    identityStore: (region) => new IdentitystoreClient({ ...base, region }),
    accessAnalyzer: (region) => new AccessAnalyzerClient({ ...base, region }),
    defaultRegion: async () => 'us-east-1',
  };
}

/** An error shaped like the SDK's service exceptions (name = AWS error code). */
export function awsError(name: string, message = `${name} (test)`, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode } });
}

/** Polling that never sleeps, with a virtual clock advanced by each wait. */
export function instantPolling(timeLimitMs = 60_000): CredentialReportPolling & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    initialDelayMs: 1_000,
    maxDelayMs: 8_000,
    timeLimitMs,
    clock: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

const REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

type ReportRow = Partial<Record<(typeof REPORT_COLUMNS)[number], string>> & { user: string };

/** A credential report CSV; unspecified columns get the values IAM uses for "nothing there". */
export function credentialReportCsv(rows: ReportRow[]): Uint8Array {
  const defaults: Record<string, string> = {
    password_enabled: 'false',
    password_last_used: 'N/A',
    password_last_changed: 'N/A',
    password_next_rotation: 'N/A',
    mfa_active: 'false',
    access_key_1_active: 'false',
    access_key_1_last_rotated: 'N/A',
    access_key_1_last_used_date: 'N/A',
    access_key_1_last_used_region: 'N/A',
    access_key_1_last_used_service: 'N/A',
    access_key_2_active: 'false',
    access_key_2_last_rotated: 'N/A',
    access_key_2_last_used_date: 'N/A',
    access_key_2_last_used_region: 'N/A',
    access_key_2_last_used_service: 'N/A',
    cert_1_active: 'false',
    cert_1_last_rotated: 'N/A',
    cert_2_active: 'false',
    cert_2_last_rotated: 'N/A',
  };
  const lines = [REPORT_COLUMNS.join(',')];
  for (const row of rows) {
    const full: Record<string, string> = {
      ...defaults,
      arn: '',
      user_creation_time: '2024-01-01T00:00:00+00:00',
      ...row,
    };
    lines.push(REPORT_COLUMNS.map((c) => full[c] ?? '').join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
