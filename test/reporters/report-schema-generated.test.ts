import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_PATH } from '../../scripts/generate-report-schema.js';
import { upgradeToCurrent } from '../../src/inventory/versions/upgrade-chain.js';
import { renderReportSchema, reportFileSchema } from '../../src/report/model/report-file.js';
import { REPORT_VERSIONS } from '../../src/report/versions/report-versions.js';
import { reportValidator } from './support/report-schema.js';

// biome-ignore lint/suspicious/noExplicitAny: tests corrupt arbitrary fields
type LooseReport = Record<string, any>;

const V1_REPORT = new URL('../fixtures/versions/report-v1/report.json', import.meta.url);

describe('schemas/report.schema.json', () => {
  it('is generated from the zod report schema (run: npx tsx scripts/generate-report-schema.ts)', async () => {
    expect(await readFile(REPORT_SCHEMA_PATH, 'utf8')).toBe(renderReportSchema());
  });

  it('accepts the demo report.json written before the refactor (v1 fixture) once upgraded, and zod parses it too', async () => {
    const report = upgradeToCurrent(JSON.parse(await readFile(V1_REPORT, 'utf8')), 'v1', REPORT_VERSIONS);
    const validate = await reportValidator();
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(reportFileSchema.safeParse(report).success).toBe(true);
  });

  it('rejects a finding without an ARN or with an unknown field', async () => {
    const report = upgradeToCurrent(
      JSON.parse(await readFile(V1_REPORT, 'utf8')),
      'v1',
      REPORT_VERSIONS,
    ) as LooseReport;
    const validate = await reportValidator();
    expect(validate(report)).toBe(true);
    const withoutArn = structuredClone(report);
    delete withoutArn.findings[0].resourceArn;
    expect(validate(withoutArn)).toBe(false);
    const extra = structuredClone(report);
    extra.findings[0].surprise = true;
    expect(validate(extra)).toBe(false);
  });
});
