import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A slice's status compared by hand (`slice.status === 'ok' ? slice.data : …`) instead of through the
 * reader in `src/inventory/slice-reader.ts`. The inventory and the collectors make slices and may look at
 * their status; everything above reads them through the reader, so "not collected" means the same there.
 */
export interface HandUnwrap {
  file: string;
  line: number;
  receiver: string;
  text: string;
}

const STATUS_CHECK = /([\w$.?!\][]+?)\??\.status\s*[!=]==?\s*'(ok|failed|not_collected)'/g;

/** Folders of src/ that make slices (and hold the reader). */
export const SLICE_MAKERS = ['inventory', 'collectors'];

/**
 * Status fields that are not a slice's, per file: an account's access, a principal's usage job and the
 * report's per-account scan status use the same words.
 */
export const NOT_SLICES: Readonly<Record<string, readonly string[]>> = {
  'report/model/scan-status.ts': ['account.access'],
  'migration-kit/guardrails/guardrails-readme.ts': ['account.access'],
  'migration-kit/right-sizing-plan.ts': ['principal'],
  'knowledge/service-usage.ts': ['principal'],
  'reporters/sarif/render-sarif.ts': ['a', 'account'],
  'report/baseline/compare-baseline.ts': ['a'],
  'migration-kit/existing-set-narrowing.ts': ['principal'],
  // The report model's own part status (already unwrapped through the reader), not a slice.
  'reporters/html/html-identity-center-section.ts': ['part'],
  'reporters/markdown/identity-center-section.ts': ['part'],
};

export function handUnwrapsIn(
  file: string,
  source: string,
  notSlices: Readonly<Record<string, readonly string[]>> = NOT_SLICES,
): HandUnwrap[] {
  const found: HandUnwrap[] = [];
  source.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(STATUS_CHECK)) {
      const receiver = match[1]!.replace(/\?$/, '');
      if (notSlices[file]?.includes(receiver)) continue;
      found.push({ file, line: index + 1, receiver, text: text.trim() });
    }
  });
  return found;
}

export function handUnwrapsUnder(src: string): HandUnwrap[] {
  const found: HandUnwrap[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const file = relative(src, path).split('\\').join('/');
        if (SLICE_MAKERS.includes(file.split('/')[0]!)) continue;
        found.push(...handUnwrapsIn(file, readFileSync(path, 'utf8')));
      }
    }
  };
  walk(src);
  return found;
}
