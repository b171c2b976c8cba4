import { InputError } from '../../io/input-error.js';
import { ALL_RULES } from '../../rules/catalog/index.js';
import type { Waiver } from './waiver-schema.js';

let knownRuleIds: Set<string> | undefined;

/** Current ids and former ones (aliases): a waiver written before a rename keeps working. */
function isKnownRuleId(id: string): boolean {
  knownRuleIds ??= new Set(ALL_RULES.flatMap((rule) => [rule.id, ...(rule.aliases ?? [])]));
  return knownRuleIds.has(id);
}

/**
 * What a waiver reaches must be what its author meant: an unknown (misspelt) rule id would waive nothing
 * and hide the mistake, and rule "*" with resource "*" waives everything, so it needs `scope: all`.
 */
export function checkWaiverReach(file: string, index: number, waiver: Waiver): void {
  const at = `${file}: waivers.${index}`;
  if (waiver.rule !== '*' && !isKnownRuleId(waiver.rule))
    throw new InputError(`${at}.rule: unknown rule id ${JSON.stringify(waiver.rule)} (see keysweep rules)`);
  if (waiver.rule === '*' && /^\*+$/.test(waiver.resource) && waiver.scope !== 'all') {
    const where = waiver.account ? `every finding in account ${waiver.account}` : 'every finding';
    throw new InputError(
      `${at}: rule "*" with resource "*" waives ${where}; add "scope: all" to the waiver if that is intended`,
    );
  }
}
