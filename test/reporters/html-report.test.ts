import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/model/report-model.js';
import { MAX_TABLE_ROWS } from '../../src/reporters/html/html-findings-table.js';
import { renderHtml } from '../../src/reporters/html/render-html.js';
import { demoModel } from './support/demo-model.js';

describe('report.html (static checks; test/browser drives it in Chromium)', () => {
  it('is self-contained: a CSP that forbids fetching, and no external src or href', async () => {
    const html = renderHtml(await demoModel());
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes every model string (names in AWS are set by whoever holds IAM rights)', async () => {
    const model = await demoModel();
    const finding = model.findings[0] as ReportFinding;
    finding.message = '<img src=x onerror=alert(1)>';
    finding.subject = '"><script>alert(2)</script>';
    const html = renderHtml(model);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('has the five charts and one table row per finding', async () => {
    const model = await demoModel();
    const html = renderHtml(model);
    for (const id of ['severity', 'key-age', 'by-account', 'by-rule', 'migration'])
      expect(html).toContain(`data-chart="${id}"`);
    expect(html.match(/<tr class="finding( related)?"/g)).toHaveLength(model.findings.length);
    // Facts about an access key another finding already covers are marked as related rows.
    expect(html.match(/<tr class="finding related"/g)).toHaveLength(
      model.findings.filter((f) => f.relatedTo).length,
    );
  });

  it('groups compliance controls by framework, passed ones included', async () => {
    const model = await demoModel();
    const html = renderHtml(model);
    for (const framework of new Set(model.compliance.map((c) => c.framework))) {
      const controls = model.compliance.filter((c) => c.framework === framework);
      const passed = controls.filter((c) => c.status === 'passed').length;
      expect(html).toContain(`${framework} — ${passed} of ${controls.length} controls passed`);
    }
    expect(html.match(/<td class="pill-(passed|failed|not_evaluated)">/g)).toHaveLength(
      model.compliance.length,
    );
  });

  it(`cuts the table to the worst ${MAX_TABLE_ROWS} findings for huge organizations, and says so`, async () => {
    const model = await demoModel();
    const template = model.findings[0] as ReportFinding;
    model.findings = Array.from({ length: MAX_TABLE_ROWS + 10 }, (_, i) => ({
      ...template,
      resourceArn: `${template.resourceArn}-${i}`,
    }));
    const html = renderHtml(model);
    expect(html.match(/<tr class="finding"/g)).toHaveLength(MAX_TABLE_ROWS);
    expect(html).toContain(`Showing the ${MAX_TABLE_ROWS} worst of ${MAX_TABLE_ROWS + 10} findings`);
  });
});
