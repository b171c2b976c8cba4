import { resolve } from 'node:path';
import { InputError } from '../io/input-error.js';

/** The history file: --history, else KEYSWEEP_HISTORY; undefined when neither is set. */
export function historyPathOf(flag: string | undefined, cwd: string, env = process.env): string | undefined {
  if (flag !== undefined) {
    if (flag.trim() === '') throw new InputError('--history: give a file name');
    return resolve(cwd, flag);
  }
  const fromEnv = env.KEYSWEEP_HISTORY;
  return fromEnv === undefined || fromEnv === '' ? undefined : resolve(cwd, fromEnv);
}
