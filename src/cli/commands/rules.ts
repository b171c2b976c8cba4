import type { Command } from 'commander';
import { InputError } from '../../io/input-error.js';
import { ALL_RULES } from '../../rules/catalog/index.js';
import { ruleMetadata } from '../../rules/rule-metadata.js';
import { ruleSummary } from '../../rules/rule-summary.js';
import type { CliIo } from '../cli-io.js';

const FORMATS = ['table', 'json'] as const;

/** `keysweep rules [--format table|json]`: the catalogue, with all metadata in JSON. */
export function registerRules(program: Command, io: CliIo): void {
  program
    .command('rules')
    .description('list the rules: id, severity, compliance ids and title (--format json: all metadata)')
    .option('--format <format>', 'table or json', 'table')
    .action((flags: { format: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format))
        throw new InputError(`--format: "${flags.format}" is not one of ${FORMATS.join(', ')}`);
      if (flags.format === 'json') {
        io.stdout(JSON.stringify({ rules: ALL_RULES.map(ruleMetadata) }, null, 2));
        return;
      }
      // The table needs no option metadata (a JSON Schema of every rule's options).
      const rules = ALL_RULES.map(ruleSummary);
      for (const line of renderTable(
        rules.map((r) => [
          r.id,
          r.severity,
          r.compliance.map((c) => `${shortFramework(c.framework)} ${c.control}`).join(', ') || '-',
          r.title,
        ]),
      )) {
        io.stdout(line);
      }
      io.stdout(`${rules.length} rules. Details: keysweep rules --format json, or docs/rules.md`);
    });
}

function shortFramework(framework: string): string {
  return framework === 'AWS-FSBP' ? 'FSBP' : framework.replace('CIS-AWS-', 'CIS');
}

function renderTable(rows: string[][]): string[] {
  const header = ['RULE', 'SEVERITY', 'COMPLIANCE', 'TITLE'];
  const all = [header, ...rows];
  // The title column is last and left unpadded so long titles do not widen the table.
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
  );
}
