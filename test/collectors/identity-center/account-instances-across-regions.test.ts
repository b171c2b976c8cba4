import { IdentitystoreClient, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { ListApplicationsCommand, ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectSlice } from '../../../src/collectors/aws-error.js';
import {
  collectAccountInstancesAcrossRegions,
  defaultInstanceRegions,
} from '../../../src/collectors/identity-center/account-instances-across-regions.js';
import { accountInstancesSliceSchema } from '../../../src/inventory/account-instances-schema.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';

const ssoMock = mockClient(SSOAdminClient);
const storeMock = mockClient(IdentitystoreClient);
afterEach(() => {
  ssoMock.reset();
  storeMock.reset();
});

const MEMBER = '222222222222';
const MANAGEMENT = '111111111111';
const OWN = 'arn:aws:sso:::instance/ssoins-own';

/** Collects across `regions`, recording which regions got clients and that every client was destroyed. */
async function collect(regions: string[]) {
  const opened: string[] = [];
  let destroyed = 0;
  const slice = await collectSlice(() =>
    collectAccountInstancesAcrossRegions({
      regions,
      clientsIn: (region) => {
        opened.push(region);
        return {
          sso: new SSOAdminClient({ region, credentials: CALLER_CREDENTIALS, maxAttempts: 1 }),
          identityStore: new IdentitystoreClient({ region, credentials: CALLER_CREDENTIALS }),
          destroy: () => {
            destroyed += 1;
          },
        };
      },
      accountId: MEMBER,
      managementAccountId: MANAGEMENT,
    }),
  );
  return { slice, opened, destroyed };
}

/** ListInstances answers by the client's region: `answers[region]` is an instance list or an error. */
function listInstancesByRegion(answers: Record<string, 'instance' | 'none' | Error>) {
  ssoMock.on(ListInstancesCommand).callsFake(async (_input, getClient) => {
    const region = await getClient().config.region();
    const answer = answers[region];
    if (answer instanceof Error) throw answer;
    return {
      Instances:
        answer === 'instance'
          ? [{ InstanceArn: OWN, IdentityStoreId: 'd-own', OwnerAccountId: MEMBER, Name: 'sandbox' }]
          : [],
    };
  });
  storeMock.on(ListUsersCommand).resolves({ Users: [{ UserId: 'u1', IdentityStoreId: 'd-own' }] });
  ssoMock.on(ListApplicationsCommand).resolves({ Applications: [] });
}

describe('collectAccountInstancesAcrossRegions', () => {
  it('two regions, one with an instance: found in its region, both recorded as searched', async () => {
    listInstancesByRegion({ 'eu-west-1': 'none', 'us-east-1': 'instance' });
    const { slice, opened, destroyed } = await collect(['us-east-1', 'eu-west-1', 'us-east-1']);
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    const data = accountInstancesSliceSchema.parse(slice.data);
    expect(data.regionsSearched).toEqual(['eu-west-1', 'us-east-1']);
    expect(data.regionsNotRead).toEqual([]);
    expect(data.regionsSearchedUnknown).toBeNull();
    expect(data.instances).toHaveLength(1);
    expect(data.instances[0]).toMatchObject({
      instanceArn: OWN,
      region: 'us-east-1',
      users: 1,
      applications: 0,
    });
    // Each region once (duplicates dropped), every client released.
    expect(opened).toEqual(['eu-west-1', 'us-east-1']);
    expect(destroyed).toBe(2);
    expect(ssoMock.commandCalls(ListInstancesCommand)).toHaveLength(2);
  });

  it('a region failing is listed as not read, never counted as "no instance there"', async () => {
    listInstancesByRegion({
      'eu-west-1': 'instance',
      'ap-east-1': awsError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid',
      ),
    });
    const { slice, destroyed } = await collect(['eu-west-1', 'ap-east-1']);
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    expect(slice.data.regionsSearched).toEqual(['eu-west-1']);
    expect(slice.data.regionsNotRead).toEqual([
      {
        region: 'ap-east-1',
        code: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid',
      },
    ]);
    expect(slice.data.instances.map((i) => i.region)).toEqual(['eu-west-1']);
    expect(destroyed).toBe(2);
  });

  it('every region denied: the slice fails (rules say not evaluated)', async () => {
    listInstancesByRegion({
      'eu-west-1': awsError('AccessDeniedException', 'no sso:ListInstances'),
      'us-east-1': awsError('AccessDeniedException', 'no sso:ListInstances'),
    });
    const { slice, destroyed } = await collect(['eu-west-1', 'us-east-1']);
    expect(slice).toEqual({
      status: 'failed',
      error: { code: 'AccessDeniedException', message: 'no sso:ListInstances' },
    });
    expect(destroyed).toBe(2);
  });
});

describe('defaultInstanceRegions', () => {
  it('the Identity Center region plus the organization instance regions, once each, sorted', () => {
    expect(defaultInstanceRegions('eu-west-1', ['eu-central-1', 'eu-west-1'])).toEqual([
      'eu-central-1',
      'eu-west-1',
    ]);
  });
  it('regions not known in this job: the Identity Center region alone', () => {
    expect(defaultInstanceRegions('us-east-1', undefined)).toEqual(['us-east-1']);
  });
});
