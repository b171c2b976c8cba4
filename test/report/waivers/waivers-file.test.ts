import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../../src/io/input-error.js';
import { loadWaivers } from '../../../src/report/waivers/load-waivers.js';
import { waiversSchemaText } from '../../../src/report/waivers/waiver-schema.js';

const root = new URL('../../../', import.meta.url);

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-waivers-')), name);
  await writeFile(path, content);
  return path;
}

describe('waivers file', () => {
  it('schemas/waivers.schema.json is generated from the zod schema (run: npx tsx src/report/waivers/write-waivers-schema.ts)', async () => {
    // Compared as data: the committed file may be reformatted by biome.
    expect(JSON.parse(await readFile(new URL('schemas/waivers.schema.json', root), 'utf8'))).toEqual(
      JSON.parse(waiversSchemaText()),
    );
  });

  it('the published schema accepts the example and rejects a waiver without a reason', async () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(waiversSchemaText()));
    const example = parseYaml(await readFile(new URL('examples/waivers.yaml', root), 'utf8'));
    expect(validate(example) ? [] : validate.errors).toEqual([]);
    delete example.waivers[0].reason;
    expect(validate(example)).toBe(false);
  });

  it('loads the YAML example the same way keysweep does', async () => {
    const file = await loadWaivers(new URL('examples/waivers.yaml', root).pathname);
    expect(file.waivers).toHaveLength(2);
    expect(file.waivers[1]).toMatchObject({ account: '100000000001', expires: '2026-12-31' });
  });

  it('loads JSON too', async () => {
    const path = await fileWith(
      'w.json',
      JSON.stringify({
        waivers: [
          {
            rule: '*',
            resource: 'arn:aws:iam::*:root',
            reason: 'r',
            owner: 'o',
            expires: '2027-01-01T12:00:00Z',
          },
        ],
      }),
    );
    expect((await loadWaivers(path)).waivers[0]?.rule).toBe('*');
  });

  it.each([
    [
      'a missing reason',
      'waivers:\n  - { rule: r, resource: a, owner: o, expires: 2027-01-01 }\n',
      /w\.yaml: waivers\.0\.reason: /,
    ],
    [
      'a blank reason',
      'waivers:\n  - { rule: r, resource: a, reason: "  ", owner: o, expires: 2027-01-01 }\n',
      /waivers\.0\.reason: a waiver needs a reason/,
    ],
    [
      'a bad date',
      'waivers:\n  - { rule: r, resource: a, reason: x, owner: o, expires: next week }\n',
      /waivers\.0\.expires: /,
    ],
    [
      'a bad account',
      'waivers:\n  - { rule: r, resource: a, account: "12", reason: x, owner: o, expires: 2027-01-01 }\n',
      /waivers\.0\.account: must be a 12-digit/,
    ],
    [
      'an unknown field',
      'waivers:\n  - { rule: r, resource: a, reason: x, owner: o, expires: 2027-01-01, until: x }\n',
      /waivers\.0: /,
    ],
    ['not YAML', 'waivers: [\n', /w\.yaml: not valid YAML/],
  ])('rejects %s with one line naming file and field', async (_name, content, message) => {
    const path = await fileWith('w.yaml', content);
    const error = await loadWaivers(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
