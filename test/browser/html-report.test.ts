import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrichReport } from '../../src/report/model/enrich.js';
import type { ReportModel } from '../../src/report/model/report-model.js';
import { renderHtml } from '../../src/reporters/html/render-html.js';
import { renderJson } from '../../src/reporters/json/render-json.js';
import { demoModel } from '../reporters/support/demo-model.js';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, mustRun } from './chromium.js';

const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;
const NOW = new Date('2026-12-01T00:00:00Z');

if (!chromiumAvailable && !mustRun) {
  console.warn(
    `[browser] skipping the HTML report test: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set KEYSWEEP_CHROMIUM)`,
  );
}

describe('Chromium for the HTML report test', () => {
  it.runIf(mustRun)('is installed when CI=true (a missing browser fails, never skips)', () => {
    expect(chromiumAvailable, `no Chromium at ${CHROMIUM_PATH}`).toBe(true);
  });
});

/** The demo with a baseline from October and the example waivers, so every part of the page shows. */
async function richDemoModel(): Promise<ReportModel> {
  const dir = await mkdtemp(join(tmpdir(), 'ks-html-'));
  const baselinePath = join(dir, 'october.json');
  await writeFile(baselinePath, renderJson(await demoModel(new Date('2026-10-01T00:00:00Z'))));
  const waiversPath = new URL('../../examples/waivers.yaml', import.meta.url).pathname;
  return enrichReport(await demoModel(NOW), { now: NOW, baselinePath, waiversPath });
}

describe.skipIf(!chromiumAvailable && !mustRun)('report.html in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let model: ReportModel;
  const requests: string[] = [];
  const errors: string[] = [];

  const visibleRows = () => page.locator('#findings tbody tr.finding:visible');

  beforeAll(async () => {
    model = await richDemoModel();
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'report.html');
    await writeFile(file, renderHtml(model));
    context = await launchChromium();
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  // Each test starts from an unfiltered table, whatever the previous one left behind.
  beforeEach(async () => {
    if (page) await page.click('#filter-reset');
  });

  afterAll(async () => {
    await context?.close();
  });

  it('loads with no script errors and no request beyond the file itself', async () => {
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });

  it('renders every chart with visible marks', async () => {
    for (const id of ['severity', 'key-age', 'by-account', 'by-rule', 'migration']) {
      const chart = page.locator(`svg[data-chart="${id}"]`);
      const box = await chart.boundingBox();
      expect(box?.width, id).toBeGreaterThan(250);
      expect(box?.height, id).toBeGreaterThan(50);
      const marks = chart.locator('[data-value]');
      expect(await marks.count(), id).toBeGreaterThan(0);
      const drawn = await marks.evaluateAll(
        (els) =>
          els.filter(
            (el) => Number(el.getAttribute('data-value')) > 0 && el.getBoundingClientRect().width > 0,
          ).length,
      );
      expect(drawn, id).toBeGreaterThan(0);
    }
    const open = [...model.findings].filter((f) => !f.waiver && f.baselineState !== 'absent').length;
    expect(await page.locator('svg[data-chart="severity"] .donut-total').textContent()).toBe(String(open));
    const keyAges = await page
      .locator('svg[data-chart="key-age"] rect.bar')
      .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-value')), 0));
    expect(keyAges).toBe(model.inventory.activeAccessKeyAgesDays.length);
  });

  it('filters the findings table by text, severity and status', async () => {
    await expect.poll(() => visibleRows().count()).toBe(model.findings.length);
    await page.fill('#filter-text', 'svc-backup');
    const matching = [...model.findings].filter(
      (f) => f.resourceArn.includes('svc-backup') || f.message.includes('svc-backup'),
    ).length;
    await expect.poll(() => visibleRows().count()).toBe(matching);
    expect(await page.locator('#visible-count').textContent()).toBe(
      `${matching} of ${model.findings.length} findings`,
    );
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-severity', 'critical');
    const severities = await visibleRows().evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-severity')),
    );
    expect(severities.length).toBe([...model.findings].filter((f) => f.severity === 'critical').length);
    expect(new Set(severities)).toEqual(new Set(['critical']));
    await page.click('#filter-reset');
    await page.selectOption('#filter-status', 'waived');
    expect(await visibleRows().count()).toBe([...model.findings].filter((f) => f.waiver).length);
    await page.fill('#filter-text', 'no such thing anywhere');
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.click('#filter-reset');
  });

  it('sorts by a column, both ways', async () => {
    const accounts = () =>
      visibleRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account') ?? ''));
    await page.click('th[data-sort="account"]');
    const ascending = await accounts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    expect(await page.getAttribute('th[data-sort="account"]', 'aria-sort')).toBe('ascending');
    await page.click('th[data-sort="account"]');
    expect(await accounts()).toEqual([...ascending].sort((a, b) => b.localeCompare(a)));
    await page.click('th[data-sort="severity"]');
    const ranks = await visibleRows().evaluateAll((rows) =>
      rows.map((r) => Number(r.getAttribute('data-severity-rank'))),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('opens a finding to show its advice, and a chart bar filters the table', async () => {
    const first = visibleRows().first();
    await first.click();
    const advice = page.locator(`#${await first.getAttribute('aria-controls')}`);
    expect(await advice.isVisible()).toBe(true);
    expect(await advice.textContent()).toMatch(/Fix now/);
    await first.click();
    expect(await advice.isHidden()).toBe(true);

    const bar = page.locator('svg[data-chart="by-account"] [data-filter-account]').first();
    const account = await bar.getAttribute('data-filter-account');
    // Click a bar segment: the row's centre can fall in the gap between label and bar, where the svg is hit.
    await bar.locator('rect.bar').first().click();
    expect(await page.inputValue('#filter-account')).toBe(account);
    const shown = await visibleRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account')));
    expect(new Set(shown)).toEqual(new Set([account]));
    await page.click('#filter-reset');
  });

  it('keeps every chart above the fold at 1400 px and the page short', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const id of ['severity', 'key-age', 'by-account', 'by-rule', 'migration']) {
      const box = await page.locator(`svg[data-chart="${id}"]`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, `${id} bottom`).toBeLessThanOrEqual(900);
      expect(box!.x + box!.width, `${id} right`).toBeLessThanOrEqual(1400);
    }
    // The findings table scrolls inside the page (it made the page 26,000 px tall).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
  });

  it('fits the findings table into 1400 px: no horizontal overflow, ARNs break at : and /, names whole', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    const overflow = await page.evaluate(() => {
      const box = document.querySelector('.table-scroll') as HTMLElement;
      return box.scrollWidth - box.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const arns = await page.locator('#findings code.arn').evaluateAll((els) =>
      els.slice(0, 200).map((el) => ({
        wbr: el.querySelectorAll('wbr').length,
        title: el.getAttribute('title'),
        text: el.textContent,
        fits: (el.parentElement as HTMLElement).scrollWidth <= (el.parentElement as HTMLElement).clientWidth,
      })),
    );
    for (const arn of arns) {
      expect(arn.title).toBe(arn.text);
      if (arn.text?.startsWith('arn:')) expect(arn.wbr, arn.text ?? '').toBeGreaterThan(3);
      expect(arn.fits, arn.text ?? '').toBe(true);
    }
    // Rule names: whole in the table cells and in the by-rule chart (ids, never truncated with "…").
    const titlesFit = await page
      .locator('#findings .rule-title')
      .evaluateAll((els) =>
        els.every((el) => el.scrollWidth <= (el.parentElement as HTMLElement).clientWidth),
      );
    expect(titlesFit).toBe(true);
    const labels = await page
      .locator('svg[data-chart="by-rule"] text.axis-label')
      .evaluateAll((els) => els.map((el) => el.childNodes[0]?.textContent ?? ''));
    const ids = new Set(model.rules.map((r) => r.id));
    for (const label of labels) expect(ids.has(label), label).toBe(true);
  });

  it('shows facts about the same key under their primary finding', async () => {
    const related = page.locator('#findings tr.finding.related');
    expect(await related.count()).toBe([...model.findings].filter((f) => f.relatedTo).length);
    const first = related.first();
    const primaryId = [...model.findings].find((f) => f.relatedTo)?.relatedTo;
    expect(primaryId).toBeDefined();
    const previousIsPrimaryOrSibling = await first.evaluate((row) => {
      let prev = row.previousElementSibling;
      while (prev && (prev.classList.contains('advice') || prev.classList.contains('related')))
        prev = prev.previousElementSibling;
      return prev?.classList.contains('finding') ?? false;
    });
    expect(previousIsPrimaryOrSibling).toBe(true);
    expect(await page.locator('#not-covered').textContent()).toContain('legacy-closed');
    expect(await page.locator('.kpi', { hasText: 'accounts fully covered' }).textContent()).toContain(
      '13/14',
    );
  });

  it('saves a screenshot as a test artifact', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1400, height: 900 });
    const path = join(ARTIFACTS, 'report-html.png');
    const png = await page.screenshot({ path, fullPage: false });
    expect(png.byteLength).toBeGreaterThan(50_000);
    // A second view: the findings table with one finding's advice open.
    await page.setViewportSize({ width: 1440, height: 1100 });
    const first = visibleRows().first();
    await first.click();
    await page.locator('#findings-section').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('findings-section')?.scrollIntoView());
    const table = await page.screenshot({ path: join(ARTIFACTS, 'report-html-table.png') });
    expect(table.byteLength).toBeGreaterThan(30_000);
  });
});
