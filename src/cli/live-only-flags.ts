import type { Command, Option } from 'commander';
import { InputError } from '../io/input-error.js';
import { parsePositiveInt } from './parse-flags.js';

const liveOnlyOptions = new WeakMap<Command, Option[]>();

/** Records options that only mean something when keysweep crawls AWS itself. */
export function markLiveOnly(command: Command, options: Option[]): void {
  liveOnlyOptions.set(command, [...(liveOnlyOptions.get(command) ?? []), ...options]);
}

/**
 * With `--demo` or `--snapshot` nothing is collected, so a live-only flag (`--accounts`, `--role-name`,
 * `--concurrency`, …) would be silently ignored: it is refused instead. For a live run, `--concurrency`
 * is validated here, before config files are read and before any AWS call, the same for every command.
 */
export function checkLiveOnlyFlags(
  command: Command,
  input: { demo?: boolean; snapshot?: string; concurrency?: string },
): void {
  const offline = input.demo ? '--demo' : input.snapshot !== undefined ? '--snapshot' : null;
  if (offline === null) {
    if (input.concurrency !== undefined) parsePositiveInt('--concurrency', input.concurrency);
    return;
  }
  for (const option of liveOnlyOptions.get(command) ?? []) {
    const source = command.getOptionValueSource(option.attributeName());
    if (source === 'cli' || source === 'env') {
      throw new InputError(
        `${option.long}: only applies to a live scan; it has no effect with ${offline} (remove it)`,
      );
    }
  }
}
