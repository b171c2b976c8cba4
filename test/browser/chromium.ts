import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's package; `.ci/run` installs it. Override with KEYSWEEP_CHROMIUM for other machines. */
export const CHROMIUM_PATH = process.env.KEYSWEEP_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM_PATH);
/** In CI a missing browser is a broken machine, never a reason to skip. */
export const mustRun = process.env.CI === 'true';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh profile each time, so nothing cached or synced can leak into what the test sees. */
export async function launchChromium(): Promise<BrowserContext> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ks-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 1000 },
    deviceScaleFactor: 1,
  });
}
