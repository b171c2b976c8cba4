import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A loopback stub in front of moto_server for the APIs moto lacks: IAM service last accessed jobs
 * (GenerateServiceLastAccessedDetails / GetServiceLastAccessedDetails) and IAM Access Analyzer
 * (ListAnalyzers, GetAnalyzer, ListFindingsV2, GetFindingV2). It answers those from a fixture the
 * way AWS documents them (IN_PROGRESS before COMPLETED, Marker pagination, a job readable only by the
 * identity that created it) and forwards every other request to moto unchanged.
 *
 * The fixture is set with POST /usage-stub/fixture (JSON) and cleared with moto's own reset
 * (POST /moto-api/reset), which is also forwarded. GET /usage-stub/stats returns the counts.
 */
export interface StubService {
  namespace: string;
  name?: string;
  /** ISO date of the last authenticated use; absent: unused. */
  lastAuthenticated?: string;
  region?: string;
  /** Action-level data (as AWS returns for the services it tracks), ActionName without prefix. */
  actions?: Array<{ name: string; lastAccessed?: string }>;
}

export interface UsageStubFixture {
  /** ARN suffix after the account id (`user/alice`, `role/hub-admin`) → the services the job lists. */
  services: Record<string, StubService[]>;
  /** Polls answered IN_PROGRESS before a job is COMPLETED. */
  inProgressPolls?: number;
  /** Services per GetServiceLastAccessedDetails page (Marker pagination). */
  pageSize?: number;
  /** ARN suffixes whose job ends FAILED. */
  failedJobs?: string[];
}

export interface UsageStubStats {
  jobsCreated: number;
  polls: number;
  analyzerCalls: number;
  /** Reads by another identity than the job's creator (AWS answers NoSuchEntity). */
  foreignReads: number;
}

interface Job {
  arn: string;
  creatorKey: string;
  polls: number;
}

const EMPTY: UsageStubFixture = { services: {} };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function iamXml(res: ServerResponse, action: string, result: string) {
  res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  res.end(
    `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

function iamError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  res.end(
    `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function serviceXml(service: StubService): string {
  const field = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;
  const actions = service.actions
    ? `<TrackedActionsLastAccessed>${service.actions
        .map(
          (a) =>
            `<member>${field('ActionName', a.name)}${field('LastAccessedTime', a.lastAccessed)}${field('LastAccessedRegion', a.lastAccessed ? (service.region ?? 'us-east-1') : undefined)}</member>`,
        )
        .join('')}</TrackedActionsLastAccessed>`
    : '';
  return `<member>${field('ServiceName', service.name ?? service.namespace)}${field('ServiceNamespace', service.namespace)}${field('LastAuthenticated', service.lastAuthenticated)}${field('LastAuthenticatedRegion', service.lastAuthenticated ? (service.region ?? 'us-east-1') : undefined)}${field('TotalAuthenticatedEntities', service.lastAuthenticated ? '1' : '0')}${actions}</member>`;
}

function accessKeyOf(req: IncomingMessage): string {
  return /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
}

function signingService(req: IncomingMessage): string {
  return /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
}

export interface UsageStub {
  endpoint: string;
  stats: UsageStubStats;
  setFixture(fixture: UsageStubFixture): void;
  close(): Promise<void>;
}

export async function startUsageStub(target: string): Promise<UsageStub> {
  const upstream = new URL(target);
  let fixture: UsageStubFixture = EMPTY;
  const jobs = new Map<string, Job>();
  const stats: UsageStubStats = { jobsCreated: 0, polls: 0, analyzerCalls: 0, foreignReads: 0 };
  const reset = () => {
    fixture = EMPTY;
    jobs.clear();
    Object.assign(stats, { jobsCreated: 0, polls: 0, analyzerCalls: 0, foreignReads: 0 });
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    out.end(body);
  };

  const suffixOf = (arn: string) => arn.split(':').slice(5).join(':');

  const answerIam = (req: IncomingMessage, res: ServerResponse, params: URLSearchParams): boolean => {
    const action = params.get('Action');
    if (action === 'GenerateServiceLastAccessedDetails') {
      const arn = params.get('Arn') ?? '';
      const id = randomUUID();
      jobs.set(id, { arn, creatorKey: accessKeyOf(req), polls: 0 });
      stats.jobsCreated += 1;
      iamXml(res, action, `<JobId>${id}</JobId>`);
      return true;
    }
    if (action === 'GetServiceLastAccessedDetails') {
      stats.polls += 1;
      const job = jobs.get(params.get('JobId') ?? '');
      if (!job || job.creatorKey !== accessKeyOf(req)) {
        if (job) stats.foreignReads += 1;
        iamError(res, 404, 'NoSuchEntity', 'The job does not exist or was created by another session');
        return true;
      }
      job.polls += 1;
      const created =
        '<JobType>ACTION_LEVEL</JobType><JobCreationDate>2026-11-30T00:00:00Z</JobCreationDate>';
      if (job.polls <= (fixture.inProgressPolls ?? 1)) {
        iamXml(res, action, `<JobStatus>IN_PROGRESS</JobStatus>${created}<ServicesLastAccessed/>`);
        return true;
      }
      if (fixture.failedJobs?.includes(suffixOf(job.arn))) {
        iamXml(
          res,
          action,
          `<JobStatus>FAILED</JobStatus>${created}<JobCompletionDate>2026-11-30T00:00:01Z</JobCompletionDate><ServicesLastAccessed/><Error><Message>stubbed failure</Message><Code>ServiceFailure</Code></Error>`,
        );
        return true;
      }
      const services = fixture.services[suffixOf(job.arn)] ?? [];
      const start = Number(params.get('Marker') ?? '0');
      const size = fixture.pageSize ?? 100;
      const page = services.slice(start, start + size);
      const more = start + size < services.length;
      iamXml(
        res,
        action,
        `<JobStatus>COMPLETED</JobStatus>${created}<JobCompletionDate>2026-11-30T00:00:01Z</JobCompletionDate><IsTruncated>${more}</IsTruncated>${more ? `<Marker>${start + size}</Marker>` : ''}<ServicesLastAccessed>${page.map(serviceXml).join('')}</ServicesLastAccessed>`,
      );
      return true;
    }
    return false;
  };

  const answerAnalyzer = (req: IncomingMessage, res: ServerResponse) => {
    stats.analyzerCalls += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() });
    // No organization analyzer in the stubbed organization: every principal gets a job.
    if ((req.url ?? '').startsWith('/analyzer')) res.end(JSON.stringify({ analyzers: [] }));
    else res.end(JSON.stringify({ findings: [] }));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '';
      if (url === '/usage-stub/fixture' && req.method === 'POST') {
        fixture = JSON.parse(body.toString()) as UsageStubFixture;
        res.writeHead(204).end();
        return;
      }
      if (url === '/usage-stub/stats') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
        return;
      }
      if (url.startsWith('/moto-api/reset')) reset();
      if (signingService(req) === 'access-analyzer') return answerAnalyzer(req, res);
      if (signingService(req) === 'iam' && answerIam(req, res, new URLSearchParams(body.toString()))) return;
      forward(req, res, body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('usage stub: no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stats,
    setFixture(next) {
      fixture = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
