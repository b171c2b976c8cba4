import type { z } from 'zod';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import type { Advice, ComplianceRef, FixSteps } from './finding.js';
import type { Severity } from './severity.js';
import type { SliceData, SliceName } from './slices.js';

export type Framework = ComplianceRef['framework'];

export interface FailInput {
  /** What inside the resource this is about (key id, permission set ARN); '' for the resource itself. */
  subject?: string;
  message: string;
  /** Overrides the rule's severity for this finding (e.g. worse for administrators). */
  severity?: Severity;
  /** Facts for reports; never part of the fingerprint. */
  details?: Record<string, string | number | boolean | null>;
  /** Finding-specific advice; merged over the rule's generic remediation. */
  advice?: Partial<Advice>;
  /** Account that owns the resource; defaults to the account being evaluated, else the management account. */
  accountId?: string;
  resourceType?: string;
}

export interface RuleContext<Options> {
  readonly now: Date;
  readonly options: Options;
  readonly snapshot: Snapshot;
  /** The account under evaluation (account-scope rules only). */
  readonly account: Account | undefined;
  /** Data of a slice the rule declared in `requires`; the engine guarantees it was collected. */
  slice<N extends SliceName>(name: N): SliceData[N];
  /** Memoised analysis shared by all rules in one evaluation (e.g. the migration planner). */
  shared<T>(key: string, compute: (snapshot: Snapshot) => T): T;
  fail(resourceArn: string, input: FailInput): void;
  /**
   * The inventory was collected but does not say (e.g. no credential-report root row): the rule is reported
   * as not evaluated with this reason, never as a pass or a guessed finding.
   */
  unknown(reason: string): void;
}

export interface RuleDefinition<O extends z.ZodType = z.ZodType> {
  /** Stable, readable id; equal to the rule's file name. */
  id: string;
  /** Former ids, so waivers and baselines keep matching after a rename. */
  aliases?: string[];
  title: string;
  severity: Severity;
  /** account: evaluated once per scanned account; organization: once per snapshot. */
  scope: 'account' | 'organization';
  /** CloudFormation-style resource type, e.g. AWS::IAM::User. */
  resourceType: string;
  requires: SliceName[];
  /** zod schema of the options, with defaults; `{}` must parse. */
  options: O;
  /** Why it matters (one paragraph). */
  rationale: string;
  /** How to fix it now, generic steps. */
  remediation: FixSteps;
  /** The migration path in general terms (per-finding advice can be more specific). */
  migration?: string;
  references: string[];
  compliance: Partial<Record<Framework, string[]>>;
  evaluate(context: RuleContext<z.infer<O>>): void;
}

export type Rule = RuleDefinition<z.ZodType>;

/** Identity function that keeps the option type flowing into `evaluate`. */
export function defineRule<O extends z.ZodType>(definition: RuleDefinition<O>): RuleDefinition<O> {
  return definition;
}

export function complianceRefs(rule: Pick<Rule, 'compliance'>): ComplianceRef[] {
  const refs: ComplianceRef[] = [];
  for (const [framework, controls] of Object.entries(rule.compliance) as Array<[Framework, string[]]>) {
    for (const control of controls) refs.push({ framework, control });
  }
  return refs;
}
