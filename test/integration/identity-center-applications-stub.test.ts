import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectApplicationSlices } from '../../src/collectors/identity-center/applications.js';

/**
 * moto 5 has none of the ABAC / application / trusted token issuer APIs (its ssoadmin responses stop at
 * permission sets and account assignments). This loopback stub answers them in sso-admin's own protocol
 * (awsJson1_1, X-Amz-Target SWBExternalService.<Operation>), with NextToken pagination and AWS-shaped
 * errors, so the real SDK's serialization, paginators and error parsing run end to end.
 */
const INSTANCE = 'arn:aws:sso:::instance/ssoins-stub';
const WIKI = 'arn:aws:sso::111111111111:application/ssoins-stub/apl-wiki';
const OPEN = 'arn:aws:sso::111111111111:application/ssoins-stub/apl-open';
const TTI = 'arn:aws:sso::111111111111:trustedTokenIssuer/ssoins-stub/tti-1';

type Answer = { status?: number; body: Record<string, unknown> };
const calls: string[] = [];
let abacMissing = false;

function answer(operation: string, input: Record<string, unknown>): Answer {
  switch (operation) {
    case 'DescribeInstanceAccessControlAttributeConfiguration':
      if (abacMissing)
        return {
          status: 400,
          body: { __type: 'ResourceNotFoundException', Message: 'no access control attribute configuration' },
        };
      return {
        body: {
          Status: 'ENABLED',
          InstanceAccessControlAttributeConfiguration: {
            AccessControlAttributes: [
              { Key: 'Department', Value: { Source: [`\${path:enterprise.department}`] } },
            ],
          },
        },
      };
    case 'ListApplications':
      return input.NextToken === 'page-2'
        ? { body: { Applications: [{ ApplicationArn: OPEN, Name: 'open', Status: 'ENABLED' }] } }
        : {
            body: {
              Applications: [{ ApplicationArn: WIKI, Name: 'wiki', ApplicationAccount: '111111111111' }],
              NextToken: 'page-2',
            },
          };
    case 'GetApplicationAssignmentConfiguration':
      return { body: { AssignmentRequired: input.ApplicationArn === WIKI } };
    case 'ListApplicationAssignments':
      if (input.ApplicationArn !== WIKI) return { body: { ApplicationAssignments: [] } };
      return input.NextToken === 'a-2'
        ? {
            body: {
              ApplicationAssignments: [{ ApplicationArn: WIKI, PrincipalType: 'USER', PrincipalId: 'u-1' }],
            },
          }
        : {
            body: {
              ApplicationAssignments: [
                { ApplicationArn: WIKI, PrincipalType: 'GROUP', PrincipalId: 'g-dev' },
              ],
              NextToken: 'a-2',
            },
          };
    case 'ListTrustedTokenIssuers':
      return {
        body: {
          TrustedTokenIssuers: [
            { TrustedTokenIssuerArn: TTI, Name: 'okta', TrustedTokenIssuerType: 'OIDC_JWT' },
          ],
        },
      };
    case 'DescribeTrustedTokenIssuer':
      return {
        status: 400,
        body: {
          __type: 'AccessDeniedException',
          Message: 'User is not authorized to perform DescribeTrustedTokenIssuer',
        },
      };
    default:
      return {
        status: 400,
        body: { __type: 'UnknownOperationException', Message: `Unknown operation ${operation}` },
      };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const operation =
      String(request.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    calls.push(operation);
    const { status = 200, body } = answer(operation, JSON.parse((await readBody(request)) || '{}'));
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `req-${calls.length}`,
    });
    response.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const client = () =>
  new SSOAdminClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIASTUB', secretAccessKey: 'stub' },
    maxAttempts: 1,
  });

describe('ABAC, applications and trusted token issuers through the real SDK (loopback stub)', () => {
  it('pages through applications and assignments; a per-issuer error is recorded, not fatal', async () => {
    abacMissing = false;
    calls.length = 0;
    const slices = await collectApplicationSlices(client(), INSTANCE);
    expect(slices.accessControlAttributes).toEqual({
      status: 'ok',
      data: {
        status: 'ENABLED',
        statusReason: null,
        attributes: [{ key: 'Department', sources: [`\${path:enterprise.department}`] }],
      },
    });
    expect(slices.applications.status).toBe('ok');
    const apps = slices.applications.status === 'ok' ? slices.applications.data : [];
    expect(apps.map((a) => [a.name, a.assignmentRequired, a.assignments])).toEqual([
      [
        'wiki',
        true,
        [
          { principalType: 'GROUP', principalId: 'g-dev' },
          { principalType: 'USER', principalId: 'u-1' },
        ],
      ],
      ['open', false, []],
    ]);
    expect(slices.trustedTokenIssuers).toMatchObject({
      status: 'ok',
      data: [
        {
          name: 'okta',
          issuerUrl: null,
          unread: [expect.stringMatching(/^configuration: AccessDeniedException: /)],
        },
      ],
    });
    expect(calls.filter((c) => c === 'ListApplications')).toHaveLength(2);
    expect(calls.filter((c) => c === 'ListApplicationAssignments')).toHaveLength(3);
  });

  it('ResourceNotFound on the ABAC configuration reads as "not configured"', async () => {
    abacMissing = true;
    const slices = await collectApplicationSlices(client(), INSTANCE);
    expect(slices.accessControlAttributes).toEqual({ status: 'ok', data: null });
  });
});
