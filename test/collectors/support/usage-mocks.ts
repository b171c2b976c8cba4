import {
  type AccessAnalyzerClient,
  GetAnalyzerCommand,
  GetFindingV2Command,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';
import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { AwsStub } from 'aws-sdk-client-mock';
import type { JobPolling } from '../../../src/collectors/iam-usage/last-accessed-job.js';

/** Job polling that never sleeps, on a virtual clock. */
export function instantJobPolling(timeLimitMs = 60_000): JobPolling & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    initialDelayMs: 500,
    maxDelayMs: 4_000,
    timeLimitMs,
    clock: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: aws-sdk-client-mock's stub types are generic over the client
type IamStub = AwsStub<any, any, IAMClient['config']>;
// biome-ignore lint/suspicious/noExplicitAny: as above
type AnalyzerStub = AwsStub<any, any, AccessAnalyzerClient['config']>;

/** One job per ARN: the first poll IN_PROGRESS, then COMPLETED with S3 (action level) and EC2 used. */
export function mockLastAccessedJobs(iam: IamStub, usedAt = new Date('2026-11-20T00:00:00Z')) {
  const polls = new Map<string, number>();
  iam.on(GenerateServiceLastAccessedDetailsCommand).callsFake((input: { Arn: string }) => ({
    JobId: `job:${input.Arn}`,
  }));
  iam.on(GetServiceLastAccessedDetailsCommand).callsFake((input: { JobId: string }) => {
    const seen = (polls.get(input.JobId) ?? 0) + 1;
    polls.set(input.JobId, seen);
    if (seen === 1) return { JobStatus: 'IN_PROGRESS', JobCreationDate: usedAt, ServicesLastAccessed: [] };
    return {
      JobStatus: 'COMPLETED',
      JobType: 'ACTION_LEVEL',
      JobCreationDate: usedAt,
      JobCompletionDate: usedAt,
      ServicesLastAccessed: [
        {
          ServiceName: 'Amazon S3',
          ServiceNamespace: 's3',
          LastAuthenticated: usedAt,
          LastAuthenticatedRegion: 'eu-west-1',
          TotalAuthenticatedEntities: 1,
          TrackedActionsLastAccessed: [
            { ActionName: 'GetObject', LastAccessedTime: usedAt, LastAccessedRegion: 'eu-west-1' },
            { ActionName: 'PutObject' },
          ],
        },
        { ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2', LastAuthenticated: usedAt },
        { ServiceName: 'AWS Lambda', ServiceNamespace: 'lambda', TotalAuthenticatedEntities: 0 },
      ],
      IsTruncated: false,
    };
  });
}

export const ANALYZER_ARN = 'arn:aws:access-analyzer:us-east-1:000000000000:analyzer/org-unused';

/** An organization unused-access analyzer excluding `excludedAccountIds`, one finding per account. */
export function mockUnusedAccessAnalyzer(analyzer: AnalyzerStub, excludedAccountIds: string[]) {
  analyzer.on(ListAnalyzersCommand).resolves({
    analyzers: [
      {
        arn: ANALYZER_ARN,
        name: 'org-unused',
        type: 'ORGANIZATION_UNUSED_ACCESS',
        status: 'ACTIVE',
        createdAt: new Date('2026-01-01T00:00:00Z'),
      },
    ],
  });
  analyzer.on(GetAnalyzerCommand).resolves({
    analyzer: {
      arn: ANALYZER_ARN,
      name: 'org-unused',
      type: 'ORGANIZATION_UNUSED_ACCESS',
      status: 'ACTIVE',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      configuration: {
        unusedAccess: {
          unusedAccessAge: 90,
          analysisRule: { exclusions: [{ accountIds: excludedAccountIds }] },
        },
      },
    },
  });
  analyzer
    .on(ListFindingsV2Command)
    .callsFake((input: { filter: { resourceOwnerAccount: { eq: string[] } } }) => {
      const account = input.filter.resourceOwnerAccount.eq[0];
      return {
        findings: [
          {
            id: `finding-${account}`,
            resource: `arn:aws:iam::${account}:user/human-${account}`,
            resourceType: 'AWS::IAM::User',
            resourceOwnerAccount: account,
            findingType: 'UnusedPermission',
            status: 'ACTIVE',
            analyzedAt: new Date('2026-11-30T00:00:00Z'),
            createdAt: new Date('2026-11-30T00:00:00Z'),
            updatedAt: new Date('2026-11-30T00:00:00Z'),
          },
        ],
      };
    });
  analyzer.on(GetFindingV2Command).resolves({
    findingDetails: [
      {
        unusedPermissionDetails: {
          serviceNamespace: 'dynamodb',
          lastAccessed: new Date('2025-01-01T00:00:00Z'),
          actions: [{ action: 'DeleteTable' }],
        },
      },
    ],
  });
}
