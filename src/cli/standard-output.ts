import { fileErrorReason } from '../io/file-error-reason.js';
import { EXIT } from './exit-codes.js';

/**
 * Standard output and standard error as the CLI writes them: a line at a time, and a failure handled in
 * one place for every command instead of an unhandled 'error' event (exit 1, which means "findings").
 *
 * - The reader went away (`keysweep plan | head -1`: EPIPE): a quiet, normal end, as for git and grep.
 *   Nothing more is written there, nothing is said about it, and the run ends with the status it would
 *   have had (files it writes under --out are still written whole; `scan | head` still exits 1 on findings).
 * - Any other failure (`>/dev/full`: ENOSPC, EIO…): one line on standard error naming standard output,
 *   and exit 2, the exit of an unusable output location; later output to it is dropped.
 */
export interface StandardStreams {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The exit status to end with: the command's own, unless standard output failed (not a closed pipe). */
  exitCode: (commandCode: number) => number;
}

type Sink = Pick<NodeJS.WriteStream, 'write' | 'on'>;

export function guardStandardStreams(
  out: Sink = process.stdout,
  err: Sink = process.stderr,
  setProcessExitCode: (code: number) => void = (code) => {
    process.exitCode = code;
  },
): StandardStreams {
  let outClosed = false;
  let errClosed = false;
  let outFailed = false;
  const stderr = (line: string) => {
    if (!errClosed) err.write(`${line}\n`);
  };
  out.on('error', (error: NodeJS.ErrnoException) => {
    if (outClosed) return;
    outClosed = true;
    if (error.code === 'EPIPE') return;
    outFailed = true;
    stderr(
      `keysweep: cannot write standard output: ${fileErrorReason(error.code)} (${error.code ?? error.message})`,
    );
    // The error may come after the command returned (a write is reported a tick later): the status is set here too.
    setProcessExitCode(EXIT.usage);
  });
  // Standard error gone as well: nowhere left to say anything.
  err.on('error', () => {
    errClosed = true;
  });
  return {
    stdout: (line) => {
      if (!outClosed) out.write(`${line}\n`);
    },
    stderr,
    exitCode: (commandCode) => (outFailed ? EXIT.usage : commandCode),
  };
}
