import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../../src/cli/main.js';

describe('exit codes', () => {
  it('an unexpected crash is 70 (internal error, a bug), with the stack and the input escaped', async () => {
    const stderr: string[] = [];
    const code = await runCli(['rules'], {
      stdout: () => {
        throw new Error('disk on fire \u001b[2J');
      },
      stderr: (line) => stderr.push(line),
      cwd: process.cwd(),
    });
    expect(code).toBe(70);
    expect(EXIT.internal).toBe(70);
    expect(stderr[0]).toMatch(
      /^keysweep: internal error \(a bug; please report it\): Error: disk on fire \\x1b\[2J\n {4}at /,
    );
  });

  it('the README table lists every exit code keysweep uses, 70 included', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Exit codes'), readme.indexOf('### Outputs'));
    const documented = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(documented).toEqual(Object.values(EXIT));
  });
});
