import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseIni } from 'ini';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KitFile } from '../../src/migration-kit/render-kit.js';
import { demoKitPair, hostile, type KitPair } from './support/hostile-kit.js';
import { type ParsedTf, parseTf } from './support/kit.js';

let kit: KitPair;
beforeAll(async () => {
  kit = await demoKitPair();
}, 60_000);

const byPath = (files: KitFile[], path: string) => files.find((f) => f.path === path)!;

/** Block types and names of a parsed Terraform file: what a reviewer would apply. */
function shape(parsed: ParsedTf & Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [kind, value] of Object.entries(parsed)) {
    if (kind === 'import') out.import = (value as unknown[]).length;
    else if (kind === 'locals')
      out.locals = (value as Array<Record<string, unknown>>).map((l) => Object.keys(l));
    else if (kind === 'resource' || kind === 'data')
      out[kind] = Object.fromEntries(
        Object.entries(value as Record<string, Record<string, unknown>>).map(([type, named]) => [
          type,
          Object.keys(named).length,
        ]),
      );
    else out[kind] = Object.keys(value as object).length;
  }
  return out;
}

describe('hostile names in every kit file', () => {
  it('writes the same files for hostile names as for plain ones', () => {
    expect(kit.hostileFiles.map((f) => f.path).sort()).toEqual(kit.files.map((f) => f.path).sort());
    expect(kit.hostileFiles.some((f) => f.content.includes('pwn_'))).toBe(true);
  });

  it('Terraform: every .tf parses with the same blocks, no injected resource, names read back intact', async () => {
    const tf = kit.files.filter((f) => f.path.endsWith('.tf'));
    expect(tf.length).toBeGreaterThan(5);
    for (const file of tf) {
      const plain = (await parseTf(file)) as ParsedTf & Record<string, unknown>;
      const evil = (await parseTf(byPath(kit.hostileFiles, file.path))) as ParsedTf & Record<string, unknown>;
      expect(shape(evil), file.path).toEqual(shape(plain));
      expect(evil.resource?.aws_iam_user, file.path).toBeUndefined();
    }
    const groups = (await parseTf(byPath(kit.hostileFiles, 'identity-center/groups.tf'))).resource!
      .aws_identitystore_group!;
    const names = Object.values(groups).map((g) => (g[0] as { display_name: string }).display_name);
    // hcl2json shows a literal ${ as $${ and %{ as %%{ (what Terraform stores); everything else is exact.
    const asParsed = (text: string) => text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
    expect(names).toContain(asParsed(hostile('group0')));
  });

  it('CLI profiles: the ini has the same sections and keys, none injected', () => {
    const profiles = kit.files.filter((f) => f.path.startsWith('cli-profiles/'));
    expect(profiles.length).toBeGreaterThan(0);
    for (const file of profiles) {
      const plain = parseIni(file.content);
      const evil = parseIni(byPath(kit.hostileFiles, file.path).content);
      // Profile names come from account names (sanitised), so only their number and keys must agree.
      expect(Object.keys(evil).length, file.path).toBe(Object.keys(plain).length);
      for (const [e, p] of Object.keys(evil).map((s, i) => [s, Object.keys(plain)[i]!] as const)) {
        expect(e, file.path).toMatch(/^(sso-session keysweep|profile [\w.+-]+)$/);
        expect(Object.keys(evil[e]), `${file.path} [${e}]`).toEqual(Object.keys(plain[p]));
        for (const value of Object.values(evil[e] as Record<string, string>))
          expect(value, `${file.path} [${e}]`).not.toMatch(/pwn|[\r\n]/);
      }
    }
  });

  it('people.csv: same rows and columns, every formula defused, names kept', () => {
    const plain = parseCsv(byPath(kit.files, 'people.csv').content) as string[][];
    const evil = parseCsv(byPath(kit.hostileFiles, 'people.csv').content) as string[][];
    expect(evil.map((r) => r.length)).toEqual(plain.map((r) => r.length));
    for (const row of evil) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const displayName = evil[0]!.indexOf('display_name');
    expect(evil.slice(1).map((r) => r[displayName])).toContain(`'${hostile('person0')}`);
  });

  it('runbook.md: same lines and headings, no raw HTML, fences intact', () => {
    const plain = byPath(kit.files, 'runbook.md').content.split('\n');
    const evil = byPath(kit.hostileFiles, 'runbook.md').content.split('\n');
    expect(evil.length).toBe(plain.length);
    const headings = (lines: string[]) => lines.filter((l) => /^#{1,6} /.test(l)).length;
    expect(headings(evil)).toBe(headings(plain));
    const fences = (lines: string[]) => lines.filter((l) => /^```/.test(l)).length;
    expect(fences(evil)).toBe(fences(plain));
    // Every unescaped < is the runbook's own (placeholders in code): as many as with plain names.
    const rawAngles = (lines: string[]) => lines.join('\n').match(/(^|[^\\])<[a-z/!]/gim)?.length ?? 0;
    expect(rawAngles(evil)).toBe(rawAngles(plain));
    for (const line of evil) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e\u2028]/);
    }
  });

  it('scp/README.md: same lines and headings, no raw HTML', () => {
    const plain = byPath(kit.files, 'scp/README.md').content.split('\n');
    const evil = byPath(kit.hostileFiles, 'scp/README.md').content.split('\n');
    expect(evil.length).toBe(plain.length);
    expect(evil.filter((l) => l.startsWith('#'))).toHaveLength(plain.filter((l) => l.startsWith('#')).length);
    expect(evil.join('\n')).not.toMatch(/(^|[^\\])<img/);
  });

  it('runbook.html: exactly the same elements, no injected <img>', () => {
    const tags = (html: string) => html.match(/<\/?[a-z][a-z0-9]*/gi) ?? [];
    const plain = byPath(kit.files, 'runbook.html').content;
    const evil = byPath(kit.hostileFiles, 'runbook.html').content;
    expect(tags(evil)).toEqual(tags(plain));
    expect(evil).not.toMatch(/<img/i);
  });

  it('plan.json: JSON keeps every name exactly', () => {
    const parsed = JSON.parse(byPath(kit.hostileFiles, 'plan.json').content);
    expect(parsed.people[0].displayName).toBe(hostile('person0'));
  });
});
