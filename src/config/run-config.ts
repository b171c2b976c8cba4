import { InputError } from '../io/input-error.js';
import { ALL_RULES } from '../rules/catalog/index.js';
import type { Rule } from '../rules/define-rule.js';
import { loadConfig } from './load-config.js';

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
  /** The config file used, if any. */
  configPath: string | null;
  /** Break-glass users named in the config (applied with markBreakGlassUsers before evaluation). */
  breakGlassUsers: string[];
}

/**
 * Which rules run, with which options. The config file turns rules off or on; --rule (explicit: runs exactly
 * those, even ones the file turns off) and --skip-rule apply on top.
 */
export async function resolveRunConfig(input: RunConfigInput): Promise<RunConfig> {
  const known = new Set(ALL_RULES.map((rule) => rule.id));
  for (const [flag, ids] of [
    ['--rule', input.only],
    ['--skip-rule', input.skip],
  ] as const) {
    for (const id of ids)
      if (!known.has(id)) throw new InputError(`${flag}: unknown rule id "${id}" (see keysweep rules)`);
  }
  const { path, config } = await loadConfig(input);
  const settings = config.rules ?? {};
  const enabledInFile = (rule: Rule): boolean => {
    const setting = settings[rule.id];
    return setting?.enabled ?? true;
  };
  const rules = ALL_RULES.filter(
    (rule) =>
      (input.only.length > 0 ? input.only.includes(rule.id) : enabledInFile(rule)) &&
      !input.skip.includes(rule.id),
  );
  if (rules.length === 0) throw new InputError(describeEmptySelection(input, path));
  const ruleOptions: Record<string, unknown> = {};
  for (const [id, setting] of Object.entries(settings)) {
    if (setting?.options !== undefined) ruleOptions[id] = setting.options;
  }
  return { rules, ruleOptions, configPath: path, breakGlassUsers: config.breakGlassUsers ?? [] };
}

/** A scan that checks nothing would report "0 open findings" and exit 0: that is an error, said plainly. */
function describeEmptySelection(input: RunConfigInput, configPath: string | null): string {
  if (input.only.length > 0) return '--rule and --skip-rule together leave no rule to run';
  if (configPath && input.skip.length === 0)
    return `${input.configPath ?? configPath}: rules: every rule is disabled; nothing would be checked`;
  return `--skip-rule${configPath ? ` (with ${input.configPath ?? configPath})` : ''} leaves no rule to run`;
}
