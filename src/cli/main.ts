import { Command, CommanderError } from 'commander';
import { escapeControlCharacters, escapeControlCharactersPerLine } from '../io/escape-control-characters.js';
import { InputError } from '../io/input-error.js';
import { TOOL_VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import { registerAccess } from './commands/access.js';
import { registerCollect } from './commands/collect.js';
import { registerDrift } from './commands/drift.js';
import { registerHistory } from './commands/history.js';
import { registerMerge } from './commands/merge.js';
import { registerPlan } from './commands/plan.js';
import { registerPolicy } from './commands/policy.js';
import { registerRules } from './commands/rules.js';
import { registerScan } from './commands/scan.js';
import { registerTrend } from './commands/trend.js';
import { checkNoEmptyPathFlags } from './empty-path-flags.js';
import { EXIT } from './exit-codes.js';
import { guardStandardStreams } from './standard-output.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('keysweep')
    .description('Audit an AWS Organization for IAM users, access keys, root use and Identity Center drift')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run keysweep --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s.replace(/\n$/, '')),
      // Commander echoes unknown options and bad arguments: escaped like every other echo of input.
      writeErr: (s) => io.stderr(escapeControlCharactersPerLine(s.replace(/\n$/, ''))),
    });
  registerScan(program, io);
  registerCollect(program, io);
  registerRules(program, io);
  registerPolicy(program, io);
  registerMerge(program, io);
  registerAccess(program, io);
  registerDrift(program, io);
  registerPlan(program, io);
  program.hook('preAction', (_program, command) => checkNoEmptyPathFlags(command));
  registerTrend(program, io);
  registerHistory(program, io);
  return program;
}

/** Runs the CLI and returns the exit code; never throws for user errors. */
export async function runCli(argv: string[], io: Omit<CliIo, 'setExitCode'>): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram({
    ...io,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr(`keysweep: ${escapeControlCharacters(error.message)}`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `keysweep: internal error (a bug; please report it): ${escapeControlCharactersPerLine(detail)}`,
    );
    return EXIT.internal;
  }
}

export async function main(): Promise<void> {
  const streams = guardStandardStreams();
  const code = await runCli(process.argv.slice(2), {
    stdout: streams.stdout,
    stderr: streams.stderr,
    cwd: process.cwd(),
  });
  process.exitCode = streams.exitCode(code);
}
