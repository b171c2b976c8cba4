import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../io/input-error.js';
import { HISTORY_APPLICATION_ID, HISTORY_MIGRATIONS, HISTORY_SCHEMA_VERSION } from './history-schema.js';
import { loadSqlite, type SqliteDatabase } from './node-sqlite.js';

/** How long a writer waits for another one (two CI jobs recording into one file) before giving up. */
const DEFAULT_BUSY_TIMEOUT_MS = 60_000;

export interface HistoryFile {
  readonly path: string;
  readonly db: SqliteDatabase;
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE: concurrent writers queue, none loses rows). */
  write<T>(work: () => T): T;
  close(): void;
}

export interface OpenHistoryOptions {
  /** Create the file (and its schema) when it does not exist; else a missing file is an error. */
  create: boolean;
  /** Which flag or variable named the file, for messages. */
  label?: string;
  busyTimeoutMs?: number;
}

/**
 * Opens (and, for writers, creates or upgrades) a history file. A missing, truncated, corrupted, foreign
 * or newer file is one InputError line naming it (exit 2), before anything is written to it.
 */
export async function openHistory(path: string, options: OpenHistoryOptions): Promise<HistoryFile> {
  const { DatabaseSync } = await loadSqlite(`${options.label ?? '--history'} (a SQLite file)`);
  const exists = existsSync(path);
  if (!exists && !options.create) throw new InputError(`${path}: no such history file`);
  if (exists && !statSync(path).isFile()) throw new InputError(`${path}: not a file`);
  if (exists) checkWholeFile(path);
  let db: SqliteDatabase;
  try {
    db = new DatabaseSync(path);
  } catch (error) {
    throw historyError(path, error);
  }
  const file: HistoryFile = {
    path,
    db,
    write(work) {
      return guarded(path, () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = work();
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    close: () => db.close(),
  };
  try {
    guarded(path, () => {
      db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs ?? busyTimeoutFromEnv()}`);
      // 64 MiB of page cache (SQLite's default is 2 MiB): recording a scan looks up each finding's digest
      // in an index of every finding ever seen, which at 100k IAM users is tens of MiB.
      db.exec('PRAGMA cache_size = -65536');
    });
    migrate(file, options.create);
    return file;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Reads the SQLite header before SQLite does: a file shorter than its header says is truncated (SQLite
 * itself notices only when it reaches a missing page, maybe midway through writing), and a non-empty file
 * without the header is not a database at all.
 */
function checkWholeFile(path: string): void {
  const size = statSync(path).size;
  if (size === 0) return;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0')
    throw new InputError(
      `${path}: not a SQLite database (nor a keysweep history file)${read < 100 ? ', or truncated' : ''}`,
    );
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The page count in the header is valid only when the change counter matches "version-valid-for".
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (valid && pages * pageSize > size)
    throw new InputError(
      `${path}: truncated history file (${size} bytes, its header says ${pages * pageSize}); restore it from a copy`,
    );
}

function migrate(file: HistoryFile, canWrite: boolean): void {
  const read = () => {
    const applicationId = Number(file.db.prepare('PRAGMA application_id').get()?.application_id ?? 0);
    const version = Number(file.db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    const tables = Number(
      file.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get()?.n ?? 0,
    );
    return { applicationId, version, tables };
  };
  const check = (state: ReturnType<typeof read>) => {
    const empty = state.applicationId === 0 && state.version === 0 && state.tables === 0;
    if (!empty && state.applicationId !== HISTORY_APPLICATION_ID)
      throw new InputError(`${file.path}: not a keysweep history file (a SQLite database of something else)`);
    if (state.version > HISTORY_SCHEMA_VERSION)
      throw new InputError(
        `${file.path}: history schema version ${state.version} is newer than this keysweep reads (${HISTORY_SCHEMA_VERSION}); upgrade keysweep to use it`,
      );
    return empty;
  };
  const first = guarded(file.path, read);
  const empty = check(first);
  if (first.version === HISTORY_SCHEMA_VERSION) return;
  if (!canWrite) {
    if (empty) throw new InputError(`${file.path}: an empty file, not a keysweep history`);
    throw new InputError(
      `${file.path}: history schema version ${first.version} is older than this keysweep's (${HISTORY_SCHEMA_VERSION}): record one scan with --history to upgrade it`,
    );
  }
  file.write(() => {
    // Another writer may have created or upgraded the file meanwhile: decide again inside the lock.
    const state = read();
    check(state);
    for (let from = state.version; from < HISTORY_SCHEMA_VERSION; from += 1) {
      const sql = HISTORY_MIGRATIONS[from];
      if (!sql) throw new Error(`no history migration registered from schema version ${from}`);
      file.db.exec(sql);
    }
    file.db.exec(`PRAGMA application_id = ${HISTORY_APPLICATION_ID}`);
    file.db.exec(`PRAGMA user_version = ${HISTORY_SCHEMA_VERSION}`);
  });
}

function busyTimeoutFromEnv(): number {
  const raw = process.env.KEYSWEEP_HISTORY_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_BUSY_TIMEOUT_MS;
  if (!/^\d+$/.test(raw))
    throw new InputError(`KEYSWEEP_HISTORY_BUSY_TIMEOUT_MS: expected milliseconds (0 or more), got "${raw}"`);
  return Number(raw);
}

/** Runs SQLite work, turning SQLite's errors into one line naming the file. */
export function guarded<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw historyError(path, error);
  }
}

function historyError(path: string, error: unknown): Error {
  if (error instanceof InputError) return error;
  const sqlite = error as { code?: string; errcode?: number; errstr?: string; message?: string };
  if (sqlite?.code !== 'ERR_SQLITE_ERROR') return error as Error;
  // Primary result codes (the low byte): 5 busy, 6 locked, 11 corrupt, 26 not a database, 14 cannot open.
  const primary = (sqlite.errcode ?? 0) & 0xff;
  const reason =
    primary === 5 || primary === 6
      ? 'another keysweep is writing it and did not finish in time (KEYSWEEP_HISTORY_BUSY_TIMEOUT_MS)'
      : primary === 11 || primary === 26
        ? 'corrupted or not a SQLite database; restore it from a copy'
        : (sqlite.errstr ?? sqlite.message ?? 'SQLite error');
  return new InputError(`${path}: ${reason}`);
}
