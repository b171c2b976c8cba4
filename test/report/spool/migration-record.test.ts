import { describe, expect, it } from 'vitest';
import type { MigrationAdvice } from '../../../src/findings/finding.js';
import { compactAdvice, type MigrationEntry } from '../../../src/report/model/report-file.js';
import { MigrationRecord, withMigrationRecord } from '../../../src/report/spool/migration-ref.js';

const ARN = 'arn:aws:iam::111111111111:user/jane';
const advice = (summary: string): MigrationAdvice => ({ kind: 'delete-user', summary, steps: ['delete'] });
const stored = [JSON.stringify(advice('first')), JSON.stringify(advice('other'))];
const read = (ref: number) => stored[ref]!;
/** A finding's advice as a spooled finding carries it (fresh object, tagged with its record). */
const fromSpool = (ref: number) =>
  withMigrationRecord(JSON.parse(read(ref)) as MigrationAdvice, new MigrationRecord(ref, read));

function compactWith(entry: MigrationEntry, migration: MigrationAdvice) {
  const finding = { resourceArn: ARN, advice: { summary: 's', fixNow: { console: [], cli: [] }, migration } };
  return compactAdvice(finding, undefined, new Map([[ARN, entry]]));
}

describe('migration table entries kept as spool records', () => {
  const entry = new MigrationRecord(0, read);

  it('leave out advice of the same record without reading it', () => {
    const reading = new MigrationRecord(0, () => {
      throw new Error('read');
    });
    expect(compactWith(reading, fromSpool(0)).migration).toBeUndefined();
  });

  it('compare other advice by its JSON, as advice objects are compared', () => {
    // Another record or a parsed baseline finding saying the same: left out.
    stored.push(stored[0]!);
    expect(compactWith(entry, fromSpool(2)).migration).toBeUndefined();
    expect(compactWith(entry, advice('first')).migration).toBeUndefined();
    // Saying something else: kept with the finding.
    expect(compactWith(entry, fromSpool(1)).migration).toEqual(advice('other'));
    expect(compactWith(entry, advice('other')).migration).toEqual(advice('other'));
    // An advice object entry against a spooled advice: by JSON too.
    expect(compactWith(advice('first'), fromSpool(0)).migration).toBeUndefined();
    expect(compactWith(advice('first'), fromSpool(1)).migration).toEqual(advice('other'));
  });
});
