import { appendFile, readFile, rm, truncate } from 'node:fs/promises';
import { z } from 'zod';
import type { ShardSpec } from '../../inventory/account-shard.js';
import { type Account, accountSchema } from '../../inventory/snapshot-schema.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { fileErrorReason, writeFailureCode } from '../../io/file-error-reason.js';
import { InputError } from '../../io/input-error.js';

/**
 * Progress of one crawl, beside the snapshot it will become (`snap.json.partial.jsonl`): a header line
 * naming what is crawled, then one line per finished account, appended as each finishes. A crash or
 * Ctrl-C loses at most the accounts in flight; `--resume` reads the lines back and crawls the rest.
 * The snapshot itself is written (atomically) only once every account is done, so an interrupted run
 * never leaves a snapshot that looks complete.
 */
export const CHECKPOINT_SUFFIX = '.partial.jsonl';

const headerSchema = z.object({
  kind: z.literal('keysweep-crawl-checkpoint'),
  version: z.literal(1),
  organizationId: z.string().nullable(),
  /** What was asked for: resuming with other accounts, another role or another shard is refused. */
  scope: z.string(),
});
const lineSchema = z.object({ account: accountSchema, durationMs: z.number().nonnegative() });

export interface FinishedAccount {
  account: Account;
  durationMs: number;
}

export interface CrawlCheckpoint {
  /** Accounts a previous run finished, by id (empty when not resuming). */
  finished: Map<string, FinishedAccount>;
  record(finished: FinishedAccount): Promise<void>;
  /** The snapshot is safely written: the side file has served its purpose. */
  discard(): Promise<void>;
}

export interface CheckpointIdentity {
  organizationId: string | null;
  roleName: string;
  shard?: ShardSpec;
  onlyAccounts: string[];
  excludeAccounts: string[];
  onlyOus: string[];
}

export function checkpointFileFor(snapshotFile: string): string {
  return `${snapshotFile}${CHECKPOINT_SUFFIX}`;
}

function scopeOf(identity: CheckpointIdentity): string {
  const list = (values: string[]) => [...values].sort().join(',');
  return [
    `role=${identity.roleName}`,
    `shard=${identity.shard ? `${identity.shard.index}/${identity.shard.count}` : 'all'}`,
    `accounts=${list(identity.onlyAccounts)}`,
    `exclude=${list(identity.excludeAccounts)}`,
    `ou=${list(identity.onlyOus)}`,
  ].join(' ');
}

async function readExisting(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Opens the side file: fresh (truncated) for a new crawl; read back with `resume`. A header for another
 * organization or scope is an input error (exit 2) rather than a silent mix of two crawls.
 */
export async function openCrawlCheckpoint(
  file: string,
  identity: CheckpointIdentity,
  resume: boolean,
): Promise<CrawlCheckpoint> {
  const header = {
    kind: 'keysweep-crawl-checkpoint' as const,
    version: 1 as const,
    organizationId: identity.organizationId,
    scope: scopeOf(identity),
  };
  const finished = new Map<string, FinishedAccount>();
  const existing = resume ? await readExisting(file) : null;
  // Written whole or not at all (temporary file, then rename): a full disk never leaves a torn header,
  // nor (on resume) a rewrite that lost the accounts already finished.
  let content = `${JSON.stringify(header)}\n`;
  if (existing !== null) {
    const [first = '', ...rest] = existing.split('\n');
    const parsedHeader = headerSchema.safeParse(safeJson(first));
    if (!parsedHeader.success) throw new InputError(`${file}: line 1: not a keysweep crawl checkpoint`);
    if (parsedHeader.data.organizationId !== header.organizationId)
      throw new InputError(
        `${file}: organizationId: ${parsedHeader.data.organizationId} is not this organization (${header.organizationId}); remove the file or drop --resume`,
      );
    if (parsedHeader.data.scope !== header.scope)
      throw new InputError(
        `${file}: scope: written for "${parsedHeader.data.scope}", this run asks for "${header.scope}"; use the same flags or drop --resume`,
      );
    for (const line of rest) {
      // The last line may be cut short by a kill mid-write: that account is simply crawled again.
      const parsed = lineSchema.safeParse(safeJson(line));
      if (parsed.success) finished.set(parsed.data.account.id, parsed.data);
    }
    // Rewrite without a torn tail, so appended lines start on a line of their own.
    content = `${[JSON.stringify(header), ...[...finished.values()].map((f) => JSON.stringify(f))].join('\n')}\n`;
  }
  await writeFileAtomic(file, content, 0o600);
  // Bytes of whole lines in the file: an append that fails half-way is cut back to this.
  let size = Buffer.byteLength(content);
  // Appends are chained so two accounts finishing together never interleave their lines.
  let chain: Promise<void> = Promise.resolve();
  return {
    finished,
    record(entry) {
      chain = chain.then(async () => {
        const line = `${JSON.stringify(entry)}\n`;
        try {
          await appendFile(file, line);
        } catch (error) {
          throw await tornAppend(file, size, error);
        }
        size += Buffer.byteLength(line);
      });
      return chain;
    },
    discard: () => rm(file, { force: true }),
  };
}

/**
 * An append that failed (a full disk) may have written part of its line: the file is cut back to its
 * whole lines so it stays a valid checkpoint, and the run ends with one line naming it (exit 2).
 */
async function tornAppend(file: string, size: number, error: unknown): Promise<unknown> {
  await truncate(file, size).catch(() => undefined);
  const code = writeFailureCode(error);
  if (!code) return error;
  return new InputError(
    `cannot write ${file}: ${fileErrorReason(code)} (${code}); the accounts finished so far are kept there: free some space and run the same command with --resume`,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
