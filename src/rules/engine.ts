import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import { complianceRefs, type FailInput, type Rule, type RuleContext } from './define-rule.js';
import { fillFixSteps } from './fill-fix-steps.js';
import { type ComplianceRef, type Finding, findingId } from './finding.js';
import { lookupSlice, type SliceData, type SliceName } from './slices.js';

export interface NotEvaluated {
  ruleId: string;
  /** null for organization rules. */
  accountId: string | null;
  reason: string;
  missing: Array<{ slice: SliceName; status: 'failed' | 'not_collected'; detail: string }>;
  /** Set when the collected data does not say (not a collection failure): the scan stays complete. */
  unknown?: true;
}

export interface EvaluationResult {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  rules: Rule[];
}

export interface EvaluateOptions {
  rules: readonly Rule[];
  now: Date;
  /** Raw options per rule id (validated by each rule's zod schema; defaults fill the rest). */
  ruleOptions?: Record<string, unknown>;
}

/** Runs every rule against the snapshot. Rules never call AWS and never read the real clock. */
export function evaluate(snapshot: Snapshot, options: EvaluateOptions): EvaluationResult {
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  const sharedCache = new Map<string, unknown>();
  const scanned = snapshot.accounts.filter((account) => account.access.status !== 'skipped');

  for (const rule of options.rules) {
    const parsedOptions = rule.options.parse(options.ruleOptions?.[rule.id] ?? {});
    const refs = complianceRefs(rule);
    const targets: Array<Account | undefined> = rule.scope === 'account' ? scanned : [undefined];
    for (const account of targets) {
      const missing = missingSlices(snapshot, rule, account);
      if (missing.length > 0) {
        notEvaluated.push({
          ruleId: rule.id,
          accountId: account?.id ?? null,
          reason: missing.map((m) => `${m.slice} ${m.status}: ${m.detail}`).join('; '),
          missing,
        });
        continue;
      }
      const context = makeContext(
        snapshot,
        rule,
        refs,
        account,
        parsedOptions,
        options.now,
        sharedCache,
        findings,
        notEvaluated,
      );
      try {
        rule.evaluate(context);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        notEvaluated.push({
          ruleId: rule.id,
          accountId: account?.id ?? null,
          reason: `rule error: ${detail}`,
          missing: [],
        });
      }
    }
  }
  return { findings: dedupe(findings), notEvaluated, rules: [...options.rules] };
}

function missingSlices(
  snapshot: Snapshot,
  rule: Rule,
  account: Account | undefined,
): NotEvaluated['missing'] {
  const missing: NotEvaluated['missing'] = [];
  for (const name of rule.requires) {
    const slice = lookupSlice(snapshot, name, account);
    if (slice.status === 'failed') {
      missing.push({ slice: name, status: 'failed', detail: `${slice.error.code}: ${slice.error.message}` });
    } else if (slice.status === 'not_collected') {
      missing.push({ slice: name, status: 'not_collected', detail: slice.reason });
    }
  }
  return missing;
}

function makeContext(
  snapshot: Snapshot,
  rule: Rule,
  refs: ComplianceRef[],
  account: Account | undefined,
  options: unknown,
  now: Date,
  sharedCache: Map<string, unknown>,
  sink: Finding[],
  notEvaluatedSink: NotEvaluated[],
): RuleContext<unknown> {
  return {
    now,
    options,
    snapshot,
    account,
    slice<N extends SliceName>(name: N): SliceData[N] {
      if (!rule.requires.includes(name))
        throw new Error(`rule ${rule.id} reads slice ${name} without requiring it`);
      const slice = lookupSlice(snapshot, name, account);
      if (slice.status !== 'ok') throw new Error(`slice ${name} was not collected`);
      return slice.data as SliceData[N];
    },
    shared<T>(key: string, compute: (s: Snapshot) => T): T {
      if (!sharedCache.has(key)) sharedCache.set(key, compute(snapshot));
      return sharedCache.get(key) as T;
    },
    unknown(reason: string) {
      notEvaluatedSink.push({
        ruleId: rule.id,
        accountId: account?.id ?? null,
        reason,
        missing: [],
        unknown: true,
      });
    },
    fail(resourceArn: string, input: FailInput) {
      const subject = input.subject ?? '';
      const accountId =
        input.accountId ??
        account?.id ??
        snapshot.organization.managementAccountId ??
        accountFromArn(resourceArn);
      sink.push({
        id: findingId(rule.id, resourceArn, subject),
        ruleId: rule.id,
        severity: input.severity ?? rule.severity,
        accountId,
        resourceArn,
        resourceType: input.resourceType ?? rule.resourceType,
        subject,
        message: input.message,
        rationale: rule.rationale,
        advice: {
          summary: input.advice?.summary ?? rule.title,
          fixNow: input.advice?.fixNow ?? fillFixSteps(rule.remediation, resourceArn, subject, accountId),
          ...(input.advice?.migration ? { migration: input.advice.migration } : {}),
        },
        compliance: refs,
        details: input.details ?? {},
      });
    },
  };
}

function accountFromArn(arn: string): string {
  return arn.split(':')[4] || '000000000000';
}

/** A rule that reports the same resource and subject twice yields one finding. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (seen.has(finding.id)) return false;
    seen.add(finding.id);
    return true;
  });
}
