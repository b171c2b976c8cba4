import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../src/io/input-error.js';
import { compareWithBaseline } from '../../../src/report/baseline/compare-baseline.js';
import { loadBaseline } from '../../../src/report/baseline/load-baseline.js';
import { SpoolFile } from '../../../src/report/spool/spool-file.js';
import { renderJson } from '../../../src/reporters/json/render-json.js';
import { demoModel } from '../../reporters/support/demo-model.js';

const EARLY = new Date('2026-10-01T00:00:00Z');
const LATE = new Date('2026-12-01T00:00:00Z');

async function baselineFile(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-baseline-')), 'previous.json');
  await writeFile(path, content);
  return path;
}

describe('compareWithBaseline', () => {
  it('marks findings new or unchanged, and adds findings gone since as absent', async () => {
    const early = await demoModel(EARLY);
    const late = await demoModel(LATE);
    const fixed = early.findings[0];
    if (!fixed) throw new Error('demo too small');
    // Pretend the worst finding was fixed between the two scans.
    late.findings = late.findings.filter((f) => f.id !== fixed.id);
    const baseline = await loadBaseline(await baselineFile(renderJson(early)));
    const { findings, counts } = compareWithBaseline(late.findings, baseline, late);

    const earlyIds = new Set(early.findings.map((f) => f.id));
    expect(counts.unchanged).toBe(late.findings.filter((f) => earlyIds.has(f.id)).length);
    expect(counts.new).toBe(late.findings.length - counts.unchanged);
    expect(counts.new).toBeGreaterThan(0); // keys that crossed 90 days since October
    expect(counts.absent).toBe(1);
    expect([...findings].filter((f) => f.baselineState === 'absent').map((f) => f.id)).toEqual([fixed.id]);
    expect(findings).toHaveLength(late.findings.length + 1);
  });

  it('keeps the baseline as numbers in memory and reads back only the findings gone since', async () => {
    const early = await demoModel(EARLY);
    const late = await demoModel(EARLY);
    const gone = late.findings.slice(0, 3);
    late.findings = late.findings.slice(3);
    // A later duplicate of a finding in the current scan is new, not unchanged a second time.
    late.findings.push({ ...late.findings[0]! });
    const baseline = await loadBaseline(await baselineFile(renderJson(early)));
    try {
      expect(baseline.findings.digests).toHaveLength(early.findings.length * 4);
      const reads = vi.spyOn(SpoolFile.prototype, 'read');
      const { counts, findings } = compareWithBaseline(late.findings, baseline, late);
      expect(reads).not.toHaveBeenCalled();
      expect(counts).toEqual({ new: 1, unchanged: late.findings.length - 1, absent: 3, notRechecked: 0 });
      const absent = [...findings].filter((f) => f.baselineState === 'absent');
      expect(absent).toEqual(gone.map((f) => ({ ...f, baselineState: 'absent' })));
      // Only the gone findings' lines (and their migration advice) were read.
      expect(reads.mock.calls.length).toBeGreaterThan(0);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(6);
      reads.mockRestore();
    } finally {
      baseline.findings.remove();
    }
  });

  it('reads the gone findings once over findings in memory, on every pass over findings on disk', async () => {
    const early = await demoModel(EARLY);
    const late = await demoModel(EARLY);
    late.findings = late.findings.slice(3);
    const baseline = await loadBaseline(await baselineFile(renderJson(early)));
    try {
      const reads = vi.spyOn(baseline.findings, 'findingAt');
      // In memory, as many gone findings as current ones at most: read once, kept.
      const inMemory = compareWithBaseline(late.findings, baseline, late).findings;
      const first = [...inMemory];
      expect([...inMemory]).toEqual(first);
      expect(reads).toHaveBeenCalledTimes(3);
      // Current findings read from disk (any list that is not an array or a view of one): on each pass.
      reads.mockClear();
      const onDisk = { length: late.findings.length, [Symbol.iterator]: () => late.findings.values() };
      const fromDisk = compareWithBaseline(onDisk, baseline, late).findings;
      expect([...fromDisk]).toEqual(first);
      void [...fromDisk];
      expect(reads).toHaveBeenCalledTimes(6);
      // More gone findings than current ones: not kept either (a scan much smaller than its baseline).
      reads.mockClear();
      const few = late.findings.slice(0, 2);
      const smaller = compareWithBaseline(few, baseline, late).findings;
      const gone = [...smaller].filter((f) => f.baselineState === 'absent').length;
      void [...smaller];
      expect(gone).toBeGreaterThan(few.length);
      expect(reads).toHaveBeenCalledTimes(2 * gone);
      reads.mockRestore();
    } finally {
      baseline.findings.remove();
    }
  });

  it('matches through a rule alias after a rename', async () => {
    const early = await demoModel(EARLY);
    for (const f of early.findings)
      if (f.ruleId === 'root-access-keys-exist') f.ruleId = 'root-keys-old-name';
    const late = await demoModel(EARLY);
    const rule = late.rules.find((r) => r.id === 'root-access-keys-exist');
    if (!rule) throw new Error('rule missing');
    rule.aliases = ['root-keys-old-name'];
    const baseline = await loadBaseline(await baselineFile(renderJson(early)));
    const { counts } = compareWithBaseline(late.findings, baseline, late);
    expect(counts).toEqual({ new: 0, unchanged: late.findings.length, absent: 0, notRechecked: 0 });
  });

  it('does not call a finding absent when its account was not reached this time', async () => {
    const early = await demoModel(EARLY);
    const late = await demoModel(EARLY);
    const victim = early.findings[0];
    if (!victim) throw new Error('demo too small');
    const account = late.scan.accounts.find((a) => a.id === victim.accountId);
    if (!account) throw new Error('account missing');
    account.status = 'failed';
    late.findings = late.findings.filter((f) => f.accountId !== victim.accountId);
    const baseline = await loadBaseline(await baselineFile(renderJson(early)));
    const { counts, findings } = compareWithBaseline(late.findings, baseline, late);
    expect(counts.absent).toBe(0);
    expect(counts.notRechecked).toBe(early.findings.filter((f) => f.accountId === victim.accountId).length);
    expect([...findings].some((f) => f.baselineState === 'absent')).toBe(false);
  });

  it('ignores findings that were already absent in the baseline', async () => {
    const early = await demoModel(EARLY);
    const [first] = early.findings;
    if (!first) throw new Error('demo too small');
    first.baselineState = 'absent';
    const baseline = await loadBaseline(await baselineFile(renderJson(early)));
    expect(baseline.findings).toHaveLength(early.findings.length - 1);
  });

  it.each([
    ['not JSON', '{', /previous\.json: not valid JSON/],
    [
      'a newer schema version',
      JSON.stringify({ schemaVersion: 99, scan: { now: 'x' }, findings: [] }),
      /previous\.json: schemaVersion: 99 is newer than this keysweep reads/,
    ],
    ['not a keysweep report', JSON.stringify({ hello: 'world' }), /previous\.json: not a keysweep report/],
    [
      'a finding without an ARN',
      JSON.stringify({
        schemaVersion: 1,
        scan: { now: 'x' },
        findings: [
          {
            id: '0123456789abcdef0123456789abcdef',
            ruleId: 'r',
            severity: 'high',
            accountId: '111111111111',
            resourceType: 't',
            message: 'm',
            advice: { summary: 's', fixNow: { console: [], cli: [] } },
          },
        ],
      }),
      /previous\.json: findings\.0\.resourceArn: /,
    ],
  ])('rejects a baseline with %s in one line', async (_name, content, message) => {
    const error = await loadBaseline(await baselineFile(content)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it('reads back gone findings as zod gives them, whether their text was kept as written or not', async () => {
    // Findings as report.json has them, some kept as their own text (zod would return them as they are),
    // some through zod: an unknown key (stripped), a waiver (dropped), keys in another order, hostile text.
    const early = await demoModel(EARLY);
    const report = JSON.parse(renderJson(early)) as { findings: Array<Record<string, unknown>> };
    const hostile = 'a\u2028b\u0000"c\\d</script>\ud83d\ude00\\u00e9 \u0024{x} `';
    const [a, b, c, d] = report.findings;
    a!.message = hostile;
    b!.extra = { ignored: true };
    c!.waiver = { reason: 'r', owner: null, expires: null };
    const { id, ...rest } = d!;
    report.findings[3] = { ...rest, id };
    // Raw text with an escaped lone surrogate and escapes the writer would not have used.
    const text = JSON.stringify(report, null, 1).replace('"message": "', '"message": "\\ud800\\u0041');
    const baseline = await loadBaseline(await baselineFile(text));
    try {
      const expected = (JSON.parse(text) as typeof report).findings.slice(0, 4);
      const late = await demoModel(EARLY);
      const goneIds = new Set(expected.map((f) => f.id));
      late.findings = late.findings.filter((f) => !goneIds.has(f.id));
      const absent = [...compareWithBaseline(late.findings, baseline, late).findings].filter(
        (f) => f.baselineState === 'absent',
      );
      expect(absent.map((f) => f.id)).toEqual(expected.map((f) => f.id));
      expect(absent[0]!.message).toBe(`\ud800A${hostile}`);
      expect(absent[1]).not.toHaveProperty('extra');
      expect(absent[2]).not.toHaveProperty('waiver');
      for (const [i, finding] of absent.entries()) {
        expect(finding.details).toEqual(expected[i]!.details);
        expect(finding.resourceArn).toBe(expected[i]!.resourceArn);
        expect(finding.baselineState).toBe('absent');
      }
    } finally {
      baseline.findings.remove();
    }
  });

  it('reads the migration table entry by entry and names a bad entry in one line', async () => {
    const text = renderJson(await demoModel());
    const line = text.split('\n').find((l) => l.includes('"kind":"human-to-identity-center"'))!;
    const arn = JSON.parse(`{${line.replace(/,$/, '')}}`);
    const [name] = Object.keys(arn);
    const broken = text.replace(line, line.replace('"kind":"human-to-identity-center"', '"kind":"teleport"'));
    const error = await loadBaseline(await baselineFile(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('previous.json: migrations.');
    expect((error as Error).message).toContain(String(name));
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });
});
