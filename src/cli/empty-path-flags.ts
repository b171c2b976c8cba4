import type { Command } from 'commander';
import { InputError } from '../io/input-error.js';

/** Options whose value is a path: `--out <dir>`, `--snapshot <file>`, `--baseline <report.json>`. */
const PATH_VALUE = /<(file|dir|[\w.-]+\.(json|ya?ml))>/;

/**
 * `--out ''` resolves to the current directory, so reports (or a kit) would land there unasked; an empty
 * `--snapshot ''` or `--config ''` names no file either. Refused for every command, before anything runs.
 */
export function checkNoEmptyPathFlags(command: Command): void {
  const values = command.opts();
  for (const option of command.options) {
    if (!PATH_VALUE.test(option.flags)) continue;
    const value: unknown = values[option.attributeName()];
    const given = Array.isArray(value) ? value : [value]; // a repeatable --desired <file>
    if (given.some((v) => typeof v === 'string' && v.trim() === ''))
      throw new InputError(`${option.long}: give a path, not an empty string`);
  }
}
