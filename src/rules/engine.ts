import { adviceWithRuleSteps } from '../findings/fill-fix-steps.js';
import {
  type ComplianceRef,
  type Finding,
  type FixSteps,
  findingId,
  type NotEvaluated,
} from '../findings/finding.js';
import { skippedOnRequest } from '../inventory/collection.js';
import { collectedData, describeGap, isCollected } from '../inventory/slice-reader.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import { flatString } from '../io/text/flat-string.js';
import { accountOfArn } from '../knowledge/arn-account.js';
import type { Derivation, Derive, OrganizationFacts } from '../knowledge/derivation.js';
import { accountFacts, derivationCache, organizationFacts } from '../knowledge/derivation-runner.js';
import type { DriftReport } from '../knowledge/drift/drift-items.js';
import { lookupSlice, type SliceData, type SliceName } from '../knowledge/slices.js';
import {
  complianceRefs,
  type FailInput,
  type OrganizationRuleContext,
  type Rule,
  remediationOf,
} from './define-rule.js';
import { renderMessage } from './rule-messages.js';

export type { NotEvaluated } from '../findings/finding.js';

export interface EvaluationResult {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  rules: Rule[];
  /** The raw options each rule ran with, by rule id (what the config set; the rules' defaults fill the rest). */
  ruleOptions?: Record<string, unknown>;
}

/**
 * Where the engine puts findings as they are made. `evaluate` keeps them in an array; a scan of a very
 * large organization writes them to disk as they come (src/report/spool/finding-spool.ts).
 * `startRule` is called before each rule runs: a finding id includes its rule, so duplicates (a rule
 * reporting the same resource and subject twice) only ever occur within one rule.
 */
export interface FindingSink {
  /** A rule starts on an account (undefined: on the organization). */
  startRule(ruleId: string, accountId?: string): void;
  add(finding: Finding): void;
}

export interface EvaluateOptions {
  rules: readonly Rule[];
  now: Date;
  /** Raw options per rule id (validated by each rule's zod schema; defaults fill the rest). */
  ruleOptions?: Record<string, unknown>;
  /** The comparison with `--desired` files; rules with `input: 'desired-state'` run only when it is given. */
  drift?: DriftReport;
  /**
   * Lets go of each account's inventory once every account rule ran on it (a scan of a very large
   * organization: the inventory is most of the heap). The `derivations` are computed first, from the whole
   * inventory; a rule asking for another one afterwards is reported as not evaluated (rule error), never
   * given an answer from part of the inventory.
   */
  release?: { account: (account: Account) => void; derivations: readonly Derivation<unknown, never>[] };
}

/** Runs every rule against the snapshot. Rules never call AWS and never read the real clock. */
export function evaluate(snapshot: Snapshot, options: EvaluateOptions): EvaluationResult {
  const sink = new ArraySink();
  return { ...evaluateInto(snapshot, options, sink), findings: sink.findings };
}

/**
 * Like `evaluate`, the findings going to `sink` (each once: duplicates are left out before they reach it).
 *
 * Account by account: the organization's rules first, then every account rule on one account before the
 * next, so what rules memoise per user (migration advice) is needed for one account at a time and a sink
 * can keep each account's findings together. `notEvaluated` is listed rule by rule, as before.
 */
export function evaluateInto(
  snapshot: Snapshot,
  options: EvaluateOptions,
  sink: FindingSink,
): Omit<EvaluationResult, 'findings'> {
  const findings = new DedupingSink(sink);
  const derive = sealableDerive(derivationCache(snapshot));
  const organization = organizationFacts(snapshot);
  const scanned = snapshot.accounts.filter((account) => account.access.status !== 'skipped');

  const rules = options.rules.filter((rule) => rule.input !== 'desired-state' || options.drift);
  const prepared = rules.map((rule, order) => ({
    rule,
    order,
    options: rule.options.parse(options.ruleOptions?.[rule.id] ?? {}),
    refs: complianceRefs(rule),
    /** The rule's remediation, made on its first run (once per rule, not per account: options are fixed). */
    remediation: undefined as FixSteps | undefined,
  }));
  const notEvaluated: Array<{ entry: NotEvaluated; rule: number; target: number }> = [];
  const run = (target: (typeof prepared)[number], account: Account | undefined, targetIndex: number) => {
    const { rule } = target;
    const gaps: NotEvaluated[] = [];
    findings.startRule(rule.id, account?.id);
    const missing = missingSlices(snapshot, rule, account);
    if (missing.length > 0) {
      gaps.push({
        ruleId: rule.id,
        accountId: account?.id ?? null,
        reason: missing.map((m) => `${m.slice} ${m.status}: ${m.detail}`).join('; '),
        missing,
        // Data left out on request (--no-usage) is no collection gap: the rule is listed, the scan complete.
        ...(missing.every((m) => skippedOnRequest(lookupSlice(snapshot, m.slice, account)))
          ? { unknown: true as const }
          : {}),
      });
    } else {
      const scope: RuleScope = { snapshot, organization, account, derive, drift: options.drift };
      target.remediation ??= remediationOf(rule, target.options);
      const context = makeContext(scope, rule, target.refs, target.options, target.remediation, options.now, {
        findings,
        notEvaluated: gaps,
      });
      try {
        if (rule.scope === 'account') rule.evaluate({ ...context, account: accountFacts(account!) });
        else rule.evaluate(context);
      } catch (error) {
        if (error instanceof SinkFailure) throw error.cause;
        const detail = error instanceof Error ? error.message : String(error);
        gaps.push({
          ruleId: rule.id,
          accountId: account?.id ?? null,
          reason: `rule error: ${detail}`,
          missing: [],
        });
      }
    }
    for (const entry of gaps) notEvaluated.push({ entry, rule: target.order, target: targetIndex });
  };
  for (const target of prepared) if (target.rule.scope !== 'account') run(target, undefined, 0);
  if (options.release) {
    for (const derivation of options.release.derivations) derive(derivation);
    derive.seal();
  }
  scanned.forEach((account, index) => {
    for (const target of prepared) if (target.rule.scope === 'account') run(target, account, index);
    options.release?.account(account);
  });
  // Rule by rule, each rule's accounts in snapshot order (a stable sort keeps each run's own order).
  notEvaluated.sort((a, b) => a.rule - b.rule || a.target - b.target);
  return {
    notEvaluated: notEvaluated.map(({ entry }) => entry),
    rules,
    ruleOptions: options.ruleOptions ?? {},
  };
}

function missingSlices(
  snapshot: Snapshot,
  rule: Rule,
  account: Account | undefined,
): NotEvaluated['missing'] {
  const missing: NotEvaluated['missing'] = [];
  for (const name of rule.requires) {
    const slice = lookupSlice(snapshot, name, account);
    const gap = describeGap<NotEvaluated['missing'][number]>(slice, {
      failed: (error) => ({ slice: name, status: 'failed', detail: `${error.code}: ${error.message}` }),
      notCollected: (reason) => ({ slice: name, status: 'not_collected', detail: reason }),
    });
    if (gap) missing.push(gap);
  }
  return missing;
}

/** `derive` that, once sealed, answers only what it computed before (the inventory is being let go). */
function sealableDerive(derive: Derive): Derive & { seal(): void } {
  const computed = new Set<Derivation<unknown, never>>();
  let sealed = false;
  const sealable = (<T, N extends SliceName>(derivation: Derivation<T, N>): T => {
    const key = derivation as unknown as Derivation<unknown, never>;
    if (sealed && !computed.has(key))
      throw new Error(
        `derivation ${derivation.id} was asked for after account inventories were let go (compute it first)`,
      );
    computed.add(key);
    return derive(derivation);
  }) as Derive & { seal(): void };
  sealable.seal = () => {
    sealed = true;
  };
  return sealable;
}

interface RuleScope {
  snapshot: Snapshot;
  organization: OrganizationFacts;
  account: Account | undefined;
  derive: Derive;
  drift: DriftReport | undefined;
}

type AnyRuleContext = OrganizationRuleContext<unknown, SliceName, SliceName>;

function makeContext(
  { snapshot, organization, account, derive, drift }: RuleScope,
  rule: Rule,
  refs: ComplianceRef[],
  options: unknown,
  // Once per rule, not per finding: a rule's remediation may be built from its options.
  remediation: FixSteps,
  now: Date,
  sink: { findings: FindingSink; notEvaluated: NotEvaluated[] },
): AnyRuleContext {
  const declared = (name: SliceName, list: readonly SliceName[] | undefined, field: string) => {
    if (!list?.includes(name))
      throw new Error(`rule ${rule.id} reads slice ${name} without declaring it in ${field}`);
    return lookupSlice(snapshot, name, account);
  };
  return {
    now,
    options,
    organization,
    derive,
    slice<N extends SliceName>(name: N): SliceData[N] {
      const slice = declared(name, rule.requires, 'requires');
      if (!isCollected(slice)) throw new Error(`slice ${name} was not collected`);
      return slice.data as SliceData[N];
    },
    drift(): DriftReport {
      if (rule.input !== 'desired-state' || !drift)
        throw new Error(`rule ${rule.id} reads the desired state without declaring input: 'desired-state'`);
      return drift;
    },
    sliceIfCollected<N extends SliceName>(name: N): SliceData[N] | undefined {
      return collectedData(declared(name, rule.reads, 'reads')) as SliceData[N] | undefined;
    },
    unknown(reason: string) {
      sink.notEvaluated.push({
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
      const finding: Finding = {
        id: findingId(rule.id, resourceArn, subject),
        ruleId: rule.id,
        severity: input.severity ?? rule.severity,
        accountId,
        resourceArn,
        resourceType: input.resourceType ?? rule.resourceType,
        subject,
        message: flatString(renderMessage(rule.id, rule.messages, input.messageId, input.data)),
        rationale: rule.rationale,
        advice: PENDING_ADVICE,
        compliance: refs,
        details: input.details ?? {},
      };
      finding.advice = input.advice?.fixNow
        ? {
            summary: input.advice.summary ?? rule.title,
            fixNow: input.advice.fixNow,
            ...(input.advice.migration ? { migration: input.advice.migration } : {}),
          }
        : // The rule's steps filled in from the finding itself when read.
          adviceWithRuleSteps(
            input.advice?.summary ?? rule.title,
            remediation,
            finding,
            input.advice?.migration,
          );
      try {
        sink.findings.add(finding);
      } catch (error) {
        throw new SinkFailure(error);
      }
    },
  };
}

/**
 * The sink could not take a finding (a spool's disk is full): the whole evaluation fails with that error,
 * never one rule's "rule error" while the next rules write on into the same full disk.
 */
class SinkFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('finding sink failed');
  }
}

/** Stands in for a finding's advice until it is made (the advice refers back to its finding). */
const PENDING_ADVICE = { summary: '', fixNow: { console: [], cli: [] } } as const satisfies Finding['advice'];

function accountFromArn(arn: string): string {
  return arn.split(':')[4] || '000000000000';
}

class ArraySink implements FindingSink {
  readonly findings: Finding[] = [];
  startRule(): void {}
  add(finding: Finding): void {
    this.findings.push(finding);
  }
}

/**
 * A rule that reports the same resource and subject twice yields one finding (the first). Ids include the
 * rule, and a resource of an account is reported while that account is evaluated: so the ids of a rule's
 * findings on the account being evaluated are kept only while the rule runs there; those on other
 * resources (organization rules, resources of other accounts, ARNs without an account) for the whole
 * evaluation, per rule.
 */
class DedupingSink implements FindingSink {
  private local = new Set<string>();
  private readonly elsewhere = new Map<string, Set<string>>();
  private ruleId = '';
  private accountId: string | undefined;
  constructor(private readonly target: FindingSink) {}
  startRule(ruleId: string, accountId?: string): void {
    this.local = new Set();
    this.ruleId = ruleId;
    this.accountId = accountId;
    this.target.startRule(ruleId, accountId);
  }
  add(finding: Finding): void {
    let others = this.elsewhere.get(this.ruleId);
    if (others?.has(finding.id) || this.local.has(finding.id)) return;
    if (this.accountId !== undefined && accountOfArn(finding.resourceArn) === this.accountId) {
      this.local.add(finding.id);
    } else {
      if (!others) {
        others = new Set();
        this.elsewhere.set(this.ruleId, others);
      }
      others.add(finding.id);
    }
    this.target.add(finding);
  }
}
