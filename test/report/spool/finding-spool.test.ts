import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { anAccessKey, aUser } from '../../../fixtures/builders/index.js';
import { loadDemoSnapshot } from '../../../src/demo/demo-snapshot.js';
import { hasRuleSteps } from '../../../src/findings/fill-fix-steps.js';
import type { Finding } from '../../../src/findings/finding.js';
import { mappedFindings } from '../../../src/report/model/finding-list.js';
import { findingWith } from '../../../src/report/model/finding-with.js';
import { type MigrationEntry, rulesById } from '../../../src/report/model/report-file.js';
import {
  buildReportModel,
  buildSpooledReportModel,
  snapshotFacts,
} from '../../../src/report/model/report-model.js';
import { FindingSpool } from '../../../src/report/spool/finding-spool.js';
import {
  DEFAULT_SPILL_THRESHOLD,
  SPILL_AT_ONCE_SNAPSHOT_BYTES,
  spillThresholdFor,
} from '../../../src/report/spool/spilling-sink.js';
import { SpoolFile } from '../../../src/report/spool/spool-file.js';
import { storedReportFileLine } from '../../../src/report/spool/stored-report-lines.js';
import { findingLine } from '../../../src/reporters/json/render-json.js';
import { ALL_RULES } from '../../../src/rules/catalog/index.js';
import { evaluate, evaluateInto, type FindingSink } from '../../../src/rules/engine.js';
import { ruleSummary } from '../../../src/rules/rule-summary.js';
import { DEMO_NOW } from '../../reporters/support/demo-model.js';
import { oneAccount } from '../../rules/support/snapshots.js';
import { FIXED_NOW } from '../../support/rule-tester.js';

/** Everything a reader sees of a finding: its enumerable fields in order, advice steps included. */
const asText = (findings: Iterable<unknown>) => [...findings].map((f) => JSON.stringify(f));

function spoolOf(snapshot: Parameters<typeof evaluate>[0], now: Date) {
  const spool = new FindingSpool(rulesById(ALL_RULES.map(ruleSummary)));
  const evaluation = evaluateInto(snapshot, { rules: ALL_RULES, now }, spool);
  return { evaluation, spooled: spool.finish() };
}

describe('the finding spool', () => {
  it('reads back the demo findings exactly as the in-memory model holds them, on every pass', async () => {
    const snapshot = await loadDemoSnapshot();
    const inMemory = buildReportModel(snapshot, evaluate(snapshot, { rules: ALL_RULES, now: DEMO_NOW }), {
      now: DEMO_NOW,
      toolVersion: 't',
    });
    const { evaluation, spooled } = spoolOf(snapshot, DEMO_NOW);
    try {
      const model = buildSpooledReportModel(snapshotFacts(snapshot, DEMO_NOW), evaluation, spooled, {
        now: DEMO_NOW,
        toolVersion: 't',
      });
      const expected = asText(inMemory.findings);
      expect(expected.length).toBeGreaterThan(100);
      expect(spooled.length).toBe(expected.length);
      expect(asText(spooled)).toEqual(expected);
      expect(asText(spooled)).toEqual(expected);
      // Counts come from the columns, without reading a line.
      expect(spooled.summary()).toEqual(inMemory.summary);
      expect(model.compliance).toEqual(inMemory.compliance);
      // Advice with the rule's steps stays recognisable as such (report.json leaves those steps out).
      const withRuleSteps = [...spooled].filter((f) => hasRuleSteps(f.advice));
      expect(withRuleSteps.length).toBeGreaterThan(0);
      // A copy with a baseline state (what a baseline view makes) is the in-memory finding spread with it:
      // every field, in that key order, though a spooled finding keeps four of them in getters.
      const waiver = { reason: 'r', owner: null, expires: null };
      const copies = [...spooled].map((f) =>
        findingWith(findingWith(f, { waiver }), { baselineState: 'new' }),
      );
      const plain = [...inMemory.findings].map((f) => ({ ...{ ...f, waiver }, baselineState: 'new' }));
      const asPlain = (f: object) => JSON.parse(JSON.stringify(f)) as object;
      expect(copies.map((f) => Object.keys(asPlain(f)))).toEqual(plain.map((f) => Object.keys(f)));
      expect(copies.map((f) => JSON.stringify(f))).toEqual(plain.map((f) => JSON.stringify(f)));
      expect(copies).toEqual(plain);
    } finally {
      spooled.remove();
    }
  });

  it("gives report.json's line of a finding from its stored line: as the JSON writer writes it, or not at all", async () => {
    const snapshot = await loadDemoSnapshot();
    const { spooled } = spoolOf(snapshot, DEMO_NOW);
    try {
      const rules = rulesById(ALL_RULES.map(ruleSummary));
      // The table as report.json keeps it: each resource's first advice, in report order.
      const migrations = new Map<string, MigrationEntry>();
      for (const { resourceArn, entry } of spooled.migrationTable()) migrations.set(resourceArn, entry);
      let given = 0;
      let related = 0;
      for (const finding of spooled) {
        const line = spooled.reportFileLine(finding, migrations);
        const written = findingLine(finding, rules.get(finding.ruleId), migrations);
        // Left to the writer only where report.json keeps the finding's own migration advice.
        if (line === undefined) {
          expect(JSON.parse(written).advice.migration).toBeDefined();
          continue;
        }
        expect(line).toBe(written);
        given += 1;
        if (finding.relatedTo) related += 1;
      }
      expect(given).toBeGreaterThan(spooled.length * 0.9);
      expect(related).toBeGreaterThan(0);
      // Advice other than the table's, and findings not of this list (a waiver view's copies), are left to the writer.
      const first = [...spooled].find((f) => f.advice.migration)!;
      const waiver = { reason: 'r', owner: 'o', expires: '2027-01-01' };
      const other = new Map(migrations);
      other.set(first.resourceArn, { ...first.advice.migration! });
      expect(spooled.reportFileLine(first, other)).toBeUndefined();
      expect(spooled.reportFileLine({ ...first }, migrations)).toBeUndefined();
      // Through a view (waivers): its own copies get none, the list's unchanged findings theirs.
      const view = mappedFindings(spooled, (f) =>
        f.resourceArn === first.resourceArn ? { ...f, waiver } : f,
      );
      let fromView = 0;
      for (const finding of view) {
        const line = storedReportFileLine(finding, migrations);
        if (finding.waiver) expect(line).toBeUndefined();
        else if (line !== undefined) fromView += 1;
      }
      const unwaived = [...spooled].filter(
        (f) => f.resourceArn !== first.resourceArn && spooled.reportFileLine(f, migrations) !== undefined,
      );
      expect(fromView).toBe(unwaived.length);
      expect(fromView).toBeGreaterThan(0);
    } finally {
      spooled.remove();
    }
  });

  it('counts by severity, rule, account and relation without reading a line', async () => {
    const snapshot = await loadDemoSnapshot();
    const { spooled } = spoolOf(snapshot, DEMO_NOW);
    const reads = vi.spyOn(SpoolFile.prototype, 'read');
    try {
      let related = 0;
      const bySeverity: Record<string, number> = {};
      for (const f of spooled) {
        bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
        if (f.relatedTo && f.ruleId && f.accountId && f.resourceArn && f.subject !== undefined) related += 1;
      }
      expect(related).toBeGreaterThan(0);
      const counted = Object.entries(spooled.summary().bySeverity).filter(([, n]) => n > 0);
      expect(bySeverity).toEqual(Object.fromEntries(counted));
      expect(reads).not.toHaveBeenCalled();
      // Asking for a message reads its line.
      const first = spooled[Symbol.iterator]().next().value!;
      expect(first.message.length).toBeGreaterThan(0);
      expect(reads).toHaveBeenCalled();
    } finally {
      reads.mockRestore();
      spooled.remove();
    }
  });

  it('relates the findings about one access key as the in-memory model does', () => {
    const key = anAccessKey({ accessKeyId: 'AKIASVCOLD0000000001', createDate: '2025-01-01T00:00:00.000Z' });
    const snapshot = oneAccount({ users: [aUser({ userName: 'svc-old', accessKeys: [key] })] });
    const inMemory = buildReportModel(snapshot, evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW }), {
      now: FIXED_NOW,
      toolVersion: 't',
    });
    const { spooled } = spoolOf(snapshot, FIXED_NOW);
    try {
      const related = [...spooled].filter((f) => f.relatedTo).map((f) => [f.ruleId, f.relatedTo]);
      expect(related.length).toBeGreaterThan(2);
      expect(related).toEqual(
        [...inMemory.findings].filter((f) => f.relatedTo).map((f) => [f.ruleId, f.relatedTo]),
      );
    } finally {
      spooled.remove();
    }
  });

  it('keeps its lines in private temporary files (one per rule, one of migration advice) and removes them', async () => {
    const snapshot = await loadDemoSnapshot();
    const spool = new FindingSpool(rulesById(ALL_RULES.map(ruleSummary)));
    const sink: FindingSink = {
      startRule: (id) => spool.startRule(id),
      add: (finding: Finding) => spool.add(finding),
    };
    evaluateInto(snapshot, { rules: ALL_RULES, now: DEMO_NOW }, sink);
    const spooled = spool.finish();
    const files = (
      spooled as unknown as { files: { findings: { dir: string }[]; migrations: { dir: string } } }
    ).files;
    const paths = [...files.findings, files.migrations].map((file) => file.dir);
    expect(files.findings).toHaveLength(new Set([...spooled].map((f) => f.ruleId)).size);
    for (const path of paths) expect(statSync(path).mode & 0o077).toBe(0);
    spooled.remove();
    spooled.remove();
    for (const path of paths) expect(existsSync(path)).toBe(false);
    expect(existsSync(dirname(paths[0]!))).toBe(true);
  });
});

describe('the engine sink', () => {
  it('hands each finding over once, with startRule before each rule', () => {
    const snapshot = oneAccount({ users: [aUser({ userName: 'jane', passwordEnabled: true })] });
    const seen: string[] = [];
    const ids = new Set<string>();
    evaluateInto(
      snapshot,
      { rules: ALL_RULES, now: FIXED_NOW },
      {
        startRule: (ruleId) => seen.push(`rule ${ruleId}`),
        add: (finding) => {
          expect(ids.has(finding.id)).toBe(false);
          ids.add(finding.id);
          seen.push(finding.ruleId);
        },
      },
    );
    expect(seen.filter((s) => s.startsWith('rule ')).length).toBe(ALL_RULES.filter((r) => !r.input).length);
    // Every finding comes after its own rule started.
    let current = '';
    for (const entry of seen) {
      if (entry.startsWith('rule ')) current = entry.slice(5);
      else expect(entry).toBe(current);
    }
    expect(ids.size).toBe(evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW }).findings.length);
  });
});

describe('when findings spill', () => {
  it('keeps them in memory up to the default threshold, and spills from the first for a large snapshot', () => {
    expect(spillThresholdFor(undefined)).toBe(DEFAULT_SPILL_THRESHOLD);
    expect(spillThresholdFor(SPILL_AT_ONCE_SNAPSHOT_BYTES - 1)).toBe(DEFAULT_SPILL_THRESHOLD);
    expect(spillThresholdFor(SPILL_AT_ONCE_SNAPSHOT_BYTES)).toBe(0);
  });
});
