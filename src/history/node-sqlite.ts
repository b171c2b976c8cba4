import { InputError } from '../io/input-error.js';

/*
 * node:sqlite, loaded only by the history commands: no dependency, no native build. @types/node 20 has no
 * types for it, so the few calls keysweep makes are typed here.
 */

export type SqlValue = null | number | bigint | string | Uint8Array;

export interface SqliteStatement {
  run(...params: SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: SqlValue[]): Record<string, SqlValue> | undefined;
  all(...params: SqlValue[]): Record<string, SqlValue>[];
}

export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
}

interface SqliteModule {
  DatabaseSync: new (path: string, options?: { open?: boolean; readOnly?: boolean }) => SqliteDatabase;
}

/** node:sqlite is in Node.js 22.5+ behind no flag from 22.13 (and 23.4); older Nodes lack it or need a flag. */
export const SQLITE_MINIMUM_NODE = '22.13';

export function nodeHasSqlite(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major === 22) return minor >= 13;
  if (major === 23) return minor >= 4;
  return major > 23;
}

let loaded: SqliteModule | undefined;

/**
 * node:sqlite, or one InputError line (exit 2) on a Node.js without it. Node prints an ExperimentalWarning
 * the first time the module loads: that one warning is kept off the user's screen, every other warning
 * still shows.
 */
export async function loadSqlite(what: string): Promise<SqliteModule> {
  if (loaded) return loaded;
  if (!nodeHasSqlite())
    throw new InputError(
      `${what} needs Node.js ≥ ${SQLITE_MINIMUM_NODE} (node:sqlite); this is Node.js ${process.versions.node}`,
    );
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const name = typeof warning === 'string' ? type : warning.name;
    if (name === 'ExperimentalWarning' && /SQLite/i.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    // A computed specifier: @types/node 20 does not know the module.
    const specifier = 'node:sqlite';
    loaded = (await import(specifier)) as SqliteModule;
  } finally {
    process.emitWarning = emitWarning;
  }
  return loaded;
}
