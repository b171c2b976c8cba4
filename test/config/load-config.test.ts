import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from '../../scripts/generate-config-schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveRunConfig } from '../../src/config/run-config.js';
import { InputError } from '../../src/io/input-error.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'keysweep-config-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('config loader', () => {
  it('finds keysweep.config.yaml in cwd and applies enable/disable and options', async () => {
    const cwd = await dirWith({
      'keysweep.config.yaml': [
        'rules:',
        '  iam-user-without-mfa: false',
        '  iam-access-key-max-age:',
        '    options:',
        '      maxAgeDays: 30',
        '  root-used-recently:',
        '    enabled: false',
      ].join('\n'),
    });
    const config = await resolveRunConfig({ cwd, only: [], skip: [] });
    expect(config.configPath).toBe(join(cwd, 'keysweep.config.yaml'));
    const ids = config.rules.map((rule) => rule.id);
    expect(ids).not.toContain('iam-user-without-mfa');
    expect(ids).not.toContain('root-used-recently');
    expect(ids).toHaveLength(ALL_RULES.length - 2);
    expect(config.ruleOptions).toEqual({ 'iam-access-key-max-age': { maxAgeDays: 30 } });
  });

  it('reads --config FILE in JSON', async () => {
    const cwd = await dirWith({
      'custom.json': JSON.stringify({
        rules: { 'iam-credentials-unused': { options: { maxUnusedDays: 90 } } },
      }),
    });
    const config = await resolveRunConfig({ cwd, configPath: 'custom.json', only: [], skip: [] });
    expect(config.ruleOptions).toEqual({ 'iam-credentials-unused': { maxUnusedDays: 90 } });
  });

  it('--rule runs exactly the named rules, even one the file turns off; --skip-rule removes', async () => {
    const cwd = await dirWith({
      'keysweep.config.json': JSON.stringify({ rules: { 'root-mfa-disabled': false } }),
    });
    const only = await resolveRunConfig({ cwd, only: ['root-mfa-disabled'], skip: [] });
    expect(only.rules.map((r) => r.id)).toEqual(['root-mfa-disabled']);
    const skipped = await resolveRunConfig({ cwd, only: [], skip: ['iam-access-key-max-age'] });
    expect(skipped.rules.map((r) => r.id)).not.toContain('iam-access-key-max-age');
  });

  it('no file: every rule with defaults', async () => {
    const cwd = await dirWith({});
    expect(await loadConfig({ cwd })).toEqual({ path: null, config: {} });
  });

  const badCases: Array<[string, string, string]> = [
    [
      'bad option value',
      'rules:\n  iam-access-key-max-age:\n    options:\n      maxAgeDays: "sixty"\n',
      'keysweep.config.yaml: rules.iam-access-key-max-age.options.maxAgeDays: ',
    ],
    [
      'negative threshold',
      'rules:\n  iam-credentials-unused:\n    options:\n      maxUnusedDays: -1\n',
      'keysweep.config.yaml: rules.iam-credentials-unused.options.maxUnusedDays: ',
    ],
    [
      'misspelt option',
      'rules:\n  iam-access-key-max-age:\n    options:\n      maxAge: 3\n',
      'keysweep.config.yaml: rules.iam-access-key-max-age.options: Unrecognized key: "maxAge"',
    ],
    [
      'unknown rule id',
      'rules:\n  no-such-rule: false\n',
      'keysweep.config.yaml: rules: unknown rule id "no-such-rule" (see keysweep rules)',
    ],
    ['unknown top-level field', 'rulez: {}\n', 'keysweep.config.yaml: (root): Unrecognized key: "rulez"'],
  ];
  for (const [name, yaml, message] of badCases) {
    it(`rejects ${name} with one line naming file and field`, async () => {
      const cwd = await dirWith({ 'keysweep.config.yaml': yaml });
      const error = await resolveRunConfig({
        cwd,
        configPath: 'keysweep.config.yaml',
        only: [],
        skip: [],
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('rejects unknown --rule ids', async () => {
    await expect(resolveRunConfig({ cwd: tmpdir(), only: ['nope'], skip: [] })).rejects.toThrow(
      '--rule: unknown rule id "nope"',
    );
  });
});

describe('schemas/config.schema.json', () => {
  it('is generated from the zod schema (run: npx tsx scripts/generate-config-schema.ts)', async () => {
    expect(await readFile(CONFIG_SCHEMA_PATH, 'utf8')).toBe(renderConfigSchema());
  });

  it('lists every rule with its options', async () => {
    const schema = JSON.parse(await readFile(CONFIG_SCHEMA_PATH, 'utf8'));
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });
});
