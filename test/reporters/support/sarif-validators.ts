import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const multitoolDir = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
export const MULTITOOL_BINARY = join(multitoolDir, 'Sarif.Multitool');
const SARIF_SCHEMA_PATH = join(multitoolDir, 'sarif-2.1.0.json');

let compiled: (((data: unknown) => boolean) & { errors?: unknown }) | undefined;

/** Validates with the SARIF 2.1.0 schema the multitool ships; returns ajv's errors ([] when valid). */
export async function sarifSchemaErrors(log: unknown): Promise<unknown[]> {
  if (!compiled) {
    const schema = JSON.parse(await readFile(SARIF_SCHEMA_PATH, 'utf8'));
    const ajv = new Ajv2020({ strictRequired: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled(log) ? [] : ((compiled.errors as unknown[]) ?? ['invalid']);
}

export interface MultitoolFinding {
  ruleId: string;
  level: string;
  text: string;
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Ghas"` (the binary, not npx, which splits on `;`).
 * Its exit code is always 0, so this reads the log it writes. DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
 * lets it run on machines without libicu.
 */
export async function multitoolValidate(sarifText: string): Promise<MultitoolFinding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ks-sarif-'));
  const input = join(dir, 'report.sarif');
  const output = join(dir, 'validation.sarif');
  await writeFile(input, sarifText);
  const { stdout } = await promisify(execFile)(
    MULTITOOL_BINARY,
    ['validate', input, '--rule-kind', 'Sarif;Ghas', '-o', output],
    { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  let log: {
    runs: Array<{
      results?: Array<{
        ruleId: string;
        level?: string;
        message: { id?: string; text?: string; arguments?: string[] };
      }>;
      invocations?: Array<{
        toolExecutionNotifications?: unknown[];
        toolConfigurationNotifications?: unknown[];
      }>;
    }>;
  };
  try {
    log = JSON.parse(await readFile(output, 'utf8'));
  } catch {
    throw new Error(`Sarif.Multitool wrote no log; its output was:\n${stdout}`);
  }
  const run = log.runs[0];
  const toolProblems = [
    ...(run?.invocations?.[0]?.toolExecutionNotifications ?? []),
    ...(run?.invocations?.[0]?.toolConfigurationNotifications ?? []),
  ];
  if (toolProblems.length > 0)
    throw new Error(`Sarif.Multitool reported a tool problem: ${JSON.stringify(toolProblems)}`);
  return (run?.results ?? []).map((r) => ({
    ruleId: r.ruleId,
    // SARIF's default level is "warning".
    level: r.level ?? 'warning',
    text: r.message.text ?? `${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`,
  }));
}
