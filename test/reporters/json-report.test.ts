import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fillFixSteps } from '../../src/findings/fill-fix-steps.js';
import { expandFinding, type ReportFileFinding, rulesById } from '../../src/report/model/report-file.js';
import type { ReportModel } from '../../src/report/model/report-model.js';
import { renderJson } from '../../src/reporters/json/render-json.js';
import { demoModel } from './support/demo-model.js';
import { reportValidator } from './support/report-schema.js';

/** A parsed report.json, loosely typed so a test can break it on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests corrupt arbitrary fields
type LooseReport = Record<string, any>;

describe('report.json', () => {
  it('validates against the published schemas/report.schema.json', async () => {
    const validate = await reportValidator();
    const report = JSON.parse(renderJson(await demoModel()));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it('validates with waivers, baseline and compliance sections present', async () => {
    const validate = await reportValidator();
    const model = await demoModel();
    const [first, second] = model.findings;
    if (!first || !second) throw new Error('demo too small');
    first.waiver = { reason: 'vaulted', owner: 'secops', expires: '2027-01-01' };
    second.baselineState = 'absent';
    model.waivers = {
      file: 'waivers.yaml',
      entries: [
        {
          index: 0,
          rule: first.ruleId,
          resource: first.resourceArn,
          account: null,
          reason: 'vaulted',
          owner: 'secops',
          expires: '2027-01-01',
          status: 'active',
          matched: 1,
        },
      ],
    };
    model.baseline = {
      file: 'old.json',
      baselineNow: '2026-11-01T00:00:00.000Z',
      new: 0,
      unchanged: 45,
      absent: 1,
      notRechecked: 0,
    };
    Object.assign(model, {
      compliance: [
        {
          framework: 'CIS-AWS-5.0',
          control: '1.13',
          title: 'Keys rotated',
          ruleIds: ['iam-access-key-max-age'],
          status: 'failed',
          findings: 38,
        },
      ],
    });
    const report = JSON.parse(renderJson(model));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ['a finding without advice', (r: LooseReport) => delete r.findings[0].advice],
    ['an unknown severity', (r: LooseReport) => (r.findings[0].severity = 'severe')],
    ['an account status outside the contract', (r: LooseReport) => (r.scan.accounts[0].status = 'ok')],
    ['no summary', (r: LooseReport) => delete r.summary],
    ['a malformed account id', (r: LooseReport) => (r.findings[0].accountId = '42')],
  ])('the schema rejects %s', async (_name, breakIt) => {
    const validate = await reportValidator();
    const report = JSON.parse(renderJson(await demoModel()));
    breakIt(report);
    expect(validate(report)).toBe(false);
  });

  it('carries the fields DESIGN.md promises', async () => {
    const report = JSON.parse(renderJson(await demoModel()));
    expect(report).toMatchObject({ schemaVersion: 3, tool: { name: 'keysweep' }, scan: { complete: true } });
    for (const key of [
      'id',
      'ruleId',
      'severity',
      'accountId',
      'resourceArn',
      'resourceType',
      'message',
      'advice',
    ]) {
      expect(report.findings[0]).toHaveProperty(key);
    }
  });

  it('keeps rule-level text once per rule and migration advice once per resource (schemaVersion 3)', async () => {
    const model = await demoModel();
    const text = renderJson(model);
    const report = JSON.parse(text);
    for (const finding of report.findings) {
      expect(finding).not.toHaveProperty('rationale');
      expect(finding).not.toHaveProperty('compliance');
      const rule = report.rules.find((r: { id: string }) => r.id === finding.ruleId);
      expect(finding.advice.summary).not.toBe(rule.title);
      // Kept only where the finding's steps are not the rule's remediation filled in with its names.
      if (finding.advice.fixNow) {
        const filled = fillFixSteps(
          rule.remediation,
          finding.resourceArn,
          finding.subject,
          finding.accountId,
        );
        expect(finding.advice.fixNow).not.toEqual(filled);
      }
      if (finding.advice.migration) {
        expect(finding.advice.migration).not.toEqual(report.migrations[finding.resourceArn]);
      }
    }
    // Finding-specific advice stays, once per resource: people get their migration target.
    const migrations = Object.values(report.migrations) as LooseReport[];
    expect(migrations.some((m) => m.targetPermissionSet)).toBe(true);
    // Each finding is one line of compact JSON: greppable, and no indentation bytes.
    const lines = text.split('\n').filter((line) => line.startsWith('    {"id":'));
    expect(lines).toHaveLength(report.findings.length);
    // Nothing is lost: every finding expands back to the model's.
    const rules = rulesById(report.rules as ReportModel['rules']);
    const expanded = report.findings.map((f: ReportFileFinding) =>
      expandFinding(f, rules.get(f.ruleId), report.migrations),
    );
    expect(expanded).toEqual(model.findings);
    const snapshot = await readFile(new URL('../../fixtures/demo/demo-org.json', import.meta.url), 'utf8');
    // Rule text and filled-in fix steps once per rule, migration advice once per resource: 1.5x the
    // demo snapshot (v2 wrote 3.0x, v1 4.4x).
    expect(text.length / snapshot.length).toBeLessThan(2);
  });
});
