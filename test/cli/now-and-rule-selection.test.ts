import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aSnapshot } from '../../fixtures/builders/index.js';
import { checkNowNotBeforeCollection, parseNow } from '../../src/cli/parse-now.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { runKeysweep } from './run-cli.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'ks-sel-'));

async function scanDemoExpectingUsageError(args: string[], message: RegExp, cwd?: string) {
  const out = join(await tempDir(), 'never');
  const run = await runKeysweep(['scan', '--demo', '--out', out, ...args], cwd);
  expect(run.code).toBe(2);
  expect(run.stderr).toHaveLength(1);
  expect(run.stderr[0]).toMatch(message);
  await expect(readdir(out)).rejects.toThrow(/ENOENT/);
}

describe('--now accepts only real instants with a zone', () => {
  it.each([
    ['2026-02-30T00:00:00Z', /is not a calendar date/],
    ['2026-04-31T12:00:00+02:00', /is not a calendar date/],
    ['2027-02-29T00:00:00Z', /is not a calendar date/],
    ['2026-12-01T00:00:00', /has no time zone: add Z/],
    ['2026-12-01', /is a date without a time and zone/],
    ['2026-12-01T24:30:00Z', /out of range/],
    ['2026-12-01T00:00:00+25:00', /out of range/],
    ['1764547200', /is not an ISO-8601 date-time/],
  ])('--now %s: exit 2', async (value, message) => {
    await scanDemoExpectingUsageError(
      ['--now', value],
      new RegExp(`^keysweep: --now: "${value.replace(/[+.]/g, '\\$&')}" .*${message.source}`),
    );
  });

  it('reads offsets and leap days exactly, whatever the machine zone', () => {
    expect(parseNow('2026-12-01T09:00:00+02:00').toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(parseNow('2028-02-29T00:00:00Z').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseNow('2026-12-01T00:00Z').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('a --now before the snapshot was collected is refused (it would make recent use look like today)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'snap.json');
    await writeFile(file, JSON.stringify({ ...aSnapshot(), collectedAt: '2026-11-20T00:00:00.000Z' }));
    const run = await runKeysweep([
      'scan',
      '--snapshot',
      file,
      '--now',
      '2026-11-19T23:59:59Z',
      '--out',
      join(dir, 'o'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `keysweep: --now: 2026-11-19T23:59:59.000Z is before ${file} was collected (collectedAt 2026-11-20T00:00:00.000Z); give a --now at or after it`,
    ]);
    await expect(readdir(join(dir, 'o'))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    ['drift', ['--desired', 'fixtures/desired-state/terraform.tfstate']],
    ['plan', ['--out', 'kit']],
  ])('%s refuses a --now before the snapshot was collected, like scan', async (command, extra) => {
    const dir = await tempDir();
    const file = join(dir, 'snap.json');
    await writeFile(file, JSON.stringify({ ...aSnapshot(), collectedAt: '2026-11-20T00:00:00.000Z' }));
    const args = [command, '--snapshot', file, '--now', '2026-11-19T23:59:59Z', ...extra];
    const run = await runKeysweep(args.map((a) => (a === 'kit' ? join(dir, 'kit') : a)));
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/--now: 2026-11-19T23:59:59\.000Z is before .* was collected/);
  });
});

describe('a snapshot from the future of the machine clock', () => {
  it('is refused too, naming the machine clock when no --now was given', () => {
    const snapshot = { collectedAt: '2026-02-01T00:00:00.000Z' };
    expect(() =>
      checkNowNotBeforeCollection(new Date('2026-01-31T00:00:00Z'), snapshot, 'f.json', false),
    ).toThrow(/^the clock of this machine \(2026-01-31T00:00:00\.000Z\) is before f\.json was collected/);
    expect(() =>
      checkNowNotBeforeCollection(new Date('2026-02-01T00:00:00Z'), snapshot, 'f.json', false),
    ).not.toThrow();
  });
});

describe('a scan that would check nothing is an error', () => {
  const NOW = ['--now', '2026-12-01T00:00:00Z'];

  it('--rule X --skip-rule X', async () => {
    await scanDemoExpectingUsageError(
      [...NOW, '--rule', 'iam-user-without-mfa', '--skip-rule', 'iam-user-without-mfa'],
      /^keysweep: --rule and --skip-rule together leave no rule to run$/,
    );
  });

  it.each(['', ' , '])('--rule %j does not mean "all rules"', async (value) => {
    await scanDemoExpectingUsageError(
      [...NOW, '--rule', value],
      /^keysweep: --rule: give at least one rule id/,
    );
  });

  it('--skip-rule naming every rule', async () => {
    await scanDemoExpectingUsageError(
      [...NOW, '--skip-rule', ALL_RULES.map((r) => r.id).join(',')],
      /^keysweep: --skip-rule leaves no rule to run$/,
    );
  });

  it('a config file that disables every rule', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'keysweep.config.yaml'),
      ['rules:', ...ALL_RULES.map((r) => `  ${r.id}: false`)].join('\n'),
    );
    await scanDemoExpectingUsageError(
      NOW,
      /keysweep\.config\.yaml: rules: every rule is disabled; nothing would be checked$/,
      cwd,
    );
  });
});
