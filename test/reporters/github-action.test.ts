import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAction, runScanStep } from './support/github-action-step.js';

describe('action.yml', () => {
  it('passes every input to the scan step through the environment, and every variable comes from an input', async () => {
    const action = await loadAction();
    const step = action.runs.steps.find((s) => s.id === 'scan');
    const used = Object.values(step?.env ?? {}).map((e) => /inputs\.([a-z-]+)/.exec(e)?.[1]);
    expect(new Set(used)).toEqual(new Set(Object.keys(action.inputs)));
    expect(step?.run).not.toMatch(/\$\{\{/);
  });

  it('scans the demo, fills the job summary and outputs, and fails with keysweep exit code 1', async () => {
    const run = await runScanStep({ demo: 'true', format: 'sarif,json,md', category: 'aws-demo' });
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs['sarif-file']).toBe(join(run.dir, 'keysweep-report', 'report.sarif'));
    expect(run.summary).toMatch(/^# keysweep identity audit/);
    expect(run.stdout).toContain("::error title=keysweep::findings at or above 'high'");
    const sarif = JSON.parse(await readFile(run.outputs['sarif-file'] ?? '', 'utf8'));
    expect(sarif.runs[0].automationDetails.id).toBe('aws-demo/');
  }, 120_000);

  it('with fail-build false the step succeeds and reports the exit code; extra args are words, never shell', async () => {
    const marker = join(tmpdir(), `ks-action-injection-${process.pid}`);
    const run = await runScanStep({
      demo: 'true',
      format: 'json',
      'fail-build': 'false',
      args: `--quiet;touch ${marker}`,
    });
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(0);
    expect(run.outputs['exit-code']).toBe('2'); // "--quiet;touch" is an unknown option: a usage error
    const ok = await runScanStep({ demo: 'true', format: 'json', 'fail-build': 'false', 'fail-on': 'none' });
    expect(ok.outputs['exit-code']).toBe('0');
    expect(ok.outputs['sarif-file']).toBe('');
  }, 120_000);
});
