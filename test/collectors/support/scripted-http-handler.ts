import { Readable } from 'node:stream';

/** An HTTP handler that answers from a script, so the real SDK retry logic runs without a network. */
export function scriptedHandler(script: Array<{ status: number; body: string; contentType?: string }>) {
  const seen: string[] = [];
  return {
    seen,
    handler: {
      handle: async (request: { hostname: string }) => {
        seen.push(request.hostname);
        const next = script.shift() ?? { status: 500, body: 'script exhausted' };
        return {
          // A plain object: the SDK checks the shape of a response, not its class.
          response: {
            statusCode: next.status,
            headers: { 'content-type': next.contentType ?? 'text/xml' },
            body: Readable.from([Buffer.from(next.body)]),
          },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}
