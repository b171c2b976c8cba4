import type { CollectedPrincipalUsage, UsageSource } from '../inventory/iam-usage-schema.js';
import type { PolicyDocument } from '../inventory/policy-document.js';
import { usedFromAnalyzer } from './analyzer-usage.js';
import type { HeldPermissions } from './held-permissions.js';
import { globMatch } from './identity-policy-allows.js';
import { JOB_FUNCTION_POLICIES, type JobFunctionPolicy } from './job-function-policies.js';
import type { ServiceReference } from './service-reference.js';
import { servicesUsedInWindow } from './service-usage.js';

/**
 * Right-sizing from evidence: for a set of principals (the people of one group, or the users of one
 * Identity Center role), the union of what they used in the window becomes a proposal, never wider
 * than what every one of them holds today.
 *
 * high: actions AWS tracked and saw used. medium: a service used where AWS keeps service-level data
 * only (`svc:*`, or the held actions of it). review: actions last accessed data never tracks (data
 * events, iam:PassRole): kept so nothing breaks, flagged for a person to confirm or remove. low: a
 * service only IAM Access Analyzer's unused-access findings speak of, used = granted − unused
 * (analyzer-usage.ts): used within the analyzer's own period, service level, and only as complete
 * as the findings keysweep could read.
 */
export type Confidence = 'high' | 'medium' | 'low' | 'review';

export interface ProposedStatement {
  sid: string;
  actions: string[];
  confidence: Confidence;
  reason: string;
}

export interface UsedServiceEvidence {
  namespace: string;
  lastAccessed: string;
  /** Principals of the set that used it. */
  usedBy: number;
  actionLevel: boolean;
  /** Used actions where AWS tracks them. */
  actions: string[] | null;
}

export interface RightSizingEvidence {
  windowDays: number;
  principals: number;
  sources: UsageSource[];
  asOf: string | null;
  /** Services the principals hold per the evidence (the union of the job answers). */
  servicesHeld: number;
  /** Their namespaces, sorted. */
  heldNamespaces: string[];
  used: UsedServiceEvidence[];
}

export type RightSizing =
  | { kind: 'unknown'; reason: string }
  | { kind: 'keep'; reason: string; evidence: RightSizingEvidence }
  | { kind: 'managed-job-function'; policyArn: string; policyVersion: string; evidence: RightSizingEvidence }
  | {
      kind: 'inline';
      statements: ProposedStatement[];
      document: PolicyDocument;
      /** Non-whitespace characters, as IAM counts a policy's size. */
      size: number;
      evidence: RightSizingEvidence;
    };

/**
 * Identity Center puts a permission set's inline policy on the role it provisions in each account, and
 * IAM limits a role's inline policies to 10,240 characters without whitespace (the API itself takes
 * up to 32,768): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html,
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html
 */
export const PERMISSION_SET_INLINE_POLICY_MAX_CHARS = 10_240;
export const PERMISSION_SET_INLINE_POLICY_API_MAX = 32_768;

/** Untracked actions of one service listed one by one up to this many; beyond, `svc:*` for review. */
export const UNTRACKED_LISTED_MAX = 40;

export interface RightSizingInput {
  principals: readonly CollectedPrincipalUsage[];
  now: Date;
  windowDays: number;
  /** What every principal holds today (see heldByAll); null when that is not known. */
  held: HeldPermissions | null;
  reference: ServiceReference;
  /** A job-function policy may allow up to this many actions beyond the proposal (JOB_FUNCTION_SLACK). */
  jobFunctionSlack?: number;
}

export function proposeRightSizing(raw: RightSizingInput): RightSizing {
  const { held, reference } = raw;
  if (raw.principals.length === 0)
    return { kind: 'unknown', reason: 'no usage evidence for these principals' };
  if (!held)
    return {
      kind: 'unknown',
      reason:
        'what the principals hold today is not known (an AWS managed policy keysweep has no document of)',
    };
  // Analyzer facts (only what went unused) become used = granted − unused, at service level.
  const principals: CollectedPrincipalUsage[] = [];
  const derived = new Set<string>();
  for (const p of raw.principals) {
    const converted = usedFromAnalyzer(p, held, reference);
    if (!converted)
      return {
        kind: 'unknown',
        reason:
          'analyzer findings name only what went unused, and what was granted (or the finding date) is not known',
      };
    principals.push(converted.principal);
    for (const n of converted.derived) derived.add(n);
  }
  for (const p of raw.principals)
    if (p.coverage === 'granted-services')
      for (const u of servicesUsedInWindow(p, raw.now, raw.windowDays).used) derived.delete(u.namespace);
  const input = { ...raw, principals };

  const evidence = gatherEvidence(input);
  if (evidence.used.length === 0)
    return {
      kind: 'keep',
      reason: `nothing used in the last ${input.windowDays} days: remove the access rather than narrow it`,
      evidence,
    };

  const heldService = (service: string) => {
    const actions = reference.actionsOf(service);
    return actions !== null && actions.length > 0 && actions.every((a) => held(a));
  };
  const high = new Set<string>();
  const medium = new Set<string>();
  const low = new Set<string>();
  const review = new Set<string>();
  const trackedBy = trackedActions(principals);
  for (const used of evidence.used) {
    const all = reference.actionsOf(used.namespace);
    if (!used.actionLevel) {
      const into = derived.has(used.namespace) ? low : medium;
      if (heldService(used.namespace)) into.add(`${used.namespace}:*`);
      else for (const action of all ?? []) if (held(action)) into.add(action);
      continue;
    }
    for (const action of used.actions ?? []) if (held(action)) high.add(canonical(action, all));
    const tracked = new Set([...(trackedBy.get(used.namespace) ?? [])].map((a) => a.toLowerCase()));
    const untracked = (all ?? []).filter((a) => !tracked.has(a.toLowerCase()) && held(a));
    // Most of the service untracked (AWS returned action data for a few actions only): the service as a
    // whole stays for review rather than hundreds of names that would not fit an inline policy.
    if (untracked.length > UNTRACKED_LISTED_MAX && heldService(used.namespace))
      review.add(`${used.namespace}:*`);
    else for (const action of untracked) review.add(action);
  }
  // iam:PassRole is never tracked: whoever holds it keeps it, for review.
  if (held('iam:PassRole') && principals.some((p) => p.services.some((s) => s.namespace === 'iam')))
    review.add('iam:PassRole');
  for (const action of [...high, ...medium, ...low]) review.delete(action);
  for (const wildcard of review)
    if (wildcard.endsWith(':*'))
      for (const action of [...review])
        if (action !== wildcard && action.startsWith(wildcard.slice(0, -1))) review.delete(action);
  for (const action of [...medium, ...low])
    if (action.endsWith(':*'))
      for (const r of [...review]) if (r.startsWith(action.slice(0, -1))) review.delete(r);

  const statements: ProposedStatement[] = [
    {
      sid: 'UsedActions',
      actions: [...high].sort(),
      confidence: 'high' as const,
      reason: 'actions AWS tracked and saw used in the window',
    },
    {
      sid: 'UsedServices',
      actions: [...medium].sort(),
      confidence: 'medium' as const,
      reason: 'services used in the window; AWS keeps service-level data only for them',
    },
    {
      sid: 'UsedPerAnalyzer',
      actions: [...low].sort(),
      confidence: 'low' as const,
      reason:
        'granted and not reported unused by IAM Access Analyzer (its own period, service level): used = granted − unused',
    },
    {
      sid: 'ReviewUntracked',
      actions: [...review].sort(),
      confidence: 'review' as const,
      reason: 'not tracked by last accessed data (data events, iam:PassRole): kept, confirm or remove',
    },
  ]
    .map((s) => ({ ...s, actions: compressActions(s.actions, reference) }))
    .filter((s) => s.actions.length > 0);
  const document: PolicyDocument = {
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      Sid: s.sid,
      Effect: 'Allow' as const,
      Action: s.actions,
      Resource: '*',
    })),
  };
  const jobFunction = coveringJobFunction(
    statements.flatMap((st) => st.actions),
    held,
    reference,
    input.jobFunctionSlack ?? JOB_FUNCTION_SLACK,
  );
  if (jobFunction)
    return {
      kind: 'managed-job-function',
      policyArn: jobFunction.arn,
      policyVersion: jobFunction.versionId,
      evidence,
    };
  const problem = validateInlinePolicy(document, reference);
  if (problem) return { kind: 'keep', reason: `the proposal does not validate: ${problem}`, evidence };
  return { kind: 'inline', statements, document, size: policySize(document), evidence };
}

/**
 * Shortens a statement's action list: where it holds every action of a service starting with one verb
 * (Get, List, Describe…), the list says `svc:Verb*`, which the service reference expands to exactly those.
 */
export function compressActions(actions: readonly string[], reference: ServiceReference): string[] {
  const chosen = new Set(actions);
  const out = new Set<string>();
  const byService = new Map<string, string[]>();
  for (const action of actions) {
    const [service] = action.split(':');
    byService.set(service ?? '', [...(byService.get(service ?? '') ?? []), action]);
  }
  for (const [service, list] of byService) {
    const all = reference.actionsOf(service) ?? [];
    const verbs = new Map<string, string[]>();
    for (const action of all) {
      const verb = /^[^:]+:([A-Z][a-z]+)/.exec(action)?.[1];
      if (verb) verbs.set(verb, [...(verbs.get(verb) ?? []), action]);
    }
    const covered = new Set<string>();
    for (const [verb, members] of verbs) {
      const everyPrefixed = all.filter((a) => a.startsWith(`${service}:${verb}`));
      if (members.length > 1 && everyPrefixed.every((a) => chosen.has(a))) {
        out.add(`${service}:${verb}*`);
        for (const a of everyPrefixed) covered.add(a);
      }
    }
    for (const action of list) if (!covered.has(action)) out.add(action);
  }
  return [...out].sort();
}

function canonical(action: string, all: readonly string[] | null): string {
  return all?.find((a) => a.toLowerCase() === action.toLowerCase()) ?? action;
}

function trackedActions(principals: readonly CollectedPrincipalUsage[]): Map<string, Set<string>> {
  const tracked = new Map<string, Set<string>>();
  for (const p of principals)
    for (const s of p.services)
      if (s.actions) {
        const set = tracked.get(s.namespace) ?? new Set<string>();
        for (const a of s.actions) set.add(a.action);
        tracked.set(s.namespace, set);
      }
  return tracked;
}

function gatherEvidence(input: RightSizingInput): RightSizingEvidence {
  const byService = new Map<string, UsedServiceEvidence>();
  const held = new Set<string>();
  let asOf: string | null = null;
  for (const principal of input.principals) {
    if (principal.asOf && (asOf === null || principal.asOf > asOf)) asOf = principal.asOf;
    for (const s of principal.services) held.add(s.namespace);
    for (const used of servicesUsedInWindow(principal, input.now, input.windowDays).used) {
      const entry = byService.get(used.namespace) ?? {
        namespace: used.namespace,
        lastAccessed: used.lastAccessed,
        usedBy: 0,
        actionLevel: used.actionLevel,
        actions: used.actionLevel ? [] : null,
      };
      entry.usedBy += 1;
      if (used.lastAccessed > entry.lastAccessed) entry.lastAccessed = used.lastAccessed;
      if (used.actionLevel)
        entry.actions = [...new Set([...(entry.actions ?? []), ...(used.actions ?? [])])].sort();
      else if (entry.actionLevel) {
        // One answer without action data for a service another tracked: service level for the union.
        entry.actionLevel = false;
        entry.actions = null;
      }
      byService.set(used.namespace, entry);
    }
  }
  return {
    windowDays: input.windowDays,
    principals: input.principals.length,
    sources: [...new Set(input.principals.map((p) => p.source))].sort(),
    asOf,
    servicesHeld: held.size,
    heldNamespaces: [...held].sort(),
    used: [...byService.values()].sort((a, b) => a.namespace.localeCompare(b.namespace)),
  };
}

/** IAM counts a policy's size without whitespace. */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).replace(/\s/g, '').length;
}

/** Why a generated inline policy would be refused (JSON, size, unknown action names), or null. */
export function validateInlinePolicy(document: PolicyDocument, reference: ServiceReference): string | null {
  const text = JSON.stringify(document);
  try {
    JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (text.length > PERMISSION_SET_INLINE_POLICY_API_MAX)
    return `${text.length} characters, over the ${PERMISSION_SET_INLINE_POLICY_API_MAX} an inline policy of a permission set may have`;
  const size = policySize(document);
  if (size > PERMISSION_SET_INLINE_POLICY_MAX_CHARS)
    return `${size} characters without whitespace, over the ${PERMISSION_SET_INLINE_POLICY_MAX_CHARS} of a role's inline policies`;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of statements)
    for (const action of Array.isArray(statement.Action) ? statement.Action : [statement.Action ?? ''])
      if (!reference.exists(action)) return `unknown action ${action} (not in the IAM service reference)`;
  return null;
}

/**
 * "Covers it without much more": a job-function policy may allow up to this many actions the proposal
 * does not (AWS maintains it as services change, which a generated policy does not get). Billing (~100
 * actions) fits whenever it covers; NetworkAdministrator (~400) only a proposal nearly as large.
 */
export const JOB_FUNCTION_SLACK = 100;

/**
 * The action names a pattern stands for in the service reference; a literal name of a service the
 * reference does not know stands for itself; null when a wildcard cannot be expanded (nothing provable).
 */
function expand(pattern: string, reference: ServiceReference): string[] | null {
  const [service] = pattern.split(':');
  const all = reference.actionsOf(service ?? '');
  if (all) return all.filter((a) => globMatch(pattern, a, true));
  return /[*?]/.test(pattern) ? null : [pattern];
}

/**
 * The job-function policy to propose instead of the generated statements, or null. It must allow every
 * action of the proposal (review statements included: nothing is dropped) through its unconditional
 * `Resource: *` statements, allow nothing that is not held today (every statement counted, conditions and
 * resources ignored: an upper bound), and allow at most `slack` actions the proposal does not.
 */
export function coveringJobFunction(
  proposal: readonly string[],
  held: HeldPermissions,
  reference: ServiceReference,
  slack: number,
  policies: readonly JobFunctionPolicy[] = JOB_FUNCTION_POLICIES,
): JobFunctionPolicy | null {
  if (proposal.length === 0) return null;
  for (const policy of policies) {
    const statements = (
      Array.isArray(policy.document.Statement) ? policy.document.Statement : [policy.document.Statement]
    ).filter((st) => st.Effect === 'Allow');
    const patterns = (st: (typeof statements)[number]) =>
      Array.isArray(st.Action) ? st.Action : st.Action ? [st.Action] : [];
    const unconditional = statements
      .filter((st) => st.Resource === '*' && st.Condition === undefined && st.NotAction === undefined)
      .flatMap(patterns);
    const covered = (action: string) => unconditional.some((p) => globMatch(p, action, true));
    const proposed = new Set<string>();
    const coversAll = proposal.every((pattern) => {
      const actions = expand(pattern, reference);
      for (const a of actions ?? []) proposed.add(a.toLowerCase());
      return actions !== null && actions.length > 0 && actions.every(covered);
    });
    if (!coversAll) continue;
    if (statements.some((st) => st.NotAction !== undefined)) continue;
    const grants = statements.flatMap(patterns).map((p) => expand(p, reference));
    if (grants.some((g) => g === null || !g.every((a) => held(a)))) continue;
    const allowed = new Set(grants.flatMap((g) => g ?? []).map((a) => a.toLowerCase()));
    const extra = [...allowed].filter((a) => !proposed.has(a)).length;
    if (extra <= slack) return policy;
  }
  return null;
}
