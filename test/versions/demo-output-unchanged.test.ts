import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_VERSIONS } from '../../src/inventory/versions/report-versions.js';
import { upgradeToCurrent } from '../../src/inventory/versions/upgrade-chain.js';
import { runKeysweep } from '../cli/run-cli.js';

// The report set the demo produced before the issue-8 refactor (slice table, typed rule context,
// zod report contract). Refactoring must not change a byte of it; a deliberate change of output
// updates these files in the same commit and says why.
const FIXTURE = new URL('../fixtures/versions/report-v1/', import.meta.url);

describe('the demo report set is unchanged by refactoring', () => {
  it('writes SARIF and Markdown byte-identical to the committed v1 report set, and report.json equal to it upgraded to v2', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ks-unchanged-')), 'r');
    const run = await runKeysweep([
      'scan',
      '--demo',
      '--now',
      '2026-12-01T00:00:00Z',
      '--out',
      out,
      '--format',
      'sarif,json,md',
    ]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(1);
    for (const file of ['report.sarif', 'report.md']) {
      const written = await readFile(join(out, file), 'utf8');
      const expected = await readFile(new URL(file, FIXTURE), 'utf8');
      expect(written === expected, `${file} differs from test/fixtures/versions/report-v1/${file}`).toBe(
        true,
      );
    }
    // report.json changed on purpose (schemaVersion 2, issue 14: rule-level text once per rule); the
    // v1 → v2 upgrade of the old file must give exactly what this keysweep writes.
    const v1 = JSON.parse(await readFile(new URL('report.json', FIXTURE), 'utf8'));
    const written = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(written.schemaVersion).toBe(2);
    expect(written).toEqual(upgradeToCurrent(v1, 'report-v1/report.json', REPORT_VERSIONS));
  });
});
