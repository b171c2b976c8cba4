import type { MigrationAdvice } from '../../findings/finding.js';

/**
 * Migration advice read back from a spool is tagged with its record: two findings with the same record
 * share one advice, as they did in memory, though each read makes a fresh object; and a writer can keep
 * the record (a number and where to read it) instead of the advice object.
 */
export class MigrationRecord {
  constructor(
    readonly ref: number,
    private readonly read: (ref: number) => string,
  ) {}

  /** The advice as JSON, exactly as JSON.stringify wrote it when the finding was made. */
  text(): string {
    return this.read(this.ref);
  }
}

/** Non-enumerable: invisible to JSON and to deep equality. */
const RECORD = Symbol('keysweep.migrationRecord');

export function withMigrationRecord(advice: MigrationAdvice, record: MigrationRecord): MigrationAdvice {
  Object.defineProperty(advice, RECORD, { value: record });
  return advice;
}

export function migrationRecord(advice: MigrationAdvice): MigrationRecord | undefined {
  return (advice as { [RECORD]?: MigrationRecord })[RECORD];
}
