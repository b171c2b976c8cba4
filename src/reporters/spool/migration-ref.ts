import type { MigrationAdvice } from '../../rules/finding.js';

/**
 * Migration advice read back from a spool carries the number of its record: two findings with the same
 * number share one advice, as they did in memory, though each read makes a fresh object. Non-enumerable:
 * invisible to JSON and to deep equality.
 */
const MIGRATION_REF = Symbol('keysweep.migrationRef');

export function withMigrationRef(advice: MigrationAdvice, ref: number): MigrationAdvice {
  Object.defineProperty(advice, MIGRATION_REF, { value: ref });
  return advice;
}

export function migrationRef(advice: MigrationAdvice): number | undefined {
  return (advice as { [MIGRATION_REF]?: number })[MIGRATION_REF];
}
