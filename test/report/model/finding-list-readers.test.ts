import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/cli/exit-codes.js';
import type { DriftReport } from '../../../src/knowledge/drift/drift-items.js';
import { applyEnrichInputs, loadEnrichInputs } from '../../../src/report/model/enrich.js';
import {
  type FindingList,
  filteredFindings,
  findingChunks,
  insertBounded,
  mappedFindings,
} from '../../../src/report/model/finding-list.js';
import type { ReportFinding, ReportModel } from '../../../src/report/model/report-model.js';
import { renderConsoleSummary } from '../../../src/reporters/console/render-console.js';
import { renderCsv } from '../../../src/reporters/csv/render-csv.js';
import { renderDriftSummary } from '../../../src/reporters/drift/render-drift-summary.js';
import { renderHtml } from '../../../src/reporters/html/render-html.js';
import { renderJson } from '../../../src/reporters/json/render-json.js';
import { renderMarkdown } from '../../../src/reporters/markdown/render-markdown.js';
import { byRisk, TOP_ROWS_PER_RULE, topProblems } from '../../../src/reporters/report-priorities.js';
import { openProblems } from '../../../src/reporters/report-view.js';
import { renderSarif } from '../../../src/reporters/sarif/render-sarif.js';
import type { SarifLimits } from '../../../src/reporters/sarif/sarif-limits.js';
import { DEMO_NOW, demoModel } from '../../reporters/support/demo-model.js';

/**
 * The findings as a list kept on disk behaves: not an array, a fresh object for each finding on every
 * pass (its advice and details shared, as a reader of the file would rebuild them the same way), and a
 * count of the passes made over it.
 */
function diskLikeList(findings: readonly ReportFinding[]): FindingList & { passes: number } {
  const list = {
    length: findings.length,
    passes: 0,
    *[Symbol.iterator]() {
      list.passes += 1;
      for (const finding of findings)
        yield { ...finding, ...(finding.waiver ? { waiver: { ...finding.waiver } } : {}) };
    },
  };
  return list;
}

/** A baseline file: the demo's report.json at another date. */
async function baselineAt(date: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-finding-list-')), 'baseline.json');
  await writeFile(path, renderJson(await demoModel(new Date(date))));
  return path;
}

const WAIVERS_PATH = new URL('../../../examples/waivers.yaml', import.meta.url).pathname;

/**
 * The demo as `scan --demo` reports it: plain, with the example waivers (one waives a key's primary
 * finding), and with those and a baseline from October (new findings) or from a later scan (findings
 * gone since).
 */
async function demoVariants(): Promise<Array<[string, ReportModel]>> {
  const waived = await loadEnrichInputs({ waiversPath: WAIVERS_PATH });
  const october = await loadEnrichInputs({
    waiversPath: WAIVERS_PATH,
    baselinePath: await baselineAt('2026-10-01T00:00:00Z'),
  });
  const later = await loadEnrichInputs({
    waiversPath: WAIVERS_PATH,
    baselinePath: await baselineAt('2027-08-01T00:00:00Z'),
  });
  return [
    ['plain', await demoModel()],
    ['waivers', applyEnrichInputs(await demoModel(), waived, DEMO_NOW)],
    ['waivers, October baseline', applyEnrichInputs(await demoModel(), october, DEMO_NOW)],
    ['waivers, later baseline', applyEnrichInputs(await demoModel(), later, DEMO_NOW)],
  ];
}

const SMALL_COUNT: SarifLimits = { maxResultsPerRun: 40, maxGzippedBytes: 10 * 1024 * 1024 };
const SMALL_GZIP: SarifLimits = { maxResultsPerRun: 1_000_000, maxGzippedBytes: 2_000 };

const DRIFT: DriftReport = {
  scope: 'all',
  files: ['keysweep.yaml'],
  instanceArn: 'arn:aws:sso:::instance/ssoins-1',
  identityStoreArn: 'arn:aws:identitystore::100000000000:identitystore/d-1',
  items: [],
  gaps: [],
};

/** Every reader of a report's findings, with the passes each makes over them. */
const READERS: Array<[string, number, (model: ReportModel) => string]> = [
  ['sarif', 2, (m) => renderSarif(m)],
  ['sarif aggregated (too many results)', 2, (m) => renderSarif(m, { limits: SMALL_COUNT })],
  ['sarif aggregated (too big)', 3, (m) => renderSarif(m, { limits: SMALL_GZIP })],
  ['md', 3, (m) => renderMarkdown(m)],
  ['html', 2, (m) => renderHtml(m)],
  ['csv', 1, (m) => renderCsv(m)],
  ['json', 2, (m) => renderJson(m)],
  ['console', 1, (m) => renderConsoleSummary(m)],
  ['exit code', 1, (m) => String(exitCodeFor(m, 'low', false))],
  ['drift summary', 1, (m) => renderDriftSummary(m, DRIFT)],
];

describe('reporters read the findings as a FindingList, in a few passes', async () => {
  const variants = await demoVariants();
  for (const [variant, model] of variants) {
    const findings = [...model.findings];
    for (const [name, passes, render] of READERS) {
      it(`${name} (${variant}): the same output as from an array, in ${passes} pass(es)`, () => {
        const expected = render({ ...model, findings });
        const list = diskLikeList(findings);
        expect(render({ ...model, findings: list })).toBe(expected);
        expect(list.passes).toBe(passes);
      });
    }
  }

  it('the demo exercises what the readers cut: waived primaries, new and gone findings, aggregation', () => {
    const findings = [...variants.at(-1)![1].findings];
    const model = variants.at(-1)![1];
    expect(findings.some((f) => f.baselineState === 'absent' && f.relatedTo)).toBe(true);
    expect(findings.some((f) => f.waiver && !f.relatedTo)).toBe(true);
    expect([...variants[2]![1].findings].some((f) => f.baselineState === 'new')).toBe(true);
    expect(renderSarif({ ...model, findings }, { limits: SMALL_COUNT })).toContain('"aggregated": true');
    expect(renderSarif({ ...model, findings }, { limits: SMALL_GZIP })).toContain('bytes gzipped');
  });

  it('waivers and a baseline are views: enriching reads the findings three times and copies none', async () => {
    const inputs = await loadEnrichInputs({
      waiversPath: WAIVERS_PATH,
      baselinePath: await baselineAt('2027-08-01T00:00:00Z'),
    });
    const model = await demoModel();
    const expected = applyEnrichInputs(model, inputs, DEMO_NOW);
    const list = diskLikeList(model.findings);
    const enriched = applyEnrichInputs({ ...model, findings: list }, inputs, DEMO_NOW);
    // One pass counts the waivers' matches, one compares with the baseline, one summarizes.
    expect(list.passes).toBe(3);
    expect(Array.isArray(enriched.findings)).toBe(false);
    expect({ ...enriched, findings: [...enriched.findings] }).toEqual({
      ...expected,
      findings: [...expected.findings],
    });
    expect(list.passes).toBe(4);
    expect(enriched.findings.length).toBe(expected.findings.length);
    // Read again, the view marks the findings the same way.
    expect([...enriched.findings]).toEqual([...enriched.findings]);
  });
});

describe('finding-list helpers', async () => {
  const findings = (await demoModel()).findings;

  it('insertBounded keeps the first `limit` of a stable sort, in one pass', () => {
    const byRule = (a: ReportFinding, b: ReportFinding) => a.ruleId.localeCompare(b.ruleId);
    for (const limit of [0, 1, 5, 40, findings.length + 3]) {
      const best: ReportFinding[] = [];
      for (const f of findings) insertBounded(best, f, limit, byRule);
      expect(best).toEqual([...findings].sort(byRule).slice(0, limit));
    }
  });

  it('findingChunks yields every finding once, in order, in chunks of at most `size`', () => {
    const chunks = [...findingChunks(findings, 50)];
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === 50)).toBe(true);
    expect(chunks.at(-1)!.length).toBeGreaterThan(0);
    expect(chunks.flat()).toEqual(findings);
    expect([...findingChunks([], 50)]).toEqual([]);
  });

  it('filteredFindings and mappedFindings are read again on each iteration', () => {
    const list = diskLikeList(findings);
    const critical = filteredFindings(list, (f) => f.severity === 'critical');
    expect([...critical].length).toBe(findings.filter((f) => f.severity === 'critical').length);
    expect([...critical].length).toBe([...critical].length);
    expect(list.passes).toBe(3);
    const extra = { ...findings[0]!, id: 'extra' };
    const mapped = mappedFindings(list, (f, index) => ({ ...f, message: `${index}` }), [extra]);
    expect(mapped.length).toBe(findings.length + 1);
    const read = [...mapped];
    expect(read.map((f) => f.message).slice(0, 3)).toEqual(['0', '1', '2']);
    expect(read.at(-1)).toBe(extra);
    expect([...mapped].map((f) => f.message)).toEqual(read.map((f) => f.message));
  });

  it('mappedFindings over findings in memory maps each once, however many passes read it', () => {
    let calls = 0;
    const view = (list: FindingList) =>
      mappedFindings(list, (f, index) => {
        calls += 1;
        return { ...f, message: `${index}` };
      });
    const extra = { ...findings[0]!, id: 'extra' };
    const overArray = mappedFindings(view(findings), (f) => ({ ...f, baselineState: 'new' }), [extra]);
    expect(overArray.length).toBe(findings.length + 1);
    const first = [...overArray];
    const second = [...overArray];
    expect(second).toEqual(first);
    expect(first.at(-1)).toBe(extra);
    expect(first.slice(0, 2).map((f) => [f.message, f.baselineState])).toEqual([
      ['0', 'new'],
      ['1', 'new'],
    ]);
    // The inner view (over an array) mapped each finding once, though read by two passes of the outer one.
    expect(calls).toBe(findings.length);
    // Over a list on disk each pass maps anew (memory stays bounded).
    calls = 0;
    const onDisk = view(diskLikeList(findings));
    void [...onDisk];
    void [...onDisk];
    expect(calls).toBe(2 * findings.length);
  });

  it('topProblems picks in one pass what sorting every problem picked', () => {
    // The former implementation: every problem sorted by risk, then picked.
    const reference = (problems: readonly ReportFinding[], limit: number) => {
      const ordered = [...problems].sort(byRisk);
      const perRule = new Map<string, number>();
      const picked: ReportFinding[] = [];
      const rest: ReportFinding[] = [];
      for (const finding of ordered) {
        const count = perRule.get(finding.ruleId) ?? 0;
        if (picked.length < limit && count < TOP_ROWS_PER_RULE) {
          picked.push(finding);
          perRule.set(finding.ruleId, count + 1);
        } else rest.push(finding);
      }
      for (const finding of rest) {
        if (picked.length >= limit) break;
        picked.push(finding);
      }
      return picked.sort(byRisk);
    };
    const problems = [...openProblems({ ...({} as ReportModel), findings })];
    // Reversed too, so ties within a rule come in another order.
    for (const list of [problems, [...problems].reverse(), problems.slice(0, 30)]) {
      for (const limit of [0, 1, 10, 25, 60, list.length + 5]) {
        const { top, count } = topProblems(list, limit);
        expect(count).toBe(list.length);
        expect(top).toEqual(reference(list, limit));
      }
    }
  });
});
