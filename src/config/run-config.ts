import { InputError } from '../io/input-error.js';
import { ALL_RULES } from '../rules/catalog/index.js';
import type { Rule } from '../rules/define-rule.js';

export interface RunConfigInput {
  /** --config FILE; when absent keysweep.config.yaml / .json in the working directory is used if present. */
  configPath?: string;
  cwd: string;
  /** --rule: only these rule ids. */
  only: string[];
  /** --skip-rule: not these rule ids. */
  skip: string[];
}

export interface RunConfig {
  rules: Rule[];
  ruleOptions: Record<string, unknown>;
}

export async function resolveRunConfig(input: RunConfigInput): Promise<RunConfig> {
  const known = new Set(ALL_RULES.map((rule) => rule.id));
  for (const [flag, ids] of [
    ['--rule', input.only],
    ['--skip-rule', input.skip],
  ] as const) {
    for (const id of ids)
      if (!known.has(id)) throw new InputError(`${flag}: unknown rule id "${id}" (see keysweep rules)`);
  }
  const rules = ALL_RULES.filter(
    (rule) => (input.only.length === 0 || input.only.includes(rule.id)) && !input.skip.includes(rule.id),
  );
  return { rules, ruleOptions: {} };
}
