import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { runKeysweep } from '../cli/run-cli.js';

describe('keysweep rules', () => {
  it('prints a table with every rule, its severity and compliance ids', async () => {
    const run = await runKeysweep(['rules']);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^RULE\s+SEVERITY\s+COMPLIANCE\s+TITLE$/);
    for (const rule of ALL_RULES)
      expect(run.stdout.some((line) => line.startsWith(`${rule.id} `))).toBe(true);
    expect(run.stdout.find((l) => l.startsWith('iam-access-key-max-age '))).toContain(
      'CIS3.0 1.14, CIS5.0 1.13, FSBP IAM.3',
    );
  });

  it('--format json lists all metadata: severity, compliance, advice, options with defaults', async () => {
    const run = await runKeysweep(['rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const { rules } = JSON.parse(run.stdout.join('\n'));
    expect(rules).toHaveLength(ALL_RULES.length);
    const maxAge = rules.find((r: { id: string }) => r.id === 'iam-access-key-max-age');
    expect(maxAge).toMatchObject({
      severity: 'high',
      compliance: expect.arrayContaining([{ framework: 'AWS-FSBP', control: 'IAM.3' }]),
      options: [
        { name: 'maxAgeDays', type: 'integer', default: 90, description: expect.stringContaining('rotated') },
      ],
      remediation: { console: expect.any(Array), cli: expect.any(Array) },
      migration: expect.stringContaining('Identity Center'),
    });
  });

  it('rejects an unknown format with exit 2', async () => {
    const run = await runKeysweep(['rules', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).toContain('--format: "xml"');
  });
});
