import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKit } from '../migration-kit/support/kit.js';
import { chromiumAvailable, launchChromium, mustRun } from './chromium.js';

describe.skipIf(!chromiumAvailable && !mustRun)('runbook.html in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let markdown: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { files } = await demoKit();
    markdown = files.find((f) => f.path === 'runbook.md')!.content;
    const dir = await mkdtemp(join(tmpdir(), 'ks-runbook-'));
    const file = join(dir, 'runbook.html');
    await writeFile(file, files.find((f) => f.path === 'runbook.html')!.content);
    context = await launchChromium();
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the same waves and commands as runbook.md, with nothing loaded from elsewhere', async () => {
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    const waves = await page.locator('h2').allTextContents();
    const mdWaves = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(waves).toEqual(mdWaves);
    const code = (await page.locator('pre code').allTextContents()).join('\n');
    expect(code).toContain('aws iam delete-login-profile --user-name heidi.lamarr');
    expect(code).toContain('export AWS_PROFILE=<admin profile for 100000000012>');
    const warning = await page.locator('.warning').first().boundingBox();
    expect(warning?.height).toBeGreaterThan(10);
    expect(await page.locator('.warning').first().textContent()).toMatch(/^WARNING GRANTS \*:\*/);
  });
});
