import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A loopback HTTP proxy in front of moto_server that answers some requests the way AWS does under
 * load or misconfiguration: throttling, 5xx, slow answers, a credential report that never completes
 * for one account, AccessDenied on one account's AssumeRole.
 *
 * Faults are decided by a seeded hash of (account label, service, action, how many times that account
 * sent that action): draw k of each such stream is fixed, so a run with concurrent accounts injects
 * the same faults every time, even on an organization rebuilt with fresh random ids.
 *
 * Accounts are told apart by the access key id in the SigV4 Authorization header: the caller's key is
 * the management account; moto issues a fresh key per AssumeRole, which the proxy learns by reading
 * the AssumeRole request (RoleArn → account) and moto's answer (AccessKeyId).
 */
export interface FaultPlan {
  seed: number;
  throttleRate: number;
  serverErrorRate: number;
  slowRate: number;
  slowMs: number;
  /** Account whose GenerateCredentialReport never reaches COMPLETE. */
  stuckCredentialReportAccount?: string;
  /** Account whose role cannot be assumed. */
  deniedAssumeRoleAccount?: string;
  /** Stable names for account ids (moto's ids are random), so draws do not change between builds. */
  accountLabels?: Record<string, string>;
  /** Throttling rate per action, over throttleRate (a storm on one API, e.g. last-accessed jobs). */
  throttleActions?: Record<string, number>;
  /** Delay added to every IAM call of every account (to slow a crawl down for kill-and-resume tests). */
  iamDelayMs?: number;
}

export interface FaultStats {
  requests: number;
  throttled: number;
  serverErrors: number;
  slowed: number;
  denied: number;
  stuckReports: number;
  /** `${account} ${action}` of every request forwarded to moto, in order. */
  forwarded: string[];
}

export interface FaultProxy {
  endpoint: string;
  stats: FaultStats;
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
}

export const NO_FAULTS: FaultPlan = { seed: 0, throttleRate: 0, serverErrorRate: 0, slowRate: 0, slowMs: 0 };

interface Classified {
  protocol: 'query' | 'json';
  service: string;
  action: string;
  accessKeyId: string;
  body: string;
}

function classify(req: IncomingMessage, body: string): Classified {
  const auth = req.headers.authorization ?? '';
  const credential = /Credential=([^/]+)\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth);
  const accessKeyId = credential?.[1] ?? '';
  const service = credential?.[2] ?? 'unknown';
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string')
    return { protocol: 'json', service, action: target.split('.').pop() ?? '', accessKeyId, body };
  const action = new URLSearchParams(body).get('Action') ?? '';
  return { protocol: 'query', service, action, accessKeyId, body };
}

/** A number in [0, 1) from the seed and a string: the same inputs always give the same draw. */
function draw(seed: number, key: string): number {
  const digest = createHash('sha256').update(`${seed}|${key}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

function queryError(res: ServerResponse, status: number, type: string, code: string, message: string) {
  const requestId = randomUUID();
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
  res.end(
    `<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  );
}

function jsonError(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
    'x-amzn-errortype': type,
  });
  res.end(JSON.stringify({ __type: type, message, Message: message }));
}

/** AWS's own throttling answer per protocol: query APIs say Throttling, Organizations TooManyRequests. */
function throttle(res: ServerResponse, call: Classified) {
  if (call.protocol === 'query') return queryError(res, 400, 'Sender', 'Throttling', 'Rate exceeded');
  const type = call.service === 'organizations' ? 'TooManyRequestsException' : 'ThrottlingException';
  return jsonError(res, 400, type, 'Rate exceeded');
}

function serverError(res: ServerResponse, call: Classified) {
  if (call.protocol === 'query')
    return queryError(res, 503, 'Receiver', 'ServiceUnavailable', 'Service is unavailable');
  const type = call.service === 'organizations' ? 'ServiceException' : 'InternalServerException';
  return jsonError(res, 500, type, 'internal error');
}

export async function startFaultProxy(target: string, initial: FaultPlan = NO_FAULTS): Promise<FaultProxy> {
  const upstream = new URL(target);
  let plan = initial;
  const accountByKey = new Map<string, string>();
  const seen = new Map<string, number>();
  const stats: FaultStats = {
    requests: 0,
    throttled: 0,
    serverErrors: 0,
    slowed: 0,
    denied: 0,
    stuckReports: 0,
    forwarded: [],
  };
  const accountOf = (call: Classified) => accountByKey.get(call.accessKeyId) ?? 'caller';
  const labelOf = (account: string) => plan.accountLabels?.[account] ?? account;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, call: Classified) => {
    const headers = { ...req.headers, host: upstream.host };
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const payload = Buffer.concat(chunks);
          if (call.action === 'AssumeRole') {
            const account = /arn:aws:iam::(\d{12}):role/.exec(decodeURIComponent(call.body))?.[1];
            const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(payload.toString())?.[1];
            if (account && key) accountByKey.set(key, account);
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(payload);
        });
      },
    );
    out.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    out.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const call = classify(req, body.toString());
      const account = accountOf(call);
      stats.requests += 1;
      const key = `${labelOf(account)}|${call.service}|${call.action}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const roll = (what: string) => draw(plan.seed, `${what}|${key}|${occurrence}`);

      if (call.action === 'AssumeRole' && plan.deniedAssumeRoleAccount) {
        const roleArn = decodeURIComponent(new URLSearchParams(call.body).get('RoleArn') ?? '');
        if (roleArn.includes(`::${plan.deniedAssumeRoleAccount}:`)) {
          stats.denied += 1;
          return queryError(
            res,
            403,
            'Sender',
            'AccessDenied',
            `User: arn:aws:iam::123456789012:user/keysweep is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          );
        }
      }
      if (roll('throttle') < (plan.throttleActions?.[call.action] ?? plan.throttleRate)) {
        stats.throttled += 1;
        return throttle(res, call);
      }
      if (roll('5xx') < plan.serverErrorRate) {
        stats.serverErrors += 1;
        return serverError(res, call);
      }
      if (account === plan.stuckCredentialReportAccount) {
        if (call.action === 'GenerateCredentialReport') {
          stats.stuckReports += 1;
          res.writeHead(200, { 'content-type': 'text/xml' });
          return res.end(
            `<GenerateCredentialReportResponse><GenerateCredentialReportResult><State>STARTED</State><Description>No report exists. Starting a new report generation task</Description></GenerateCredentialReportResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GenerateCredentialReportResponse>`,
          );
        }
        if (call.action === 'GetCredentialReport') {
          stats.stuckReports += 1;
          return queryError(res, 404, 'Sender', 'ReportInProgress', 'Report generation in progress');
        }
      }
      let delay = call.service === 'iam' ? (plan.iamDelayMs ?? 0) : 0;
      if (roll('slow') < plan.slowRate) {
        stats.slowed += 1;
        delay += plan.slowMs;
      }
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const assumed = /arn:aws:iam::(\d{12}):role/.exec(decodeURIComponent(call.body))?.[1];
      stats.forwarded.push(`${account} ${call.action}${call.action === 'AssumeRole' ? `:${assumed}` : ''}`);
      forward(req, res, body, call);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stats,
    setPlan(next) {
      plan = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
