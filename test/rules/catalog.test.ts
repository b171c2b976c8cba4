import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_PATH, renderRuleDocs } from '../../scripts/generate-rule-docs.js';
import { FRAMEWORKS } from '../../src/findings/frameworks/index.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { complianceRefs, remediationOf } from '../../src/rules/define-rule.js';

const CATALOG_DIR = new URL('../../src/rules/catalog/', import.meta.url);
const TEST_DIR = new URL('./', import.meta.url);
const ruleFiles = readdirSync(CATALOG_DIR)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();

describe('rule catalogue', () => {
  it('registers every rule file in ALL_RULES, once, with an id equal to its file name', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles);
  });

  it('has no alias that collides with a rule id or another alias', () => {
    const names = ALL_RULES.flatMap((rule) => [rule.id, ...(rule.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      it('has a test file with valid and invalid cases', async () => {
        const path = new URL(`${rule.id}.test.ts`, TEST_DIR);
        expect(existsSync(path), `test/rules/${rule.id}.test.ts`).toBe(true);
        const text = await readFile(path, 'utf8');
        expect(text).toMatch(/valid:\s*\[\s*\{/);
        expect(text).toMatch(/invalid:\s*\[\s*\{/);
      });

      it('has docs text: title, rationale, console and CLI remediation, migration, references', () => {
        expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
        expect(rule.title.length).toBeGreaterThan(10);
        expect(rule.rationale.length).toBeGreaterThan(60);
        expect(remediationOf(rule).console.length).toBeGreaterThan(0);
        expect(remediationOf(rule).cli.some((line) => line.includes('aws '))).toBe(true);
        expect(rule.migration?.length ?? 0).toBeGreaterThan(30);
        expect(rule.references.length).toBeGreaterThan(0);
        for (const url of rule.references) expect(url).toMatch(/^https:\/\//);
      });

      it('carries exactly the compliance controls the framework files list it under', () => {
        const listed = FRAMEWORKS.flatMap((m) =>
          m.controls.filter((c) => c.ruleIds.includes(rule.id)).map((c) => `${m.framework} ${c.control}`),
        );
        expect(complianceRefs(rule).map((r) => `${r.framework} ${r.control}`)).toEqual(listed);
      });

      it('has options whose defaults parse from {}', () => {
        expect(() => rule.options.parse({})).not.toThrow();
      });
    });
  }

  it('framework files name only existing rules', () => {
    const ids = new Set(ALL_RULES.map((rule) => rule.id));
    for (const mapping of FRAMEWORKS) {
      for (const control of mapping.controls)
        for (const id of control.ruleIds)
          expect(ids, `${mapping.framework} ${control.control}`).toContain(id);
    }
  });

  it('docs/rules.md is generated from the metadata (run: npx tsx scripts/generate-rule-docs.ts)', async () => {
    const committed = await readFile(RULE_DOCS_PATH, 'utf8');
    expect(committed).toBe(renderRuleDocs());
    for (const rule of ALL_RULES) expect(committed).toContain(`## ${rule.id}\n`);
  });
});
