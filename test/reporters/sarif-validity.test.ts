import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/report/model/report-model.js';
import { renderSarif } from '../../src/reporters/sarif/render-sarif.js';
import type { SarifLog } from '../../src/reporters/sarif/sarif-log.js';
import { demoModel } from './support/demo-model.js';
import { multitoolValidate, sarifSchemaErrors } from './support/sarif-validators.js';

/** The demo with one waived finding, one new, one unchanged and one absent (gone since the baseline). */
async function demoWithEveryState(): Promise<ReportModel> {
  const model = await demoModel();
  const [first, second, third] = model.findings;
  if (!first || !second || !third) throw new Error('demo has too few findings');
  first.waiver = { reason: 'break-glass key, vaulted', owner: 'secops', expires: '2027-01-31' };
  second.baselineState = 'new';
  third.baselineState = 'unchanged';
  model.findings.push({
    ...third,
    id: 'f'.repeat(32),
    resourceArn: `${third.resourceArn}-gone`,
    baselineState: 'absent',
  });
  return model;
}

const cases: Array<[string, () => Promise<{ text: string }>]> = [
  ['the demo', async () => ({ text: renderSarif(await demoModel()) })],
  [
    'waived, new, unchanged and absent results',
    async () => ({ text: renderSarif(await demoWithEveryState()) }),
  ],
  [
    'an aggregated run',
    async () => ({
      text: renderSarif(await demoWithEveryState(), {
        limits: { maxResultsPerRun: 10, maxGzippedBytes: 10_000_000 },
      }),
    }),
  ],
];

describe.each(cases)('SARIF for %s', (_name, make) => {
  it('passes the SARIF 2.1.0 JSON schema (ajv 2020)', async () => {
    const { text } = await make();
    expect(await sarifSchemaErrors(JSON.parse(text))).toEqual([]);
  });

  it('passes Sarif.Multitool validate --rule-kind "Sarif;Ghas" with no errors or warnings', async () => {
    const { text } = await make();
    const problems = await multitoolValidate(text);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(problems.filter((p) => p.level === 'warning')).toEqual([]);
  });

  it('gives every result exactly one relative physical location, line 1, and the ARN', async () => {
    const log = JSON.parse((await make()).text) as SarifLog;
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.locations).toHaveLength(1);
      const [location] = result.locations;
      expect(location.physicalLocation.artifactLocation.uri).toMatch(
        /^aws\/\d{12}\/[a-z0-9-]+\/[a-z0-9-]+\/\S+$/,
      );
      expect(location.physicalLocation.region.startLine).toBe(1);
      expect(location.logicalLocations[0]?.fullyQualifiedName).toBe(result.properties.resourceArn);
      expect(result.properties.resourceArn).toMatch(/^arn:aws:/);
      expect(result.properties.accountId).toMatch(/^\d{12}$/);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/\S/);
      expect(log.runs[0]?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
  });

  it('gives every rule the help and numeric security-severity GitHub needs', async () => {
    const log = JSON.parse((await make()).text) as SarifLog;
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.shortDescription.text).toMatch(/\S/);
      expect(rule.fullDescription.text).toMatch(/\S/);
      expect(rule.help.text).toMatch(/\S/);
      expect(rule.help.markdown).toMatch(/\S/);
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.properties.tags).toContain('security');
      const severity = rule.properties['security-severity'];
      expect(typeof severity).toBe('string');
      expect(severity).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(severity)).toBeGreaterThanOrEqual(0);
      expect(Number(severity)).toBeLessThanOrEqual(10);
    }
  });
});

describe('the validators can fail', () => {
  it('Sarif.Multitool reports a run without rules as a GHAS error', async () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] };
    const problems = await multitoolValidate(JSON.stringify(bad));
    expect(problems.some((p) => p.level === 'error' && p.ruleId === 'GH1018')).toBe(true);
  });

  it('the schema rejects a result whose location is not an object', async () => {
    const log = JSON.parse(renderSarif(await demoModel()));
    log.runs[0].results[0].locations = 'aws/1';
    expect((await sarifSchemaErrors(log)).length).toBeGreaterThan(0);
  });
});

describe('SARIF severity mapping', () => {
  it('maps critical/high/medium/low to 9.5/8.0/5.5/2.0 and keeps the finding severity on the result', async () => {
    const log = JSON.parse(renderSarif(await demoModel())) as SarifLog;
    const byId = new Map(
      log.runs[0]?.tool.driver.rules.map((r) => [r.id, r.properties['security-severity']]),
    );
    expect(byId.get('root-access-keys-exist')).toBe('9.5');
    expect(byId.get('iam-access-key-max-age')).toBe('8.0');
    const root = log.runs[0]?.results.find((r) => r.ruleId === 'root-access-keys-exist');
    expect(root?.level).toBe('error');
    expect(root?.properties.severity).toBe('critical');
  });
});
