import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { buildAccessMatrix } from '../../access-matrix/access-matrix.js';
import { loadDemoSnapshot } from '../../demo/demo-snapshot.js';
import { loadSnapshot } from '../../inventory/snapshot-file.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { escapeControlCharacters } from '../../io/escape-control-characters.js';
import { InputError } from '../../io/input-error.js';
import { ACCESS_FORMATS, type AccessFormat, renderAccess } from '../../reporters/access/render-access.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { addLiveCollectionOptions, collectLive, type LiveCollectionFlags } from '../live-collection.js';
import { markLiveOnly } from '../live-only-flags.js';
import { checkInventorySource } from '../load-inventory.js';
import { parseNow } from '../parse-now.js';
import { checkOutputFile } from '../validate-output-location.js';

interface AccessFlags extends LiveCollectionFlags {
  demo?: boolean;
  snapshot?: string;
  format: string;
  out?: string;
  now?: string;
  person?: string;
  account?: string;
  permissionSet?: string;
}

/** `keysweep access`: one row per (person or workload, account, access path, permission). */
export function registerAccess(program: Command, io: CliIo): void {
  const command = program
    .command('access')
    .description(
      'who can reach which account, and how (Identity Center, IAM users, cross-account and federated roles)',
    )
    .option('--demo', 'use the bundled demo organization (no AWS needed)')
    .option('--snapshot <file>', 'read a snapshot written by `keysweep collect` instead of AWS')
    .option('--format <format>', `output: ${ACCESS_FORMATS.join('|')}`, 'csv')
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .option('--person <name>', 'only principals whose name contains this (case-insensitive)')
    .option('--account <id-or-name>', 'only this account')
    .option('--permission-set <name>', 'only this permission set (or IAM policy) name');
  // The matrix does not depend on the time: --now only stamps a live collection, so it is live-only.
  const now = new Option(
    '--now <iso>',
    'timestamp recorded as collectedAt of a live collection (ISO-8601 with Z or an offset)',
  );
  command.addOption(now);
  markLiveOnly(command, [now]);
  addLiveCollectionOptions(command).action(async (flags: AccessFlags, self: Command) => {
    io.setExitCode(await runAccess(flags, io, self));
  });
}

async function runAccess(flags: AccessFlags, io: CliIo, command: Command): Promise<number> {
  checkInventorySource(command, flags);
  if (!(ACCESS_FORMATS as readonly string[]).includes(flags.format))
    throw new InputError(`--format: "${flags.format}" is not one of ${ACCESS_FORMATS.join(', ')}`);
  for (const [flag, value] of [
    ['--person', flags.person],
    ['--account', flags.account],
    ['--permission-set', flags.permissionSet],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new InputError(`${flag}: give a non-empty value`);
  }
  const now = parseNow(flags.now);
  // The output location is checked before the (possibly long) collection, like scan and collect.
  const file = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  if (file !== undefined) await checkOutputFile('--out', file);
  // The matrix does not depend on the clock, so unlike scan a snapshot is not checked against it.
  const snapshot = flags.demo
    ? await loadDemoSnapshot()
    : flags.snapshot
      ? await loadSnapshot(flags.snapshot)
      : await collectLive({ ...flags, quiet: flags.quiet ?? flags.out === undefined }, now);
  if (flags.account !== undefined) checkAccountKnown(flags.account, snapshot);
  const matrix = buildAccessMatrix(snapshot, {
    person: flags.person,
    account: flags.account,
    permissionSet: flags.permissionSet,
  });
  const text = renderAccess(matrix, flags.format as AccessFormat);
  if (file !== undefined) {
    await writeFileAtomic(file, text);
    io.stderr(`wrote ${file} (${matrix.rows.length} rows)`);
    // Standard output carries the data itself (CSV with CRLF, JSON), byte for byte as in a file.
  } else io.stdout(text.replace(/\r?\n$/, ''));
  // Gap reasons carry AWS error text: escaped like every message echoing input.
  for (const gap of matrix.unknown)
    io.stderr(
      escapeControlCharacters(
        `keysweep: access unknown for ${gap.accountId ?? 'the organization'}: ${gap.slice}: ${gap.reason}`,
      ),
    );
  // Like scan: what was not collected makes the answer incomplete (exit 3), never silently shorter.
  return matrix.unknown.length > 0 ? EXIT.incomplete : EXIT.ok;
}

/**
 * `--account` naming no account of the inventory (a typo, another organization) would print an empty
 * matrix and exit 0, which reads as "nobody can reach it": refused (exit 2) instead. Matched as the
 * matrix matches it: the id, or the name without regard to case.
 */
function checkAccountKnown(wanted: string, snapshot: Snapshot): void {
  const lower = wanted.toLowerCase();
  if (snapshot.accounts.some((a) => a.id === lower || a.name.toLowerCase() === lower)) return;
  throw new InputError(
    `--account: "${wanted}" is neither the id nor the name of an account in this inventory (${snapshot.accounts.length} accounts)`,
  );
}
