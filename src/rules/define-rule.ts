import type { z } from 'zod';
import type { Advice, ComplianceRef, FixSteps, Framework } from '../findings/finding.js';
import { controlsForRule } from '../findings/frameworks/index.js';
import type { Severity } from '../findings/severity.js';
import type { SliceData, SliceName, SliceNameOf } from '../inventory/slice-table.js';
import type { AccountFacts, Derive, OrganizationFacts } from '../knowledge/derivation.js';
import type { DriftReport } from '../knowledge/drift/drift-items.js';
import type { MessageData, RuleMessages } from './rule-messages.js';

export type { Framework } from '../findings/finding.js';

/** What a rule reports: the message by id with its data (see rule-messages.ts), and the finding's facts. */
export type FailInput<Id extends string = string> = FailFields & MessageById<Id>;

export interface MessageById<Id extends string = string> {
  /** One of the rule's `messages`; the engine renders its text with `data`. */
  messageId: Id;
  /** A value for every `{placeholder}` of the message. */
  data?: MessageData;
}

interface FailFields {
  /** What inside the resource this is about (key id, permission set ARN); '' for the resource itself. */
  subject?: string;
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

interface BaseRuleContext<Options, N extends SliceName, M extends SliceName, I extends string = string> {
  readonly now: Date;
  readonly options: Options;
  /** The organization's structure (ids, account count); never a slice. */
  readonly organization: OrganizationFacts;
  /** Data of a slice the rule declared in `requires`; the engine guarantees it was collected. */
  slice<K extends N>(name: K): SliceData[K];
  /** Data of a slice the rule declared in `reads` when it was collected, else undefined. */
  sliceIfCollected<K extends M>(name: K): SliceData[K] | undefined;
  /** A shared derivation (e.g. the migration plan), computed once per evaluation. */
  derive: Derive;
  fail(resourceArn: string, input: FailInput<I>): void;
  /**
   * The inventory was collected but does not say (e.g. no credential-report root row): the rule is reported
   * as not evaluated with this reason, never as a pass or a guessed finding.
   */
  unknown(reason: string): void;
  /** The desired-state comparison (rules with `input: 'desired-state'` only; see src/drift). */
  drift(): DriftReport;
}

export type OrganizationRuleContext<
  Options,
  N extends SliceName,
  M extends SliceName,
  I extends string = string,
> = BaseRuleContext<Options, N, M, I>;

export interface AccountRuleContext<
  Options,
  N extends SliceName,
  M extends SliceName,
  I extends string = string,
> extends BaseRuleContext<Options, N, M, I> {
  /** The account under evaluation. */
  readonly account: AccountFacts;
}

interface RuleMeta<O extends z.ZodType, I extends string = string> {
  /** Stable, readable id; equal to the rule's file name. */
  id: string;
  /** Former ids, so waivers and baselines keep matching after a rename. */
  aliases?: string[];
  title: string;
  severity: Severity;
  /**
   * The texts the rule reports, by id, with `{placeholder}`s its `fail` calls fill through `data`
   * (docs/writing-rules.md). Findings say which message they are; tests assert the id and the data.
   */
  messages: RuleMessages<I>;
  /** CloudFormation-style resource type, e.g. AWS::IAM::User. */
  resourceType: string;
  /**
   * An input besides the inventory. 'desired-state': the rule reads the drift report of `--desired` files
   * and runs only when some were given (without them it is left out, neither passed nor not evaluated).
   */
  input?: 'desired-state';
  /** zod schema of the options, with defaults; `{}` must parse. */
  options: O;
  /** Why it matters (one paragraph). */
  rationale: string;
  /** How to fix it now, generic steps. */
  /** How to fix it: steps, or steps built from the rule's options (so thresholds are never restated). */
  remediation: FixSteps | RemediationFromOptions<z.infer<O>>;
  /** The migration path in general terms (per-finding advice can be more specific). */
  migration?: string;
  references: string[];
  // Compliance ids are not written here: src/findings/frameworks/* list the rules per control (one source).
}

/** Evaluated once per scanned account; may require account and organization slices. */
export interface AccountRuleDefinition<
  O extends z.ZodType = z.ZodType,
  N extends SliceName = SliceName,
  M extends SliceName = SliceName,
  I extends string = string,
> extends RuleMeta<O, I> {
  scope: 'account';
  /** Slices without which the rule cannot be evaluated (then it is reported as not evaluated). */
  requires: readonly N[];
  /** Slices the rule uses when they were collected and does without otherwise. */
  reads?: readonly M[];
  evaluate(context: AccountRuleContext<z.infer<O>, N, M, I>): void;
}

/** Evaluated once per snapshot; may require organization slices only. */
export interface OrganizationRuleDefinition<
  O extends z.ZodType = z.ZodType,
  N extends SliceNameOf<'organization'> = SliceNameOf<'organization'>,
  M extends SliceNameOf<'organization'> = SliceNameOf<'organization'>,
  I extends string = string,
> extends RuleMeta<O, I> {
  scope: 'organization';
  requires: readonly N[];
  reads?: readonly M[];
  evaluate(context: OrganizationRuleContext<z.infer<O>, N, M, I>): void;
}

export type RuleDefinition<O extends z.ZodType = z.ZodType> =
  | AccountRuleDefinition<O>
  | OrganizationRuleDefinition<O>;

export type Rule = RuleDefinition<z.ZodType>;

/** Identity function that keeps the option and slice types flowing into `evaluate`. */
export function defineRule<
  O extends z.ZodType,
  N extends SliceName,
  M extends SliceName = never,
  I extends string = never,
>(definition: AccountRuleDefinition<O, N, M, I>): AccountRuleDefinition<O, N, M, I>;
export function defineRule<
  O extends z.ZodType,
  N extends SliceNameOf<'organization'>,
  M extends SliceNameOf<'organization'> = never,
  I extends string = never,
>(definition: OrganizationRuleDefinition<O, N, M, I>): OrganizationRuleDefinition<O, N, M, I>;
export function defineRule(definition: Rule): Rule {
  return definition;
}

/** Remediation whose text depends on the rule's options (a method, so rule types stay assignable to Rule). */
export interface RemediationFromOptions<Options> {
  fromOptions(options: Options): FixSteps;
}

/** The rule's remediation for its options as configured (raw: parsed here, defaults filling the rest). */
export function remediationOf(rule: Rule, rawOptions?: unknown): FixSteps {
  const { remediation } = rule;
  if (!('fromOptions' in remediation)) return remediation;
  return remediation.fromOptions(rule.options.parse(rawOptions ?? {}));
}

/** The framework controls that list the rule (src/findings/frameworks/*, the one source of compliance ids). */
export function complianceRefs(rule: Pick<Rule, 'id'>): ComplianceRef[] {
  const refs: ComplianceRef[] = [];
  for (const [framework, controls] of Object.entries(controlsForRule(rule.id)) as Array<
    [Framework, string[]]
  >) {
    for (const control of controls) refs.push({ framework, control });
  }
  return refs;
}
