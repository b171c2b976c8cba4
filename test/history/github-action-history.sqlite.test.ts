import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAction, runScanStep } from '../reporters/support/github-action-step.js';

describe('action.yml with a history file', () => {
  it('appends each run to the history, and the job summary gets the trend line and the trend table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-action-history-'));
    const inputs = (now: string) => ({
      demo: 'true',
      format: 'md',
      history: 'keysweep-history.sqlite',
      'fail-build': 'false',
      args: `--now ${now}`,
    });
    const first = await runScanStep(inputs('2026-11-24T00:00:00Z'), dir);
    expect(first.outputs['exit-code'], first.stderr).toBe('1');
    expect(existsSync(join(dir, 'keysweep-history.sqlite'))).toBe(true);
    const second = await runScanStep(inputs('2026-12-01T00:00:00Z'), dir);
    expect(second.stderr).toBe('');
    expect(second.summary).toContain('Trend: as many IAM users of people');
    expect(second.summary).toContain('# keysweep trend: the migration to IAM Identity Center');
    // The summary file gathers both runs here; the second run's trend table has both scans.
    const latestTrend = second.summary.split('# keysweep trend').at(-1)!;
    expect(latestTrend.match(/^\| 2026-1\d-\d\d \|/gm)).toEqual(['| 2026-11-24 |', '| 2026-12-01 |']);
  });

  it('sets up Node.js 22 only when a history file is given', async () => {
    const action = (await loadAction()) as unknown as {
      runs: { steps: Array<{ with?: Record<string, string> }> };
    };
    const setup = action.runs.steps.find((s) => s.with?.['node-version']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(setup?.with?.['node-version']).toBe("${{ inputs.history != '' && '22' || '20' }}");
  });
});
