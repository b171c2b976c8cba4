import type { Command } from 'commander';
import { checkGroupsAndUsersDeclaredOnce } from '../desired-state/check-declared-once.js';
import type { DeclaredDocument } from '../desired-state/desired-state-model.js';
import { loadDeclaredDocument } from '../desired-state/load-desired-state.js';
import { resolveDesiredState } from '../desired-state/resolve-desired-state.js';
import { compareDesiredState } from '../drift/compare-desired-state.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import { DESIRED_SCOPES, type DesiredScope, type DriftReport } from '../knowledge/drift/drift-items.js';
import type { Rule } from '../rules/define-rule.js';

export interface DesiredFlags {
  desired: string[];
  /** Unset unless given: `--desired-scope` without `--desired` would be ignored, so it is refused. */
  desiredScope?: string;
}

const collectRepeated = (value: string, previous: string[]) => [...previous, value];

export function addDesiredOptions(command: Command): Command {
  return command
    .option(
      '--desired <file>',
      'desired state: Terraform state (v4), `terraform show -json` output or keysweep YAML (repeatable)',
      collectRepeated,
      [],
    )
    .option(
      '--desired-scope <scope>',
      'with --desired: what must be declared: all (every live permission set and assignment, the default) or declared (only the sets the files mention)',
    );
}

export interface DesiredInput {
  documents: DeclaredDocument[];
  scope: DesiredScope;
}

/** Reads and validates the files before any AWS call; null when no --desired was given. */
export async function loadDesiredInput(
  flags: DesiredFlags,
  rules: readonly Rule[],
): Promise<DesiredInput | null> {
  const scope = flags.desiredScope ?? 'all';
  if (!(DESIRED_SCOPES as readonly string[]).includes(scope)) {
    throw new InputError(`--desired-scope: "${scope}" must be one of ${DESIRED_SCOPES.join(', ')}`);
  }
  if (flags.desired.length === 0) {
    if (flags.desiredScope !== undefined)
      throw new InputError('--desired-scope: only means something with --desired FILE (nothing to compare)');
    return null;
  }
  const documents: DeclaredDocument[] = [];
  for (const file of flags.desired) documents.push(await loadDeclaredDocument(file));
  checkGroupsAndUsersDeclaredOnce(documents);
  if (!rules.some((rule) => rule.input === 'desired-state')) {
    throw new InputError(
      '--desired: every drift rule is turned off (--rule, --skip-rule or the config file)',
    );
  }
  return { documents, scope: scope as DesiredScope };
}

/** Rules asked for by --rule that need --desired, when none was given: a usage error, not a silent skip. */
export function checkDriftRulesHaveInput(
  onlyRuleIds: string[],
  rules: readonly Rule[],
  input: DesiredInput | null,
): void {
  if (input) return;
  const needing = rules.filter((rule) => rule.input === 'desired-state' && onlyRuleIds.includes(rule.id));
  if (needing.length > 0)
    throw new InputError(
      `--rule ${needing.map((r) => r.id).join(',')}: needs --desired FILE (a desired state to compare with)`,
    );
}

/** Names resolved against the inventory (unresolvable entries are input errors), then compared. */
export function driftReportFor(snapshot: Snapshot, input: DesiredInput): DriftReport {
  return compareDesiredState(snapshot, resolveDesiredState(snapshot, input.documents), input.scope);
}
