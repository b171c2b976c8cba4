import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

// Issue 22, item 4: the disk fills up during a live collect (an injected ENOSPC on the checkpoint's
// second append, half the line written): one line naming the file, a checkpoint that stays valid, and a
// resume after space is freed that continues from it.
const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();
const DISK_FULL = fileURLToPath(new URL('./support/disk-full-checkpoint.mjs', import.meta.url));

describe.skipIf(endpoint === null)('a live collect when the disk fills up', () => {
  const motoEndpoint = endpoint ?? '';
  let org: MotoOrganization;
  let dir: string;

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-enospc-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names the checkpoint, keeps it whole lines only, and --resume then finishes the crawl', async () => {
    const out = join(dir, 'snap.json');
    const partial = `${out}.partial.jsonl`;
    const args = ['collect', '--out', out, '--now', NOW, '--concurrency', '1', '--quiet'];
    const full = await runKeysweepProcess(motoEndpoint, args, ['--import', DISK_FULL]);
    expect(full.keysweepLines).toEqual([
      `keysweep: cannot write ${partial}: no space left on the device (ENOSPC); the accounts finished so far are kept there: free some space and run the same command with --resume`,
    ]);
    expect(full.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    // Header and the one account whose line was written; the half line cut away.
    const text = await readFile(partial, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines).toHaveLength(2);

    const resumed = await runKeysweepProcess(motoEndpoint, [
      ...args.filter((a) => a !== '--quiet'),
      '--resume',
    ]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.keysweepLines).toContain(
      'keysweep: note: resuming: 1 account(s) already collected, 3 to go',
    );
    expect(existsSync(partial)).toBe(false);
    const snapshot = await loadSnapshot(out);
    const ok = snapshot.accounts.filter((a) => a.access.status === 'ok').map((a) => a.id);
    expect(ok.sort()).toEqual(
      [MANAGEMENT_ACCOUNT, org.accounts.prod, org.accounts.dev, org.accounts.sandbox].sort(),
    );
  });
});
