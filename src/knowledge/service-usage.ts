import type {
  AccountUsage,
  CollectedPrincipalUsage,
  PrincipalUsage,
  ServiceUsage,
  UsageSource,
} from '../inventory/iam-usage-schema.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Account } from '../inventory/snapshot-schema.js';

/**
 * What a principal used, read once from the usage evidence so every consumer (rules, the kit, the
 * access matrix) agrees. "Used" means an authenticated attempt inside the window; AWS counts denied
 * attempts as use, keeps about 400 days and shows new activity after about four hours.
 */
export interface ServicesUsedInWindow {
  arn: string;
  source: UsageSource;
  windowDays: number;
  /** Services used inside the window, each with its last use and, where AWS tracks them, the used actions. */
  used: UsedService[];
  /**
   * Services the principal holds and did not use inside the window. For analyzer facts this is what the
   * analyzer named (its own period); for a job it is every listed service without use in the window.
   */
  unused: string[];
  /** null when the evidence cannot say what the principal holds (analyzer facts name only the unused). */
  granted: string[] | null;
}

export interface UsedService {
  namespace: string;
  lastAccessed: string;
  /** Actions used in the window where AWS returned action-level data; null: service level only. */
  actions: string[] | null;
  /** Action-level data was returned for this service (the used list may be empty). */
  actionLevel: boolean;
}

const DAY_MS = 86_400_000;

export function windowStart(now: Date, windowDays: number): number {
  return now.getTime() - windowDays * DAY_MS;
}

function inWindow(iso: string | null, since: number): iso is string {
  return iso !== null && Date.parse(iso) >= since;
}

/** The services a principal used within `windowDays` before `now`, and those it holds but did not use. */
export function servicesUsedInWindow(
  usage: CollectedPrincipalUsage,
  now: Date,
  windowDays: number,
): ServicesUsedInWindow {
  const since = windowStart(now, windowDays);
  if (usage.coverage === 'unused-only') {
    return {
      arn: usage.arn,
      source: usage.source,
      windowDays,
      used: [],
      unused: usage.services.filter((s) => !inWindow(s.lastAccessed, since)).map((s) => s.namespace),
      granted: null,
    };
  }
  const used: UsedService[] = [];
  const unused: string[] = [];
  for (const service of usage.services) {
    if (!inWindow(service.lastAccessed, since)) {
      unused.push(service.namespace);
      continue;
    }
    used.push(usedService(service, since));
  }
  return {
    arn: usage.arn,
    source: usage.source,
    windowDays,
    used,
    unused,
    granted: usage.services.map((s) => s.namespace),
  };
}

function usedService(service: ServiceUsage, since: number): UsedService {
  const lastAccessed = service.lastAccessed ?? '';
  if (service.actions === null)
    return { namespace: service.namespace, lastAccessed, actions: null, actionLevel: false };
  return {
    namespace: service.namespace,
    lastAccessed,
    actions: service.actions.filter((a) => inWindow(a.lastAccessed, since)).map((a) => a.action),
    actionLevel: true,
  };
}

/** The usage slice of an account when collected, else null ("unknown", never "unused"). */
export function accountUsage(account: Account): AccountUsage | null {
  return collectedData(account.iam.usage) ?? null;
}

/** Collected usage per principal ARN (failed principals left out: nothing is known of them). */
export function usageByPrincipal(usage: AccountUsage): Map<string, CollectedPrincipalUsage> {
  const byArn = new Map<string, CollectedPrincipalUsage>();
  for (const principal of usage.principals)
    if (principal.status === 'ok') byArn.set(principal.arn, principal);
  return byArn;
}

export function isCollected(principal: PrincipalUsage): principal is CollectedPrincipalUsage {
  return principal.status === 'ok';
}

/**
 * The permission set an Identity Center role stands for: AWSReservedSSO_<permission set name>_<16 hex>.
 * null for any other role name.
 */
export function permissionSetNameOfReservedRole(roleName: string): string | null {
  return /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/.exec(roleName)?.[1] ?? null;
}

/** Actions IAM's last accessed data never tracks: proposals flag them for review instead of dropping them. */
export const UNTRACKED_ACTIONS: ReadonlyArray<{ action: string; why: string }> = [
  { action: 'iam:PassRole', why: 'iam:PassRole is not tracked by last accessed data' },
];

/** Data events (e.g. s3:GetObject on objects, Lambda Invoke) are not tracked at action level. */
export const DATA_EVENT_NOTE =
  'data events (S3 object reads and writes, Lambda Invoke, DynamoDB item calls) are not tracked at action level';
