import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../io/input-error.js';
import { parseFailureReason } from '../io/parse-failure-reason.js';
import type { DeclaredDocument } from './desired-state-model.js';
import { looksLikeKeysweepDesiredState, readKeysweepDesiredState } from './keysweep-desired-reader.js';
import { looksLikeTerraformShow, readTerraformShow } from './terraform-show-reader.js';
import { looksLikeTerraformState, readTerraformState } from './terraform-state-reader.js';

/** Reads one desired-state file; the format comes from the content, never from the file name. */
export async function loadDeclaredDocument(file: string): Promise<DeclaredDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read desired-state file (${code ?? String(error)})`);
  }
  return parseDeclaredDocument(file, text);
}

export function parseDeclaredDocument(file: string, text: string): DeclaredDocument {
  const data = parseText(file, text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${file}: ${UNKNOWN_FORMAT}`);
  }
  const record = data as Record<string, unknown>;
  if (looksLikeKeysweepDesiredState(record)) return readKeysweepDesiredState(file, record);
  if (looksLikeTerraformShow(record)) return readTerraformShow(file, record);
  if (looksLikeTerraformState(record)) return readTerraformState(file, record);
  throw new InputError(`${file}: ${UNKNOWN_FORMAT}`);
}

const UNKNOWN_FORMAT =
  'not a desired state: expected a Terraform state (version 4), `terraform show -json` output, or a keysweep desired-state file (kind: keysweep.desired-state)';

function parseText(file: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new InputError(`${file}: empty file`);
  const json = /^\s*[{[]/.test(body);
  try {
    // State files are JSON and can be large: JSON.parse is much faster than a YAML parser.
    return json ? JSON.parse(body) : parseYaml(body);
  } catch (error) {
    const reason = parseFailureReason(error);
    throw new InputError(`${file}: not valid ${json ? 'JSON' : 'YAML'}: ${reason}`);
  }
}
