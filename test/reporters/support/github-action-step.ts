import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

export const root = new URL('../../../', import.meta.url).pathname;

export interface ActionFile {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: Array<{ id?: string; env?: Record<string, string>; run?: string }> };
}

export async function loadAction(): Promise<ActionFile> {
  return parseYaml(await readFile(join(root, 'action.yml'), 'utf8')) as ActionFile;
}

/** Runs the action's scan step as GitHub would: inputs become KS_* variables, outputs go to files. */
export async function runScanStep(inputs: Record<string, string>, cwd?: string) {
  const action = await loadAction();
  const step = action.runs.steps.find((s) => s.id === 'scan');
  if (!step?.run || !step.env) throw new Error('no scan step');
  const dir = cwd ?? (await mkdtemp(join(tmpdir(), 'ks-action-')));
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
