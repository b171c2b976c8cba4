import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findingId } from '../../src/findings/finding.js';
import type { ReportFinding } from '../../src/report/model/report-model.js';
import { renderedText, renderReports } from '../../src/reporters/index.js';
import { renderSarif } from '../../src/reporters/sarif/render-sarif.js';
import type { SarifLog, SarifResult } from '../../src/reporters/sarif/sarif-log.js';
import { runKeysweep } from '../cli/run-cli.js';
import { demoModel } from './support/demo-model.js';
import { sarifSchemaErrors } from './support/sarif-validators.js';

async function scanDemoSarif(now: string): Promise<SarifLog> {
  const out = await mkdtemp(join(tmpdir(), 'ks-track-'));
  const run = await runKeysweep([
    'scan',
    '--demo',
    '--now',
    now,
    '--out',
    out,
    '--format',
    'sarif',
    '--quiet',
  ]);
  expect(run.code).toBe(1);
  return JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')) as SarifLog;
}

const identity = (r: SarifResult) =>
  `${r.ruleId} ${r.properties.resourceArn} ${String(r.properties.subject)}`;

describe('SARIF that GitHub can track across scans', () => {
  it('two demo scans two weeks apart give identical fingerprints for the same findings', async () => {
    const first = (await scanDemoSarif('2026-12-01T00:00:00Z')).runs[0]?.results ?? [];
    const later = (await scanDemoSarif('2026-12-15T00:00:00Z')).runs[0]?.results ?? [];
    const laterByIdentity = new Map(later.map((r) => [identity(r), r]));
    const common = first.filter((r) => laterByIdentity.has(identity(r)));
    expect(common.length).toBeGreaterThan(20);
    // Same findings, different ages: the message changes, the fingerprint must not.
    expect(common.some((r) => r.message.text !== laterByIdentity.get(identity(r))?.message.text)).toBe(true);
    for (const r of common) {
      expect(laterByIdentity.get(identity(r))?.partialFingerprints).toEqual(r.partialFingerprints);
    }
    // Keys crossing 90 days in those two weeks are new results with their own fingerprints.
    expect(new Set(later.map((r) => r.partialFingerprints.primaryLocationLineHash)).size).toBe(later.length);
  });

  it('derives the fingerprint from rule, ARN and subject only', async () => {
    const model = await demoModel();
    const finding = model.findings.find((f) => f.subject !== '') as ReportFinding;
    const log = JSON.parse(renderSarif(model)) as SarifLog;
    const result = log.runs[0]?.results.find((r) => r.properties.findingId === finding.id);
    expect(result?.partialFingerprints.primaryLocationLineHash).toBe(
      findingId(finding.ruleId, finding.resourceArn, finding.subject),
    );
  });

  it('names the run per organization, and --category overrides it', async () => {
    const model = await demoModel();
    const byDefault = JSON.parse(renderSarif(model)) as SarifLog;
    expect(byDefault.runs[0]?.automationDetails.id).toBe('keysweep/o-demo1234ab/');
    const [sarif] = renderReports(model, ['sarif'], { category: 'aws-org/prod' });
    expect(sarif?.fileName).toBe('report.sarif');
    expect(
      (JSON.parse(sarif ? renderedText(sarif.content) : '{}') as SarifLog).runs[0]?.automationDetails.id,
    ).toBe('aws-org/prod/');
  });

  it('emits waived findings as accepted external suppressions with the justification', async () => {
    const model = await demoModel();
    const waived = model.findings[0] as ReportFinding;
    waived.waiver = { reason: 'break-glass key kept in a safe', owner: 'secops', expires: '2027-03-01' };
    const results = (JSON.parse(renderSarif(model)) as SarifLog).runs[0]?.results ?? [];
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.properties.findingId).toBe(waived.id);
    expect(suppressed[0]?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'break-glass key kept in a safe',
        properties: { owner: 'secops', expires: '2027-03-01' },
      },
    ]);
  });

  it('carries baselineState onto results', async () => {
    const model = await demoModel();
    for (const f of model.findings) f.baselineState = 'unchanged';
    (model.findings[1] as ReportFinding).baselineState = 'new';
    const results = (JSON.parse(renderSarif(model)) as SarifLog).runs[0]?.results ?? [];
    expect(results.filter((r) => r.baselineState === 'new')).toHaveLength(1);
    expect(results.filter((r) => r.baselineState === 'unchanged')).toHaveLength(model.findings.length - 1);
  });
});

describe('SARIF with a baseline', () => {
  it('leaves findings gone since the baseline out (code scanning would keep them open) and counts them', async () => {
    const model = await demoModel();
    const gone = {
      ...(model.findings[0] as ReportFinding),
      resourceArn: 'arn:aws:iam::100000000001:user/deleted',
      baselineState: 'absent' as const,
    };
    model.findings.push(gone);
    model.baseline = {
      file: 'old.json',
      baselineNow: null,
      new: 0,
      unchanged: model.findings.length - 1,
      absent: 1,
      notRechecked: 0,
    };
    const run = (JSON.parse(renderSarif(model)) as SarifLog).runs[0];
    expect(run?.results).toHaveLength(model.findings.length - 1);
    expect(run?.results.some((r) => r.properties.resourceArn === gone.resourceArn)).toBe(false);
    expect(run?.properties.baseline).toMatchObject({ absentNotEmitted: 1 });
  });
});

describe('SARIF within GitHub limits', () => {
  it('aggregates per rule and account above 25,000 results and says so in the run properties', async () => {
    const model = await demoModel();
    const template = model.findings.find((f) => f.ruleId === 'iam-access-key-max-age') as ReportFinding;
    const accounts = ['100000000001', '100000000002', '100000000003'];
    model.findings = Array.from({ length: 25_001 }, (_, i) => {
      const accountId = accounts[i % accounts.length] as string;
      const resourceArn = `arn:aws:iam::${accountId}:user/generated-${i}`;
      return { ...template, accountId, resourceArn, id: findingId(template.ruleId, resourceArn, '') };
    });
    const text = renderSarif(model);
    const run = (JSON.parse(text) as SarifLog).runs[0];
    expect(run?.results).toHaveLength(3);
    expect(run?.properties.aggregated).toBe(true);
    expect(run?.properties.aggregation).toMatchObject({
      mode: 'per-rule-and-account',
      findingCount: 25_001,
      resultCount: 3,
    });
    expect(
      run?.results.map((r) => r.properties.findingCount).reduce((a, b) => Number(a) + Number(b), 0),
    ).toBe(25_001);
    expect(gunzipSync(gzipSync(text)).length).toBeLessThan(10 * 1024 * 1024);
    expect(await sarifSchemaErrors(JSON.parse(text))).toEqual([]);
  });

  it('aggregates when the gzipped log would exceed the size limit', async () => {
    const model = await demoModel();
    const text = renderSarif(model, { limits: { maxResultsPerRun: 25_000, maxGzippedBytes: 2_000 } });
    const run = (JSON.parse(text) as SarifLog).runs[0];
    expect(run?.properties.aggregated).toBe(true);
    expect(run?.results).toHaveLength(countRuleAccountPairs(model.findings));
    const unaggregated = (JSON.parse(renderSarif(model)) as SarifLog).runs[0];
    expect(unaggregated?.properties.aggregated).toBe(false);
    expect(unaggregated?.results).toHaveLength(model.findings.length);
  });
});

function countRuleAccountPairs(findings: ReportFinding[]): number {
  return new Set(findings.map((f) => `${f.ruleId} ${f.accountId}`)).size;
}
