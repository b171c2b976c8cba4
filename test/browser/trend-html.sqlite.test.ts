import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrendReport } from '../../src/history/trend-model.js';
import { CSP } from '../../src/reporters/html/render-html.js';
import { runKeysweep } from '../cli/run-cli.js';
import {
  DEMO_SCAN_DATES,
  type DemoHistory,
  HOSTILE_ACCOUNT_ID,
  recordDemoHistory,
} from '../history/demo-history.js';
import { chromiumAvailable, launchChromium, mustRun } from './chromium.js';

describe.skipIf(!chromiumAvailable && !mustRun)(
  'trend.html and report.html with --history in headless Chromium',
  () => {
    let context: BrowserContext;
    let demo: DemoHistory;
    let trend: TrendReport;
    let trendHtml: string;
    const requests: string[] = [];
    const errors: string[] = [];

    async function open(file: string): Promise<Page> {
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return page;
    }

    const pointsOf = (page: Page, chart: string, series: string) =>
      page
        .locator(`svg[data-chart="${chart}"] [data-series="${series}"]`)
        .evaluateAll((marks) =>
          marks.map((m) => [m.getAttribute('data-scan'), Number(m.getAttribute('data-value'))]),
        );

    beforeAll(async () => {
      demo = await recordDemoHistory(await mkdtemp(join(tmpdir(), 'ks-trend-html-')));
      const json = await runKeysweep(['trend', '--history', demo.history, '--format', 'json']);
      trend = JSON.parse(json.stdout.join('\n'));
      trendHtml = join(demo.dir, 'trend.html');
      const run = await runKeysweep([
        'trend',
        '--history',
        demo.history,
        '--format',
        'html',
        '--out',
        trendHtml,
      ]);
      expect(run.code).toBe(0);
      context = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await context?.close();
    });

    it('trend.html draws the burndown, keys, severities and changes of every scan, as the JSON says', async () => {
      const page = await open(trendHtml);
      expect(await pointsOf(page, 'trend-burndown', 'humanIamUsers')).toEqual(
        trend.scans.map((s) => [s.takenAt, s.humanIamUsers]),
      );
      expect(await pointsOf(page, 'trend-keys', 'activeKeys')).toEqual(
        trend.scans.map((s) => [s.takenAt, s.activeKeys]),
      );
      expect(await pointsOf(page, 'trend-open', 'high')).toEqual(
        trend.scans.map((s) => [s.takenAt, s.open.high]),
      );
      expect(await pointsOf(page, 'trend-changes', 'fixed')).toEqual(
        trend.scans.map((s) => [s.takenAt, s.fixed]),
      );
      // The burndown really falls on screen: later points are drawn lower (larger y).
      const ys = await page
        .locator('svg[data-chart="trend-burndown"] [data-series="humanIamUsers"]')
        .evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('cy'))));
      expect(ys[0]!).toBeLessThan(ys[1]!);
      expect(ys[1]!).toBeLessThan(ys[2]!);
      expect(await page.locator('#trend-projection').textContent()).toBe(
        trend.burndown.projection!.statement,
      );
      expect(await page.locator('#trend-scans tbody tr').count()).toBe(DEMO_SCAN_DATES.length);
      // The hostile account name is text, not markup.
      const hostile = page.locator(`#trend-accounts tr[data-account="${HOSTILE_ACCOUNT_ID}"] td`).first();
      expect(await hostile.textContent()).toContain('<img src=x onerror=');
      expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
    });

    it('has report.html’s CSP, loads nothing but itself and runs without errors', async () => {
      const html = await readFile(trendHtml, 'utf8');
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('report.html of the latest scan shows the trend charts beside its own', async () => {
      const page = await open(join(demo.reportDirs[2]!, 'report.html'));
      expect(await page.locator('#trend-section').isVisible()).toBe(true);
      expect(await pointsOf(page, 'trend-burndown', 'humanIamUsers')).toEqual(
        trend.scans.map((s) => [s.takenAt, s.humanIamUsers]),
      );
      // Its own findings table still works.
      expect(await page.locator('#findings tbody tr.finding').count()).toBeGreaterThan(100);
      expect(errors).toEqual([]);
    });
  },
);
