import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccessMatrix } from '../../src/access-matrix/access-matrix.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { renderHtml } from '../../src/reporters/html/render-html.js';
import { demoModel } from '../reporters/support/demo-model.js';
import { chromiumAvailable, launchChromium, mustRun } from './chromium.js';

const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

describe.skipIf(!chromiumAvailable && !mustRun)('report.html access section in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const visible = () => page.locator('#access tbody tr:visible');

  beforeAll(async () => {
    const matrix = buildAccessMatrix(await loadDemoSnapshot());
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'report-with-access.html');
    await writeFile(file, renderHtml(await demoModel(), matrix));
    context = await launchChromium();
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('lists every row, then filters by person and by account', async () => {
    const matrix = buildAccessMatrix(await loadDemoSnapshot());
    expect(await visible().count()).toBe(matrix.rows.length);
    await page.selectOption('#access-person', 'heidi@example.com');
    const heidi = matrix.rows.filter((r) => r.principal === 'heidi@example.com');
    expect(await visible().count()).toBe(heidi.length);
    await page.selectOption('#access-account', '100000000008');
    expect(await visible().count()).toBe(heidi.filter((r) => r.accountId === '100000000008').length);
    await page.selectOption('#access-person', '');
    expect(await visible().count()).toBe(matrix.rows.filter((r) => r.accountId === '100000000008').length);
    expect(await page.locator('#access-count').textContent()).toMatch(/^\d+ of \d+ rows$/);
    expect(errors).toEqual([]);
  });

  it('the findings table still works beside it', async () => {
    expect(await page.locator('#findings tbody tr.finding').count()).toBeGreaterThan(100);
  });
});
