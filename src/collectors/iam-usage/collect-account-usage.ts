import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import type { IAMClient } from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import { failed, ok, type Slice } from '../../inventory/collection.js';
import type {
  AccountUsage,
  PrincipalUsage,
  UsageCost,
  UsagePrincipalType,
} from '../../inventory/iam-usage-schema.js';
import { describeAwsError } from '../aws-error.js';
import { TokenBucket } from '../retry/token-bucket.js';
import { DEFAULT_JOB_POLLING, type JobPolling, readLastAccessed } from './last-accessed-job.js';
import {
  analyzerCovers,
  readUnusedAccessFindings,
  type UnusedAccessAnalyzer,
  type UnusedAccessFacts,
} from './unused-access-analyzer.js';

/** A user or role as the IAM collector already read it (ARN, path, tags). */
export interface UsagePrincipal {
  arn: string;
  path: string;
  name: string;
  kind: 'user' | 'role';
  tags: Readonly<Record<string, string>>;
}

export interface JobPacing {
  /** Job creations per second in one account (a token bucket; IAM publishes no rate for them). */
  jobsPerSecond: number;
  /** Jobs running at once in one account. */
  concurrentJobs: number;
}

export const DEFAULT_JOB_PACING: JobPacing = { jobsPerSecond: 2, concurrentJobs: 4 };

export interface AccountUsageInput {
  iam: IAMClient;
  accountId: string;
  principals: readonly UsagePrincipal[];
  windowDays: number;
  polling?: JobPolling;
  pacing?: JobPacing;
  /** The organization's unused-access analyzer, read instead of jobs for the principals it covers. */
  analyzer?: { client: AccessAnalyzerClient; analyzer: UnusedAccessAnalyzer } | null;
  onNote?: (message: string) => void;
  clock?: () => number;
}

const IDENTITY_CENTER_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/';
const SERVICE_LINKED_ROLE_PATH = '/aws-service-role/';

export function usagePrincipalType(
  principal: Pick<UsagePrincipal, 'kind' | 'path' | 'name'>,
): UsagePrincipalType {
  if (principal.kind === 'user') return 'user';
  return principal.path.startsWith(IDENTITY_CENTER_ROLE_PATH) && principal.name.startsWith('AWSReservedSSO_')
    ? 'identity-center-role'
    : 'role';
}

/**
 * The `iam.usage` slice of one account. Service-linked roles are left out: AWS owns their policies,
 * so nothing could be right-sized. Principals an organization unused-access analyzer covers are read
 * from its findings; every other one costs a GenerateServiceLastAccessedDetails job, paced per
 * account. One principal's failed job is recorded on that principal; the slice fails only when every
 * job failed the same way (no permission, or an endpoint without the API).
 */
export async function collectAccountUsage(input: AccountUsageInput): Promise<Slice<AccountUsage>> {
  const clock = input.clock ?? (() => performance.now());
  const started = clock();
  const polling = input.polling ?? DEFAULT_JOB_POLLING;
  const pacing = input.pacing ?? DEFAULT_JOB_PACING;
  const counters = { jobs: 0, polls: 0, findingReads: 0 };
  const candidates = input.principals.filter((p) => !p.path.startsWith(SERVICE_LINKED_ROLE_PATH));

  const analyzerFacts = await readAnalyzerFacts(input, counters);
  const covered = (p: UsagePrincipal) =>
    analyzerFacts !== null &&
    input.analyzer !== undefined &&
    input.analyzer !== null &&
    analyzerCovers(input.analyzer.analyzer, input.accountId, p.tags);

  const pacer = new TokenBucket({
    ratePerSecond: pacing.jobsPerSecond,
    burst: Math.max(1, Math.ceil(pacing.jobsPerSecond)),
  });
  const limit = pLimit(pacing.concurrentJobs);
  const principals = await Promise.all(
    candidates.map((p): Promise<PrincipalUsage> => {
      const principalType = usagePrincipalType(p);
      if (covered(p)) return Promise.resolve(fromAnalyzer(p, principalType, analyzerFacts?.get(p.arn)));
      return limit(async () => {
        try {
          const result = await readLastAccessed(input.iam, p.arn, polling, counters, pacer);
          return {
            arn: p.arn,
            principalType,
            status: 'ok',
            source: 'last-accessed-job',
            coverage: 'granted-services',
            asOf: result.completedAt,
            services: result.services,
          };
        } catch (error) {
          return { arn: p.arn, principalType, status: 'failed', error: describeAwsError(error) };
        }
      });
    }),
  );
  principals.sort((a, b) => a.arn.localeCompare(b.arn));
  const cost: UsageCost = { ...counters, seconds: Math.round(clock() - started) / 1000 };
  const failures = principals.filter((p) => p.status === 'failed');
  const first = failures[0];
  if (
    first &&
    failures.length === principals.length &&
    failures.every((f) => f.error.code === first.error.code)
  )
    return failed(first.error.code, `GenerateServiceLastAccessedDetails: ${first.error.message}`);
  return ok({ windowDays: input.windowDays, principals, cost });
}

async function readAnalyzerFacts(
  input: AccountUsageInput,
  counters: { findingReads: number },
): Promise<Map<string, UnusedAccessFacts> | null> {
  const { analyzer } = input;
  if (!analyzer || analyzer.analyzer.excludedAccountIds.has(input.accountId)) return null;
  try {
    return await readUnusedAccessFindings(analyzer.client, analyzer.analyzer, input.accountId, counters);
  } catch (error) {
    const { code } = describeAwsError(error);
    input.onNote?.(
      `usage ${input.accountId}: analyzer ${analyzer.analyzer.name} findings unreadable (${code}); using last-accessed jobs`,
    );
    return null;
  }
}

function fromAnalyzer(
  principal: UsagePrincipal,
  principalType: UsagePrincipalType,
  facts: UnusedAccessFacts | undefined,
): PrincipalUsage {
  return {
    arn: principal.arn,
    principalType,
    status: 'ok',
    source: 'access-analyzer',
    coverage: 'unused-only',
    asOf: facts?.asOf ?? null,
    services: facts?.unusedServices ?? [],
    ...(facts?.principalUnused ? { principalUnused: true } : {}),
  };
}

/** The one-line cost of an account's usage evidence, for progress lines. */
export function describeUsageCost(accountId: string, cost: UsageCost): string {
  return `usage ${accountId}: ${cost.jobs} job(s), ${cost.polls} poll(s), ${cost.findingReads} analyzer read(s), ${cost.seconds.toFixed(1)} s`;
}
