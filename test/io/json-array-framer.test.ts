import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/input-error.js';
import { FramingError, JsonArrayFramer } from '../../src/io/streaming/json-array-framer.js';
import { readJsonArrayStream } from '../../src/io/streaming/read-json-array-stream.js';

/** Strings that look like structure, escapes, non-ASCII, a decoy "accounts" value and a nested one. */
const TRICKY = {
  schemaVersion: 1,
  note: 'accounts',
  decoy: { accounts: [{ nested: true }] },
  accounts: [
    { id: 'a', text: 'braces } ] { [ and "quotes" and \\ backslash \\"', unicode: 'Zürich → ’ 🙂' },
    [1, [2, { three: 3 }]],
    'plain string, with a comma',
    42,
    null,
    { empty: {}, list: [] },
  ],
  after: { 'key with "quote"': ['x'] },
};

function frame(bytes: Buffer, chunkSize: number): { elements: unknown[]; rest: unknown } {
  const elements: unknown[] = [];
  const framer = new JsonArrayFramer('accounts', (parts) => {
    elements.push(JSON.parse(Buffer.concat(parts).toString('utf8')));
  });
  for (let at = 0; at < bytes.length; at += chunkSize) framer.write(bytes.subarray(at, at + chunkSize));
  expect(framer.truncated).toBe(false);
  return { elements, rest: JSON.parse(framer.restText()) };
}

describe('JSON array framer', () => {
  const pretty = Buffer.from(JSON.stringify(TRICKY, null, 2));
  const compact = Buffer.from(JSON.stringify(TRICKY));

  it.each([1, 2, 3, 7, 64, 1 << 20])(
    'splits the array and keeps the rest with chunks of %i bytes',
    (size) => {
      for (const bytes of [pretty, compact]) {
        const { elements, rest } = frame(bytes, size);
        expect(elements).toEqual(TRICKY.accounts);
        expect(rest).toEqual({ ...TRICKY, accounts: [] });
      }
    },
  );

  it('follows strings and brackets deep inside elements across every chunk boundary', () => {
    const deep = {
      accounts: [
        { a: { b: [{ c: 'x\\"}]\\\\', d: [[], {}, ['"[{']] }] }, e: '\\' },
        { f: [[[['\\\\"', { g: '}}}' }]]]] },
      ],
      z: ['{"accounts": [1]}'],
    };
    const bytes = Buffer.from(JSON.stringify(deep));
    for (let size = 1; size <= bytes.length; size += 1) {
      const { elements, rest } = frame(bytes, size);
      expect(elements).toEqual(deep.accounts);
      expect(rest).toEqual({ ...deep, accounts: [] });
    }
  });

  it('frames an empty array and a document without the key', () => {
    expect(frame(Buffer.from('{"accounts": [ ], "b": 1}'), 3)).toEqual({
      elements: [],
      rest: { accounts: [], b: 1 },
    });
    expect(frame(Buffer.from('{"other": [1, 2]}'), 1)).toEqual({ elements: [], rest: { other: [1, 2] } });
  });
});

describe('JSON array framer with the members of an object framed too', () => {
  const DOC = {
    schemaVersion: 3,
    migrations: {
      'arn:a': { kind: 'x', note: 'braces } ] , "q"' },
      'arn:b': [1, { c: '}' }],
      'arn:"c"': null,
    },
    findings: [{ id: 1 }, { id: 2 }],
    after: { migrations: { nested: true } },
  };

  it.each([1, 2, 5, 64, 1 << 20])('delivers each member as "name": value with chunks of %i bytes', (size) => {
    for (const bytes of [Buffer.from(JSON.stringify(DOC, null, 2)), Buffer.from(JSON.stringify(DOC))]) {
      const elements: unknown[] = [];
      const members: Record<string, unknown> = {};
      const framer = new JsonArrayFramer(
        'findings',
        (parts) => elements.push(JSON.parse(Buffer.concat(parts).toString('utf8'))),
        1024,
        {
          key: 'migrations',
          sink: (parts) => Object.assign(members, JSON.parse(`{${Buffer.concat(parts).toString('utf8')}}`)),
        },
      );
      for (let at = 0; at < bytes.length; at += size) framer.write(bytes.subarray(at, at + size));
      expect(elements).toEqual(DOC.findings);
      expect(members).toEqual(DOC.migrations);
      // Neither the members nor the elements are part of the rest (nor count towards its limit).
      expect(JSON.parse(framer.restText())).toEqual({ ...DOC, migrations: {}, findings: [] });
    }
  });
});

describe('JSON array framer on what is not a keysweep file', () => {
  it('stops at the first byte that cannot start JSON, naming it and its offset', () => {
    const framer = new JsonArrayFramer('accounts', () => {});
    framer.write(Buffer.from('  '));
    expect(() => framer.write(Buffer.alloc(1 << 20))).toThrow(
      new FramingError('unexpected byte 0x00 at offset 2'),
    );
  });

  it('refuses a document too large outside its array before it becomes one string', () => {
    const framer = new JsonArrayFramer('accounts', () => {}, 1024);
    framer.write(Buffer.from('{"accounts": [{"id": 1}], "other": "'));
    expect(() => framer.write(Buffer.alloc(2048, 0x61))).toThrow(
      /more than 0 MiB outside the "accounts" array \(is this a keysweep file\?\)/,
    );
    // The array's own elements do not count.
    const elements: number[] = [];
    const big = new JsonArrayFramer('accounts', (_, i) => elements.push(i), 1024);
    big.write(Buffer.from(`{"accounts": [${'"x",'.repeat(2000)}"y"]}`));
    expect(elements).toHaveLength(2001);
  });
});

describe('readJsonArrayStream on malformed files', () => {
  async function fileWith(text: string): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'ks-frame-')), 'f.json');
    await writeFile(path, text);
    return path;
  }
  const read = async (text: string) => readJsonArrayStream(await fileWith(text), 'accounts', () => {});

  it('reports a file cut short anywhere as truncated or invalid, never as a smaller valid document', async () => {
    const whole = JSON.stringify(TRICKY, null, 2);
    for (let cut = 1; cut < whole.length; cut += 13) {
      await expect(read(whole.slice(0, cut)), `cut at ${cut}`).rejects.toThrow(/f\.json: not valid JSON: /);
    }
  });

  it.each([
    ['{"accounts": [{"a": 1},, {"b": 2}]}', /stray comma/],
    ['{"accounts": [{"a": 1},]}', /trailing comma/],
    ['{"accounts": [{"a": 1} {"b": 2}]}', /not valid JSON: .*\(in accounts\.0\)/],
    ['{"accounts": [{"a": tru}]}', /not valid JSON: .*\(in accounts\.0\)/],
    ['{"accounts": []} trailing', /not valid JSON: /],
    ['{"accounts": [], "x": }', /not valid JSON: /],
    ['', /not valid JSON: /],
  ])('rejects %j', async (text, message) => {
    const error = await read(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names an unreadable file', async () => {
    await expect(readJsonArrayStream('/nonexistent/x.json', 'accounts', () => {})).rejects.toThrow(
      '/nonexistent/x.json: cannot read file (ENOENT)',
    );
  });
});
