import { ListRegionsCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { anIdentityCenter } from '../../../fixtures/builders/index.js';
import { collectRegions } from '../../../src/collectors/identity-center/regions.js';
import { identityCenterAdminRegion } from '../../../src/knowledge/identity-center-region.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';

const ssoMock = mockClient(SSOAdminClient);
afterEach(() => ssoMock.reset());
const INSTANCE = 'arn:aws:sso:::instance/ssoins-test';
const collect = () =>
  collectRegions(new SSOAdminClient({ region: 'eu-central-1', credentials: CALLER_CREDENTIALS }), INSTANCE);

describe('collectRegions (multi-Region Identity Center)', () => {
  it('lists every region across pages and marks the primary one', async () => {
    ssoMock
      .on(ListRegionsCommand)
      .resolvesOnce({
        Regions: [{ RegionName: 'eu-central-1', Status: 'ACTIVE', IsPrimaryRegion: false }],
        NextToken: 'n',
      })
      .resolvesOnce({
        Regions: [
          {
            RegionName: 'eu-west-1',
            Status: 'ACTIVE',
            IsPrimaryRegion: true,
            AddedDate: new Date('2024-02-01T00:00:00Z'),
          },
          { Status: 'ADDING' },
        ],
      });
    const slice = await collect();
    expect(slice).toEqual({
      status: 'ok',
      data: [
        { regionName: 'eu-central-1', status: 'ACTIVE', addedDate: null, primary: false },
        { regionName: 'eu-west-1', status: 'ACTIVE', addedDate: '2024-02-01T00:00:00.000Z', primary: true },
      ],
    });
    // The paginator reuses one input object, so only the last token is visible on the recorded calls.
    const calls = ssoMock.commandCalls(ListRegionsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input).toMatchObject({ InstanceArn: INSTANCE, NextToken: 'n' });
  });

  it.each([
    ['UnknownOperationException', 'Unknown operation ListRegions', 400],
    ['InternalFailure', 'The action ListRegions is not implemented', 500],
  ])(
    'an endpoint without the API (%s): not collected, never a confident answer',
    async (code, message, status) => {
      ssoMock.on(ListRegionsCommand).rejects(awsError(code, message, status));
      const slice = await collect();
      expect(slice.status).toBe('not_collected');
      expect(slice.status === 'not_collected' && slice.reason).toContain('ListRegions is not available');
    },
  );

  it('AccessDenied and throttling that outlasts the retries: failed', async () => {
    ssoMock.on(ListRegionsCommand).rejects(awsError('AccessDeniedException', 'no sso:ListRegions', 400));
    expect(await collect()).toMatchObject({ status: 'failed', error: { code: 'AccessDeniedException' } });
    ssoMock.reset();
    ssoMock.on(ListRegionsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    expect(await collect()).toMatchObject({ status: 'failed', error: { code: 'ThrottlingException' } });
  });

  it('missing data: an empty answer is an empty list', async () => {
    ssoMock.on(ListRegionsCommand).resolves({});
    expect(await collect()).toEqual({ status: 'ok', data: [] });
  });
});

describe('identityCenterAdminRegion (the kit provider region)', () => {
  it('is the primary region when known, else where the instance was found', () => {
    const multi = anIdentityCenter({
      homeRegion: 'eu-central-1',
      regions: [
        { regionName: 'eu-central-1', status: 'ACTIVE', addedDate: null, primary: false },
        { regionName: 'eu-west-1', status: 'ACTIVE', addedDate: null, primary: true },
      ],
    });
    expect(identityCenterAdminRegion(multi)).toBe('eu-west-1');
    const unknown = { ...multi, regions: { status: 'not_collected' as const, reason: 'moto' } };
    expect(identityCenterAdminRegion(unknown)).toBe('eu-central-1');
  });
});
