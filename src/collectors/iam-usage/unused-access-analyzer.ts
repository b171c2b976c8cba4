import {
  type AccessAnalyzerClient,
  type FindingDetails,
  GetAnalyzerCommand,
  paginateGetFindingV2,
  paginateListAnalyzers,
  paginateListFindingsV2,
} from '@aws-sdk/client-accessanalyzer';
import type { ServiceUsage } from '../../inventory/iam-usage-schema.js';

/** An organization's unused-access analyzer and the scope it covers. */
export interface UnusedAccessAnalyzer {
  arn: string;
  name: string;
  /** Days without use after which the analyzer reports access as unused. */
  unusedAccessAgeDays: number | null;
  excludedAccountIds: ReadonlySet<string>;
  /** Principals carrying every tag of one of these sets are excluded. */
  excludedTagSets: ReadonlyArray<Record<string, string>>;
}

/**
 * The ACTIVE organization-level unused-access analyzer visible to the caller, or null. ListAnalyzers
 * omits the configuration (age, exclusions), so the one found is read again with GetAnalyzer.
 */
export async function findOrganizationUnusedAccessAnalyzer(
  client: AccessAnalyzerClient,
): Promise<UnusedAccessAnalyzer | null> {
  for await (const page of paginateListAnalyzers({ client }, { type: 'ORGANIZATION_UNUSED_ACCESS' })) {
    for (const summary of page.analyzers ?? []) {
      if (summary.status !== 'ACTIVE' || !summary.name || !summary.arn) continue;
      const { analyzer } = await client.send(new GetAnalyzerCommand({ analyzerName: summary.name }));
      const unused = analyzer?.configuration?.unusedAccess;
      const exclusions = unused?.analysisRule?.exclusions ?? [];
      return {
        arn: summary.arn,
        name: summary.name,
        unusedAccessAgeDays: unused?.unusedAccessAge ?? null,
        excludedAccountIds: new Set(exclusions.flatMap((e) => e.accountIds ?? [])),
        excludedTagSets: exclusions.flatMap((e) => e.resourceTags ?? []),
      };
    }
  }
  return null;
}

/** Whether the analyzer's findings speak for this principal (its account and tags not excluded). */
export function analyzerCovers(
  analyzer: UnusedAccessAnalyzer,
  accountId: string,
  tags: Readonly<Record<string, string>>,
): boolean {
  if (analyzer.excludedAccountIds.has(accountId)) return false;
  return !analyzer.excludedTagSets.some(
    (set) => Object.keys(set).length > 0 && Object.entries(set).every(([k, v]) => tags[k] === v),
  );
}

/** What the analyzer says went unused for one principal. */
export interface UnusedAccessFacts {
  asOf: string | null;
  /** An UnusedIAMRole finding: the role itself went unused. */
  principalUnused: boolean;
  unusedServices: ServiceUsage[];
}

const isoOf = (date: Date | undefined) => (date ? date.toISOString() : null);

/**
 * The ACTIVE UnusedPermission and UnusedIAMRole findings on one account's principals, by principal
 * ARN. A principal the analyzer covers and that has none of them used everything it holds within the
 * analyzer's period.
 */
export async function readUnusedAccessFindings(
  client: AccessAnalyzerClient,
  analyzer: UnusedAccessAnalyzer,
  accountId: string,
  counters: { findingReads: number },
): Promise<Map<string, UnusedAccessFacts>> {
  const facts = new Map<string, UnusedAccessFacts>();
  const filter = {
    resourceOwnerAccount: { eq: [accountId] },
    status: { eq: ['ACTIVE'] },
    findingType: { eq: ['UnusedPermission', 'UnusedIAMRole'] },
  };
  for await (const page of paginateListFindingsV2({ client }, { analyzerArn: analyzer.arn, filter })) {
    counters.findingReads += 1;
    for (const finding of page.findings ?? []) {
      if (!finding.resource || !finding.id) continue;
      const entry = facts.get(finding.resource) ?? { asOf: null, principalUnused: false, unusedServices: [] };
      entry.asOf = maxIso(entry.asOf, isoOf(finding.updatedAt));
      if (finding.findingType === 'UnusedIAMRole') entry.principalUnused = true;
      else {
        for await (const detailPage of paginateGetFindingV2(
          { client },
          { analyzerArn: analyzer.arn, id: finding.id },
        )) {
          counters.findingReads += 1;
          entry.unusedServices.push(...(detailPage.findingDetails ?? []).flatMap(unusedService));
        }
      }
      facts.set(finding.resource, entry);
    }
  }
  for (const entry of facts.values())
    entry.unusedServices.sort((a, b) => a.namespace.localeCompare(b.namespace));
  return facts;
}

function unusedService(detail: FindingDetails): ServiceUsage[] {
  const unused = detail.unusedPermissionDetails;
  if (!unused?.serviceNamespace) return [];
  const namespace = unused.serviceNamespace;
  return [
    {
      namespace,
      name: null,
      lastAccessed: isoOf(unused.lastAccessed),
      region: null,
      actions: unused.actions
        ? unused.actions.map((a) => ({
            action: (a.action ?? '').includes(':') ? (a.action ?? '') : `${namespace}:${a.action ?? ''}`,
            lastAccessed: isoOf(a.lastAccessed),
            region: null,
          }))
        : null,
    },
  ];
}

function maxIso(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
