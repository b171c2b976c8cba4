import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../io/input-error.js';

/**
 * `merge a.json b.json --out a.json` would replace a shard with the merge: if the merge is not what was
 * wanted, that shard is gone. Refused (exit 2) before anything is read, by path and by the file itself
 * (a link or another spelling of the same path).
 */
export async function checkMergeOutIsNoInput(out: string, inputs: readonly string[]): Promise<void> {
  const outStat = await stat(out).catch(() => null);
  for (const input of inputs) {
    const inputStat = await stat(input).catch(() => null);
    const sameFile =
      outStat !== null &&
      inputStat !== null &&
      outStat.dev === inputStat.dev &&
      outStat.ino === inputStat.ino;
    if (resolve(input) === resolve(out) || sameFile)
      throw new InputError(`--out: ${out} is also an input (${input}); write the merge to another file`);
  }
}
