import { InputError } from '../io/input-error.js';

// Keys every keysweep snapshot has at the top; a file with none of them is some other document.
const SNAPSHOT_KEYS = ['collectedAt', 'source', 'organization', 'accounts', 'identityCenter'] as const;

/**
 * Says "not a keysweep snapshot" in words before any field-level detail, when a file is valid JSON of
 * another shape (a report.json, a CloudFormation template, an array): a message about
 * `organization: expected object` would not tell the user they picked the wrong file.
 */
export function assertLooksLikeSnapshot(data: unknown, file: string): void {
  const found =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? SNAPSHOT_KEYS.filter((key) => key in data)
      : [];
  if (found.length > 0) return;
  const what = Array.isArray(data)
    ? 'a JSON array'
    : data === null
      ? 'null'
      : typeof data === 'object'
        ? 'a JSON object'
        : `a JSON ${typeof data}`;
  const hint =
    typeof data === 'object' && data !== null && 'findings' in data
      ? ' (it looks like a keysweep report; scan a file written by keysweep collect)'
      : ' (write one with keysweep collect --out FILE)';
  throw new InputError(
    `${file}: not a keysweep snapshot: ${what} without ${SNAPSHOT_KEYS.slice(0, 4).join('/')}${hint}`,
  );
}
