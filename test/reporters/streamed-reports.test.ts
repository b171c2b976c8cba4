import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/io/atomic-write.js';
import { chunksText, UTF8_CHUNK_BYTES } from '../../src/io/utf8-chunks.js';
import {
  compactFinding,
  migrationsByResource,
  rulesById,
  toReportFile,
} from '../../src/report/model/report-file.js';
import type { ReportModel } from '../../src/report/model/report-model.js';
import { renderCsvChunks } from '../../src/reporters/csv/render-csv.js';
import { findingLine, renderJsonChunks } from '../../src/reporters/json/render-json.js';
import { demoModel } from './support/demo-model.js';

const chunkText = (chunk: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(chunk);

describe('reports that grow with the findings are streamed in chunks', () => {
  it('JSON chunks join to the report file (toReportFile), one finding per line', async () => {
    const model = await demoModel();
    expect(JSON.parse([...renderJsonChunks(model)].join(''))).toEqual(toReportFile(model));
    const many: ReportModel = {
      ...model,
      findings: Array.from({ length: 6_000 }, (_, i) => ({
        ...model.findings[i % model.findings.length]!,
        id: `f${i}`,
      })),
    };
    const chunks = [...renderJsonChunks(many)];
    // Several chunks, each UTF-8 on its own.
    expect(chunks.length).toBeGreaterThan(1);
    // Only a piece larger than a chunk (here the pretty-printed head) gets a buffer of its own size.
    expect(Math.max(...chunks.slice(1).map((chunk) => chunk.length))).toBeLessThanOrEqual(UTF8_CHUNK_BYTES);
    const perChunk = chunks.map((chunk) => (chunkText(chunk).match(/(^|\n) {4}\{"id":/g) ?? []).length);
    expect(perChunk.reduce((a, b) => a + b, 0)).toBe(6_000);
    expect(JSON.parse(chunksText(chunks))).toEqual(toReportFile(many));
  });

  it('writes each finding field by field exactly as JSON.stringify of its compact form', async () => {
    const model = await demoModel();
    const [first, second] = model.findings;
    first!.waiver = { reason: 'vaulted "safe"', owner: null, expires: '2027-01-01' };
    second!.baselineState = 'new';
    const rules = rulesById(model.rules);
    const migrations = migrationsByResource(model.findings);
    expect(model.findings.some((f) => f.relatedTo)).toBe(true);
    for (const finding of model.findings) {
      const rule = rules.get(finding.ruleId);
      expect(findingLine(finding, rule, migrations)).toBe(
        JSON.stringify(compactFinding(finding, rule, migrations)),
      );
    }
  });

  it('JSON and CSV hand out each chunk as soon as it is full, not after reading every finding', async () => {
    const base = await demoModel();
    const all = Array.from({ length: 20_000 }, (_, i) => ({
      ...base.findings[i % base.findings.length]!,
      id: `f${i}`,
    }));
    let read = 0;
    const counted: ReportModel['findings'] = {
      length: all.length,
      *[Symbol.iterator]() {
        for (const finding of all) {
          read += 1;
          yield finding;
        }
      },
    };
    const model: ReportModel = { ...base, findings: counted };
    // The JSON reads the findings once for its migrations table before the pass that writes them.
    for (const [render, passesBefore] of [
      [renderJsonChunks, 1],
      [renderCsvChunks, 0],
    ] as const) {
      read = 0;
      const chunks = render(model)[Symbol.iterator]();
      expect(chunks.next().done).toBe(false);
      expect(chunks.next().done).toBe(false);
      expect(read).toBeLessThan((passesBefore + 0.5) * all.length);
    }
  });

  it('JSON with no findings is still the plain model', async () => {
    const model: ReportModel = { ...(await demoModel()), findings: [] };
    expect(chunksText(renderJsonChunks(model))).toBe(`${JSON.stringify(toReportFile(model), null, 2)}\n`);
  });

  it('CSV chunks carry one header and every finding once', async () => {
    const base = await demoModel();
    const many: ReportModel = {
      ...base,
      findings: Array.from({ length: 4_500 }, (_, i) => ({
        ...base.findings[i % base.findings.length]!,
        id: `f${i}`,
      })),
    };
    const chunks = [...renderCsvChunks(many)];
    expect(chunks.length).toBeGreaterThan(1);
    // Every chunk is UTF-8 on its own (the console steps' → are never cut).
    for (const chunk of chunks) expect(chunkText(chunk)).toBeTypeOf('string');
    const rows = parse(chunksText(chunks), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.findingId)).toEqual([...many.findings].map((f) => f.id));
  });

  it('CSV cells with commas, quotes, line breaks and formula starts parse back to what was written', async () => {
    const base = await demoModel();
    const tricky = 'a, "quoted" value\nover two lines\r\nand CRLF';
    const model: ReportModel = {
      ...base,
      findings: [{ ...base.findings[0]!, message: tricky, subject: '=HYPERLINK("x")' }],
    };
    const text = chunksText(renderCsvChunks(model));
    const [row] = parse(text, { columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    expect(row!.message).toBe(tricky);
    expect(row!.subject).toBe(`'=HYPERLINK("x")`);
    expect(row!.fixCli).toBe(base.findings[0]!.advice.fixNow.cli.join('\n'));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writeFilesAtomic streams chunked content to disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-stream-'));
    const model = await demoModel();
    await writeFilesAtomic([{ path: join(dir, 'report.json'), content: renderJsonChunks(model) }]);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(toReportFile(model))),
    );
  });
});
