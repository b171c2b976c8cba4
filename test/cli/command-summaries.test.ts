import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/cli/command-summaries.js';
import { buildProgram, COMMAND_MODULES } from '../../src/cli/main.js';
import { runKeysweep } from './run-cli.js';

const quiet = { stdout: () => {}, stderr: () => {}, cwd: process.cwd(), setExitCode: () => {} };

describe('the top-level help, built without loading any command', () => {
  it('lists every command once, in the order of the command modules', () => {
    expect(COMMAND_SUMMARIES.map((s) => s.name)).toEqual(Object.keys(COMMAND_MODULES));
  });

  it("matches each command's own usage and description", async () => {
    const program = await buildProgram(quiet, 'all');
    const help = program.createHelp();
    expect(
      program.commands.map((c) => ({
        name: c.name(),
        term: help.subcommandTerm(c),
        description: c.description(),
      })),
    ).toEqual(COMMAND_SUMMARIES);
  });

  it('prints the same text as the help of the program with every command loaded', async () => {
    const full = await buildProgram(quiet, 'all');
    const { code, stdout } = await runKeysweep(['--help']);
    expect(code).toBe(0);
    expect(stdout.join('\n')).toBe(full.helpInformation().replace(/\n$/, ''));
  });

  it("loads the command that runs, with its own help and options (not the summary's)", async () => {
    const { code, stdout } = await runKeysweep(['help', 'merge']);
    expect(code).toBe(0);
    expect(stdout.join('\n')).toMatch(/Usage: keysweep merge \[options\] <snapshots\.\.\.>/);
    expect(stdout.join('\n')).toMatch(/snapshot files written by keysweep collect/);
  });

  it('suggests a close command name for a typo (exit 2)', async () => {
    const { code, stderr } = await runKeysweep(['sacn']);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toMatch(/unknown command 'sacn'/);
    expect(stderr.join('\n')).toMatch(/Did you mean scan\?/);
  });
});
