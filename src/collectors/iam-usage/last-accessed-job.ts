import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type IAMClient,
  type ServiceLastAccessed,
} from '@aws-sdk/client-iam';
import type { ServiceUsage } from '../../inventory/iam-usage-schema.js';
import type { TokenBucket } from '../retry/token-bucket.js';
import { mapServiceLastAccessed } from './map-last-accessed.js';

export interface JobPolling {
  /** First wait after the job is created; doubled per poll up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A job still IN_PROGRESS after this long is given up (that principal: JobTimeout). */
  timeLimitMs: number;
  sleep: (ms: number) => Promise<void>;
  clock: () => number;
}

export const DEFAULT_JOB_POLLING: JobPolling = {
  initialDelayMs: 1_000,
  maxDelayMs: 8_000,
  timeLimitMs: 300_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => Date.now(),
};

/** Jobs and polls sent, shared by every job of an account. */
export interface JobCounters {
  jobs: number;
  polls: number;
}

export class LastAccessedJobFailed extends Error {
  override readonly name: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
  }
}

export interface LastAccessedResult {
  completedAt: string | null;
  services: ServiceUsage[];
}

/**
 * One principal's service last accessed data at action level. The job is created and read with the
 * same client (the same session): IAM only returns a job to the identity that created it. Throttling
 * and 5xx are retried by the client's retry strategy within the call budget; `pacer` spaces the job
 * creations of one account (IAM publishes no rate for them, and bulk creation throttles).
 */
export async function readLastAccessed(
  iam: IAMClient,
  arn: string,
  polling: JobPolling,
  counters: JobCounters,
  pacer?: Pick<TokenBucket, 'take'>,
): Promise<LastAccessedResult> {
  await pacer?.take();
  counters.jobs += 1;
  const { JobId } = await iam.send(
    new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: 'ACTION_LEVEL' }),
  );
  if (!JobId)
    throw new LastAccessedJobFailed('NoJobId', 'GenerateServiceLastAccessedDetails returned no JobId');
  const deadline = polling.clock() + polling.timeLimitMs;
  let delay = polling.initialDelayMs;
  for (;;) {
    if (polling.clock() + delay > deadline)
      throw new LastAccessedJobFailed(
        'JobTimeout',
        `service last accessed job still IN_PROGRESS after ${Math.round(polling.timeLimitMs / 1000)} s`,
      );
    await polling.sleep(delay);
    delay = Math.min(delay * 2, polling.maxDelayMs);
    counters.polls += 1;
    const first = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    if (first.JobStatus === 'IN_PROGRESS') continue;
    if (first.JobStatus === 'FAILED')
      throw new LastAccessedJobFailed(
        first.Error?.Code ?? 'JobFailed',
        `service last accessed job FAILED: ${first.Error?.Message ?? 'no reason given'}`,
      );
    const services: ServiceLastAccessed[] = [...(first.ServicesLastAccessed ?? [])];
    let marker = first.IsTruncated ? first.Marker : undefined;
    while (marker) {
      counters.polls += 1;
      const page = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId, Marker: marker }));
      services.push(...(page.ServicesLastAccessed ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
    }
    return {
      completedAt: first.JobCompletionDate ? first.JobCompletionDate.toISOString() : null,
      services: services.map(mapServiceLastAccessed).sort((a, b) => a.namespace.localeCompare(b.namespace)),
    };
  }
}
