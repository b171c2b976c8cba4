import { Command, CommanderError } from 'commander';
import { escapeControlCharacters, escapeControlCharactersPerLine } from '../io/escape-control-characters.js';
import { InputError } from '../io/input-error.js';
import { TOOL_VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import { COMMAND_SUMMARIES } from './command-summaries.js';
import { checkNoEmptyPathFlags } from './empty-path-flags.js';
import { EXIT } from './exit-codes.js';
import { guardStandardStreams } from './standard-output.js';

type RegisterCommand = (program: Command, io: CliIo) => void;

/**
 * Each command's module, imported only when that command runs (or its own help is asked for): a command
 * loads what it uses and nothing else, and `--version` or `--help` load no command at all. The order is
 * the order of `keysweep --help`.
 */
export const COMMAND_MODULES: Record<string, () => Promise<RegisterCommand>> = {
  scan: async () => (await import('./commands/scan.js')).registerScan,
  collect: async () => (await import('./commands/collect.js')).registerCollect,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  policy: async () => (await import('./commands/policy.js')).registerPolicy,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  access: async () => (await import('./commands/access.js')).registerAccess,
  drift: async () => (await import('./commands/drift.js')).registerDrift,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  trend: async () => (await import('./commands/trend.js')).registerTrend,
  history: async () => (await import('./commands/history.js')).registerHistory,
};

/** The command argv runs (or `keysweep help X` asks about), if it is one of keysweep's. */
function invokedCommand(argv: readonly string[]): string | undefined {
  // Commander runs a command only when it is the first word (the top level has no options that take a value).
  const name = argv[0] === 'help' ? argv[1] : argv[0];
  return name !== undefined && Object.hasOwn(COMMAND_MODULES, name) ? name : undefined;
}

/**
 * The program with every command: the ones named in `load` for real, the others as their one line of
 * top-level help (see command-summaries.ts). `load: 'all'` builds every command (tests).
 */
export async function buildProgram(io: CliIo, load: readonly string[] | 'all' = 'all'): Promise<Command> {
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
  const summaryTerms = new Map<Command, string>();
  for (const summary of COMMAND_SUMMARIES) {
    if (load === 'all' || load.includes(summary.name)) {
      (await COMMAND_MODULES[summary.name]!())(program, io);
    } else {
      const placeholder = program.command(summary.name).description(summary.description);
      summaryTerms.set(placeholder, summary.term);
    }
  }
  const help = program.createHelp();
  program.configureHelp({ subcommandTerm: (cmd) => summaryTerms.get(cmd) ?? help.subcommandTerm(cmd) });
  program.hook('preAction', (_program, command) => checkNoEmptyPathFlags(command));
  return program;
}

/** Runs the CLI and returns the exit code; never throws for user errors. */
export async function runCli(argv: string[], io: Omit<CliIo, 'setExitCode'>): Promise<number> {
  let exitCode: number = EXIT.ok;
  const command = invokedCommand(argv);
  try {
    const program = await buildProgram(
      {
        ...io,
        setExitCode: (code) => {
          exitCode = code;
        },
      },
      command === undefined ? [] : [command],
    );
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
