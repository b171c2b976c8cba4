/** What every command gets to talk to the outside: output lines, the exit code, the working directory. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  setExitCode: (code: number) => void;
  cwd: string;
}
