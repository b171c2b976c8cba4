import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeAwsError } from '../../src/collectors/aws-error.js';
import { createAwsClientFactory } from '../../src/collectors/client-factory.js';

const HTML_500 =
  '<!doctype html><html><head><title>500 Internal Server Error</title></head><body>boom</body></html>';
const AWS_500 = `<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>try again</Message></Error><RequestId>r1</RequestId></ErrorResponse>`;

/** A loopback endpoint that answers every request with one fixed error page, counting requests. */
async function endpointAnswering(
  body: string,
  contentType: string,
  status: number,
): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, hits: () => hits };
}

const servers: Server[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function callIam(body: string, contentType: string, maxAttempts: number, status = 500) {
  const endpoint = await endpointAnswering(body, contentType, status);
  servers.push(endpoint.server);
  vi.stubEnv('AWS_ENDPOINT_URL', endpoint.url);
  const iam = createAwsClientFactory({ region: 'us-east-1', maxAttempts }).iam({
    accessKeyId: 'AKIAFAKE',
    secretAccessKey: 'fake',
  });
  const error = await iam.send(new GetAccountSummaryCommand({})).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, hits: endpoint.hits() };
}

describe('a 500 answer that is not an AWS API response', () => {
  it.each([
    ['an HTML page', HTML_500, 'text/html'],
    ['plain text', 'Internal Server Error', 'text/plain'],
  ])('%s: fails at once (one request), recorded as NotImplementedByEndpoint', async (_what, body, type) => {
    const { error, hits } = await callIam(body, type, 8);
    expect(describeAwsError(error).code).toBe('NotImplementedByEndpoint');
    expect(hits).toBe(1);
  });

  it('a real AWS 500 (an error in the AWS protocol) is still retried', async () => {
    const { error, hits } = await callIam(AWS_500, 'text/xml', 3);
    expect(describeAwsError(error).code).toBe('ServiceFailureException');
    expect(hits).toBe(3);
  });

  it('a 503 page from a gateway is still retried (it may pass)', async () => {
    const { hits } = await callIam(HTML_500.replace('500 Internal Server Error', '503'), 'text/html', 3, 503);
    expect(hits).toBe(3);
  });
});
