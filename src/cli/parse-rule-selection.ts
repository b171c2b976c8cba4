import { InputError } from '../io/input-error.js';
import { parseList } from './parse-flags.js';

/**
 * `--rule` / `--skip-rule`: absent means "no selection", but a given flag must name at least one rule;
 * `--rule ""` (an unset shell variable, say) must not quietly mean "all rules".
 */
export function parseRuleIds(flag: '--rule' | '--skip-rule', value: string | undefined): string[] {
  if (value === undefined) return [];
  const ids = parseList(value);
  if (ids.length === 0) throw new InputError(`${flag}: give at least one rule id (see keysweep rules)`);
  return ids;
}
