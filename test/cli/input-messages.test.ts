import { mkdtemp, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import { createProgress } from '../../src/cli/progress/progress-reporter.js';
import { failed } from '../../src/inventory/collection.js';
import { escapeControlCharacters } from '../../src/io/escape-control-characters.js';
import { runKeysweep } from './run-cli.js';

const NOW = ['--now', '2026-12-01T00:00:00Z'];
const tempDir = () => mkdtemp(join(tmpdir(), 'ks-msg-'));
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function scanExpectingOneLine(args: string[], cwd?: string): Promise<string> {
  const dir = await tempDir();
  const out = join(dir, 'never');
  const run = await runKeysweep(['scan', ...NOW, '--out', out, ...args], cwd);
  expect(run.code).toBe(2);
  expect(run.stderr).toHaveLength(1);
  await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  return run.stderr[0] ?? '';
}

describe('input echoed in messages is escaped', () => {
  const TITLE_AND_CLEAR = '\u001b]0;pwned\u0007\u001b[2J\u0000';

  it('escapes ANSI sequences, NUL, line breaks and bidi overrides visibly', () => {
    expect(escapeControlCharacters(`a${TITLE_AND_CLEAR}\r\nb\u202e`)).toBe(
      'a\\x1b]0;pwned\\x07\\x1b[2J\\x00\\x0d\\x0ab\\u202e',
    );
    expect(escapeControlCharacters('plain ünïcode → ok')).toBe('plain ünïcode → ok');
  });

  it('a snapshot with an escape sequence outside any string (JSON parse error echoes it)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'evil.json');
    // Inside brackets (the sequence's own ] and [ keep the depth above zero), so JSON.parse judges it.
    await writeFile(file, `{"a": [${TITLE_AND_CLEAR}]}`);
    const line = await scanExpectingOneLine(['--snapshot', file]);
    expect(line).toMatch(/not valid JSON/);
    expect(line).toContain('\\x1b]0;pwned\\x07');
    expect(line).not.toMatch(RAW_CONTROL);
  });

  it('a snapshot that starts with a control byte is refused at that byte, named in hex', async () => {
    const dir = await tempDir();
    const file = join(dir, 'evil.json');
    await writeFile(file, `${TITLE_AND_CLEAR}{}`);
    const line = await scanExpectingOneLine(['--snapshot', file]);
    expect(line).toBe(`keysweep: ${file}: not valid JSON: unexpected byte 0x1b at offset 0`);
  });

  it('a 1 GiB file of zeros (sparse): one line at once, no heap warning, nothing written', async () => {
    const dir = await tempDir();
    const file = join(dir, 'zeros.json');
    await writeFile(file, '');
    await truncate(file, 2 ** 30);
    const line = await scanExpectingOneLine(['--snapshot', file]);
    expect(line).toBe(`keysweep: ${file}: not valid JSON: unexpected byte 0x00 at offset 0`);
  });

  it('a config key with an escape sequence (echoed as an unknown rule id)', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'keysweep.config.json'),
      JSON.stringify({ rules: { [`x${TITLE_AND_CLEAR}`]: false } }),
    );
    const line = await scanExpectingOneLine(['--demo'], cwd);
    expect(line).toMatch(/unknown rule id "x\\x1b\]0;pwned\\x07\\x1b\[2J\\x00"/);
    expect(line).not.toMatch(RAW_CONTROL);
  });

  it('flag values and unknown options echoed by the parser', async () => {
    const line = await scanExpectingOneLine(['--demo', '--format', `sarif,${TITLE_AND_CLEAR}`]);
    expect(line).not.toMatch(RAW_CONTROL);
    const run = await runKeysweep(['scan', '--demo', `--x${TITLE_AND_CLEAR}`]);
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).not.toMatch(RAW_CONTROL);
  });
});

describe('data echoed while running is escaped too', () => {
  const EVIL = 'Prod\u001b]0;pwned\u0007\u001b[2J';

  it('account names in the console summary (from a snapshot)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'snap.json');
    const account = anAccount({ id: '333333333333' });
    account.name = EVIL;
    account.access = { status: 'failed', error: { code: 'AccessDenied', message: 'denied' } };
    account.iam.users = failed('AccessDenied', 'role not assumed');
    await writeFile(file, JSON.stringify(aSnapshot({ accounts: [anAccount(), account] })));
    const run = await runKeysweep([
      'scan',
      '--snapshot',
      file,
      ...NOW,
      '--out',
      join(dir, 'r'),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(3);
    const summary = run.stdout.join('\n');
    expect(summary).toContain('333333333333 (Prod\\x1b]0;pwned\\x07\\x1b[2J, ');
    expect(summary).not.toMatch(RAW_CONTROL);
  });

  it('account names and AWS error text in live progress lines', () => {
    let written = '';
    const progress = createProgress({ stream: { write: (t: string) => (written += t) }, clock: () => 0 });
    progress.begin(1);
    progress.accountDone({
      accountId: '333333333333',
      name: EVIL,
      outcome: 'failed',
      calls: 1,
      detail: 'x\u0000y',
    });
    progress.note(`gap\u001b[2J`);
    expect(written).toContain('Prod\\x1b]0;pwned');
    expect(written).toContain('x\\x00y');
    expect(written.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('files of the wrong kind are named as such', () => {
  it.each([
    ['a JSON object of another shape', { Resources: {} }, /: not a keysweep snapshot: a JSON object without/],
    ['an array', [1, 2], /: not a keysweep snapshot: a JSON array/],
    [
      'a keysweep report',
      { schemaVersion: 1, scan: {}, findings: [] },
      /: not a keysweep snapshot: .*looks like a keysweep report/,
    ],
  ])('--snapshot with %s', async (_what, content, message) => {
    const file = join(await tempDir(), 'other.json');
    await writeFile(file, JSON.stringify(content));
    expect(await scanExpectingOneLine(['--snapshot', file])).toMatch(
      new RegExp(`^keysweep: ${file}${message.source}`),
    );
  });

  it('keysweep.config.yaml and keysweep.config.json side by side: refused, naming both', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'keysweep.config.yaml'), 'rules: {}\n');
    await writeFile(join(cwd, 'keysweep.config.json'), '{}');
    expect(await scanExpectingOneLine(['--demo'], cwd)).toBe(
      `keysweep: ${join(cwd, 'keysweep.config.yaml')} and ${join(cwd, 'keysweep.config.json')} are both present: keep one, or choose with --config FILE`,
    );
  });

  it('--config FILE chooses one of them', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'keysweep.config.yaml'), 'rules: {}\n');
    await writeFile(join(cwd, 'keysweep.config.json'), '{}');
    const run = await runKeysweep(
      [
        'scan',
        '--demo',
        ...NOW,
        '--out',
        join(cwd, 'r'),
        '--config',
        'keysweep.config.json',
        '--quiet',
        '--fail-on',
        'none',
      ],
      cwd,
    );
    expect(run).toMatchObject({ code: 0, stderr: [] });
  });
});

describe('waivers say what they reach', () => {
  async function waivers(...lines: string[]): Promise<string> {
    const file = join(await tempDir(), 'waivers.yaml');
    await writeFile(file, ['waivers:', ...lines].join('\n'));
    return file;
  }
  const common = ['    reason: r', '    owner: o'];

  it('an unknown rule id is rejected like in config and --rule', async () => {
    const file = await waivers(
      '  - rule: iam-acess-key-max-age',
      '    resource: "*"',
      ...common,
      '    expires: 2027-01-01',
    );
    expect(await scanExpectingOneLine(['--demo', '--waivers', file])).toBe(
      `keysweep: ${file}: waivers.0.rule: unknown rule id "iam-acess-key-max-age" (see keysweep rules)`,
    );
  });

  it('rule "*" with resource "*" needs scope: all', async () => {
    const file = await waivers('  - rule: "*"', '    resource: "*"', ...common, '    expires: 2027-01-01');
    expect(await scanExpectingOneLine(['--demo', '--waivers', file])).toBe(
      `keysweep: ${file}: waivers.0: rule "*" with resource "*" waives every finding; add "scope: all" to the waiver if that is intended`,
    );
    const scoped = await waivers(
      '  - rule: "*"',
      '    resource: "*"',
      '    scope: all',
      ...common,
      '    expires: 2027-01-01',
    );
    const run = await runKeysweep([
      'scan',
      '--demo',
      ...NOW,
      '--out',
      join(await tempDir(), 'r'),
      '--waivers',
      scoped,
      '--quiet',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: [] });
  });

  it.each(['31/12/2027', '2027-02-30', 'next year'])(
    'expires: %s names the expected format',
    async (expires) => {
      const file = await waivers(
        '  - rule: iam-access-key-max-age',
        '    resource: "*"',
        ...common,
        `    expires: "${expires}"`,
      );
      expect(await scanExpectingOneLine(['--demo', '--waivers', file])).toBe(
        `keysweep: ${file}: waivers.0.expires: must be a date YYYY-MM-DD (e.g. 2027-03-31) or an ISO-8601 date-time with a zone (e.g. 2027-03-31T18:00:00Z); got "${expires}"`,
      );
    },
  );
});
