import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import { CONFIG_FILE_NAMES, configSchema, type KeysweepConfig, normalizeConfig } from './config-schema.js';

export interface LoadedConfig {
  /** null when no file was given and none was found. */
  path: string | null;
  config: KeysweepConfig;
}

/** Loads --config FILE, or the first keysweep.config.{yaml,yml,json} in cwd; none found is an empty config. */
export async function loadConfig(input: { configPath?: string; cwd: string }): Promise<LoadedConfig> {
  const path = input.configPath ? resolve(input.cwd, input.configPath) : await discover(input.cwd);
  if (!path) return { path: null, config: {} };
  const raw = await readStructuredFile(path, { yaml: true });
  // An empty YAML file parses to null: normalizeConfig treats it as "no settings", as people expect.
  const parsed = configSchema.safeParse(normalizeConfig(raw));
  if (!parsed.success) throw new InputError(describeZodError(input.configPath ?? path, parsed.error));
  return { path, config: parsed.data as KeysweepConfig };
}

/** Two config files side by side would leave one silently ignored: refused, naming both. */
async function discover(cwd: string): Promise<string | null> {
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(cwd, name);
    try {
      await access(candidate);
      found.push(candidate);
    } catch {
      // not there: try the next name
    }
  }
  if (found.length > 1)
    throw new InputError(`${found.join(' and ')} are both present: keep one, or choose with --config FILE`);
  return found[0] ?? null;
}
