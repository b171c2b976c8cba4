import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;

interface ActionFile {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: Array<{ id?: string; env?: Record<string, string>; run?: string }> };
}

async function loadAction(): Promise<ActionFile> {
  return parseYaml(await readFile(join(root, 'action.yml'), 'utf8')) as ActionFile;
}

/** Runs the action's scan step as GitHub would: inputs become KS_* variables, outputs go to files. */
async function runScanStep(inputs: Record<string, string>) {
  const action = await loadAction();
  const step = action.runs.steps.find((s) => s.id === 'scan');
  if (!step?.run || !step.env) throw new Error('no scan step');
  const dir = await mkdtemp(join(tmpdir(), 'ks-action-'));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir };
  for (const [name, expression] of Object.entries(step.env)) {
    const input = /\$\{\{ inputs\.([a-z-]+) \}\}/.exec(expression)?.[1] ?? '';
    env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  Object.assign(env, {
    GITHUB_ACTION_PATH: root,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  });
  await writeFile(env.GITHUB_OUTPUT as string, '');
  const result = await promisify(execFile)('bash', ['-c', step.run], { cwd: dir, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const outputs = Object.fromEntries(
    (await readFile(env.GITHUB_OUTPUT as string, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  const summary = existsSync(env.GITHUB_STEP_SUMMARY as string)
    ? await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8')
    : '';
  return { ...result, outputs, summary, dir };
}

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
