import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const run = promisify(execFile);

describe('bin/keysweep.js (what npx keysweep runs)', () => {
  it('prints the version', async () => {
    const { stdout } = await run(process.execPath, ['bin/keysweep.js', '--version']);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('prints help listing the scan command', async () => {
    const { stdout } = await run(process.execPath, ['bin/keysweep.js', '--help']);
    expect(stdout).toMatch(/Usage: keysweep/);
    expect(stdout).toMatch(/scan \[options\]/);
  });

  it('exits 2 on an unknown command', async () => {
    await expect(run(process.execPath, ['bin/keysweep.js', 'frobnicate'])).rejects.toMatchObject({ code: 2 });
  });
});
