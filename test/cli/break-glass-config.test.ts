import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportFile } from '../../src/report/model/report-file.js';
import { runKeysweep } from './run-cli.js';

describe('breakGlassUsers in keysweep.config.yaml', () => {
  it('marks the named user: checked as break-glass, never told to migrate', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ks-bg-'));
    // dave.admin (demo management account): a person with AdministratorAccess and no MFA.
    await writeFile(join(cwd, 'keysweep.config.yaml'), 'breakGlassUsers:\n  - dave.admin\n');
    const run = await runKeysweep(
      [
        'scan',
        '--demo',
        '--now',
        '2026-12-01T00:00:00Z',
        '--out',
        'r',
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      cwd,
    );
    expect(run.stderr).toEqual([]);
    const report = JSON.parse(await readFile(join(cwd, 'r', 'report.json'), 'utf8')) as ReportFile;
    const about = report.findings.filter((f) => f.resourceArn.endsWith(':user/dave.admin'));
    const rules = about.map((f) => f.ruleId);
    expect(rules).toContain('iam-break-glass-user-hygiene');
    expect(rules).not.toContain('iam-human-user-not-federated');
    for (const finding of about) {
      const migration = finding.advice.migration ?? report.migrations[finding.resourceArn];
      expect(migration?.kind).toBe('keep-break-glass');
    }
  });

  it('rejects a non-list value, naming the field', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ks-bg-'));
    await writeFile(join(cwd, 'keysweep.config.yaml'), 'breakGlassUsers: dave.admin\n');
    const run = await runKeysweep(['scan', '--demo', '--out', 'r', '--format', 'json'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).toContain('breakGlassUsers');
  });
});
