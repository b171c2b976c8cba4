import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hideSdkMaintenanceNotices } from '../../src/cli/sdk-notices.js';
import { noCredentialsEnv, spawnKeysweep } from './spawn-keysweep.js';

const nodeMajor = Number(process.versions.node.split('.')[0]);

describe('a live scan that cannot start', () => {
  it.each([
    [['collect', '--out', 'snapshot.json']],
    [['scan', '--out', 'reports', '--now', '2026-12-01T00:00:00Z']],
  ])('%j without credentials says what to do, in one line, without the SDK notice', async (args) => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-nocreds-'));
    const run = await spawnKeysweep([...args, '--quiet'], { cwd: dir, env: noCredentialsEnv(dir) });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^keysweep: no AWS credentials found \(Could not load credentials from any providers\): /,
    );
    for (const hint of ['aws sso login --profile NAME', '--profile NAME', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID'])
      expect(lines[0]).toContain(hint);
    expect(run.stderr).not.toContain('NodeVersionSupportWarning');
    expect(await readdir(dir)).toEqual([]);
  });

  it.runIf(nodeMajor < 22)(
    '--verbose shows the SDK notice (Node.js < 22 only: newer Node gets none)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ks-nocreds-'));
      const run = await spawnKeysweep(['collect', '--out', 'snapshot.json', '--quiet', '--verbose'], {
        cwd: dir,
        env: noCredentialsEnv(dir),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('NodeVersionSupportWarning');
    },
  );

  it.runIf(nodeMajor >= 22)(
    '--verbose shows no SDK version notice on Node.js 22 and later (nothing to hide there)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ks-nocreds-'));
      const run = await spawnKeysweep(['collect', '--out', 'snapshot.json', '--quiet', '--verbose'], {
        cwd: dir,
        env: noCredentialsEnv(dir),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^keysweep: no AWS credentials found/m);
      expect(run.stderr).not.toContain('NodeVersionSupportWarning');
    },
  );

  it('leaves a value the user set for the SDK variable alone', () => {
    const env: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    hideSdkMaintenanceNotices(false, env);
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
    const fresh: NodeJS.ProcessEnv = {};
    hideSdkMaintenanceNotices(true, fresh);
    expect(fresh).toEqual({});
    hideSdkMaintenanceNotices(undefined, fresh);
    expect(fresh).toEqual({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  });
});
