import type { Advice, FixSteps, MigrationAdvice } from './finding.js';

const ACCESS_KEY_ID = /^A[KS]IA[0-9A-Z]{8,}$/;
const KEY_PLACEHOLDERS = ['<key-id>', '<old-key-id>', '<access-key-id>'];

/** Values a finding knows for the rule's generic placeholders. */
function knownValues(resourceArn: string, subject: string, accountId: string): Map<string, string> {
  const values = new Map<string, string>();
  // In Identity Center commands <account-id> is an assignment's target, not necessarily the finding's account.
  if (/^arn:[^:]+:iam::/.test(resourceArn)) values.set('<account-id>', accountId);
  // IAM names are the ARN's last path segment: arn:aws:iam::123456789012:user/path/name
  const match = /^arn:[^:]+:iam::\d{12}:(user|group)\/(?:.*\/)?([^/]+)$/.exec(resourceArn);
  if (match?.[1] === 'user') values.set('<user>', match[2]!);
  if (match?.[1] === 'group') values.set('<group>', match[2]!);
  // arn:aws:sso:::permissionSet/ssoins-…/ps-… names both the permission set and its instance.
  const permissionSet = /^arn:([^:]+):sso:::permissionSet\/(ssoins-[^/]+)\/ps-[^/]+$/.exec(resourceArn);
  if (permissionSet) {
    values.set('<ps-arn>', resourceArn);
    values.set('<instance-arn>', `arn:${permissionSet[1]}:sso:::instance/${permissionSet[2]}`);
  }
  if (ACCESS_KEY_ID.test(subject)) for (const name of KEY_PLACEHOLDERS) values.set(name, subject);
  return values;
}

/** A CLI line cut at its placeholders once per rule: even indexes are text, odd ones placeholders. */
type CompiledLine = readonly string[];
const compiled = new WeakMap<readonly string[], readonly CompiledLine[]>();

function compile(cli: readonly string[]): readonly CompiledLine[] {
  let lines = compiled.get(cli);
  if (!lines) {
    lines = cli.map((line) => line.split(/(<[a-z-]+>)/));
    compiled.set(cli, lines);
  }
  return lines;
}

/**
 * Marks fix steps that are exactly the rule's remediation filled in with the finding's own names:
 * report.json leaves them out (a reader fills `rules[].remediation` the same way), so they are recognised
 * by a mark, not by comparing text for every finding. A non-enumerable symbol: invisible to JSON and to
 * deep equality, and no weak collection of a million entries for the garbage collector to walk.
 */
const FILLED_FROM_RULE = Symbol('keysweep.filledFromRule');

export function isFilledFromRule(steps: FixSteps): boolean {
  return (steps as { [FILLED_FROM_RULE]?: true })[FILLED_FROM_RULE] === true;
}

/**
 * The rule's generic fix steps with the placeholders the finding knows filled in (user name, key id,
 * account), so a reader can run them as they are; placeholders nobody knows (an MFA code) stay.
 */
export function fillFixSteps(
  steps: FixSteps,
  resourceArn: string,
  subject: string,
  accountId: string,
): FixSteps {
  const lines = compile(steps.cli);
  // Steps without placeholders are the same for every finding of the rule: filled (and marked) once.
  if (lines.every((parts) => parts.length === 1)) {
    let same = withoutPlaceholders.get(steps);
    if (!same) {
      // A copy, frozen: shared by every finding, so no reader may change it for the others.
      same = markedFilled({ console: steps.console, cli: Object.freeze([...steps.cli]) as string[] });
      withoutPlaceholders.set(steps, same);
    }
    return same;
  }
  const values = knownValues(resourceArn, subject, accountId);
  const cli = lines.map((parts) => {
    if (parts.length === 1) return parts[0]!;
    let line = '';
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i]!;
      line += i % 2 === 1 ? (values.get(part) ?? part) : part;
    }
    return line;
  });
  return markedFilled({ console: steps.console, cli });
}

/** A rule's steps that have no placeholder, marked as filled: one object for all the rule's findings. */
const withoutPlaceholders = new WeakMap<FixSteps, FixSteps>();

function markedFilled(filled: FixSteps): FixSteps {
  Object.defineProperty(filled, FILLED_FROM_RULE, { value: true });
  return filled;
}

interface FillSource {
  resourceArn: string;
  subject: string;
  accountId: string;
}

/**
 * Advice whose fix steps are its rule's remediation filled in with its finding's names when read. `fixNow` is
 * a getter of the class, so making one costs a plain object's allocation (an own accessor per object, with
 * its inputs in hidden properties, cost ~0.7 µs and ~40 bytes more, ~0.3 s and ~15 MB at 100k IAM users).
 * JSON sees the advice as if the steps were stored (toJSON, in the stored key order: summary, fixNow,
 * migration); deep equality in the tests compares the same plain form (test/setup/advice-equality.ts).
 * Assigning `fixNow` stores the value given.
 */
export class RuleStepsAdvice implements Advice {
  declare migration?: MigrationAdvice;
  #steps: FixSteps | undefined;
  #finding: FillSource | undefined;
  #stored: FixSteps | undefined;

  constructor(
    public summary: string,
    steps: FixSteps,
    finding: FillSource,
    migration: MigrationAdvice | undefined,
  ) {
    this.#steps = steps;
    this.#finding = finding;
    if (migration) this.migration = migration;
  }

  get fixNow(): FixSteps {
    if (this.#stored) return this.#stored;
    const finding = this.#finding!;
    return fillFixSteps(this.#steps!, finding.resourceArn, finding.subject, finding.accountId);
  }

  set fixNow(value: FixSteps) {
    this.#stored = value;
    this.#steps = undefined;
    this.#finding = undefined;
  }

  /** Whether the steps are still the rule's (not assigned since). */
  get fromRule(): boolean {
    return this.#steps !== undefined;
  }

  /** The advice as a plain object, in the key order of stored advice. */
  toJSON(): Advice {
    const plain: Advice = { summary: this.summary, fixNow: this.fixNow };
    if (this.migration) plain.migration = this.migration;
    return plain;
  }
}

/**
 * A finding's advice whose fix steps are its rule's remediation filled in with the finding's names,
 * computed when read instead of stored: at 100k IAM users the filled-in command lines of ~400k findings
 * were ~100 MB of heap that only the CSV writer reads in full.
 */
export function adviceWithRuleSteps(
  summary: string,
  remediation: FixSteps,
  finding: FillSource,
  migration: MigrationAdvice | undefined,
): Advice {
  return new RuleStepsAdvice(summary, remediation, finding, migration);
}

/** Whether the advice's fix steps are its rule's filled in (without computing them). */
export function hasRuleSteps(advice: Advice): boolean {
  return (advice instanceof RuleStepsAdvice && advice.fromRule) || isFilledFromRule(advice.fixNow);
}
