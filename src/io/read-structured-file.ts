import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InputError } from './input-error.js';
import { parseFailureReason } from './parse-failure-reason.js';

/** Reads a JSON (or, when allowed, YAML) file; any failure is an InputError naming the file. */
export async function readStructuredFile(path: string, opts: { yaml?: boolean } = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read file (${code ?? String(error)})`);
  }
  const isYaml = opts.yaml === true && /\.ya?ml$/i.test(path);
  try {
    return isYaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const reason = parseFailureReason(error);
    throw new InputError(`${path}: not valid ${isYaml ? 'YAML' : 'JSON'}: ${reason}`);
  }
}
