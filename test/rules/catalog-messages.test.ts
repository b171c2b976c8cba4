import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { placeholdersOf, renderMessage } from '../../src/rules/rule-messages.js';

// Rules report messages by id with data; their tests assert the id and the data. The texts themselves are
// checked here, once per message: every declared message is used by its rule, every id a rule reports is
// declared, every placeholder is well-formed, and each text renders with its placeholders filled.
const CATALOG_DIR = new URL('../../src/rules/catalog/', import.meta.url);
const sourceOf = (ruleId: string) => readFileSync(new URL(`${ruleId}.ts`, CATALOG_DIR), 'utf8');

/** The message ids a rule's source names as string literals, outside its `messages` declaration. */
function idsUsedIn(source: string, declared: string[]): { used: Set<string>; reportedLiterals: string[] } {
  const used = new Set(declared.filter((id) => source.includes(`'${id}'`)));
  const reportedLiterals = [...source.matchAll(/messageId: '([^']+)'/g)].map((match) => match[1]!);
  return { used, reportedLiterals };
}

describe('rule messages, catalog-wide', () => {
  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      const declared = Object.keys(rule.messages);

      it('declares its messages, and uses every one of them', () => {
        expect(declared.length).toBeGreaterThan(0);
        const { used, reportedLiterals } = idsUsedIn(sourceOf(rule.id), declared);
        expect(
          declared.filter((id) => !used.has(id)),
          'declared but never reported',
        ).toEqual([]);
        expect(
          reportedLiterals.filter((id) => !declared.includes(id)),
          'reported but not declared',
        ).toEqual([]);
      });

      it('writes placeholders as {name} only, and renders every message with its data', () => {
        for (const [id, text] of Object.entries(rule.messages)) {
          const names = placeholdersOf(text);
          // A brace that is not a placeholder (`{user name}`, `{ x }`) would reach the report as it is.
          expect(text.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ''), `${id}: stray brace`).not.toMatch(/[{}]/);
          const data = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
          const rendered = renderMessage(rule.id, rule.messages, id, data);
          expect(rendered).not.toMatch(/\{[A-Za-z]/);
          for (const name of names) expect(rendered).toContain(`<${name}>`);
          // One data value missing: the engine refuses to render (the rule errs; no finding with a hole).
          for (const name of names) {
            const { [name]: _left, ...partial } = data;
            expect(() => renderMessage(rule.id, rule.messages, id, partial)).toThrow(`no data for {${name}}`);
          }
        }
      });
    });
  }

  it('renders each message text once, as reports show it (placeholders as <name>)', () => {
    const texts = ALL_RULES.flatMap((rule) =>
      Object.entries(rule.messages).map(([id, text]) => {
        const data = Object.fromEntries(placeholdersOf(text).map((name) => [name, `<${name}>`]));
        return `${rule.id} ${id}: ${renderMessage(rule.id, rule.messages, id, data)}`;
      }),
    );
    expect(texts.join('\n')).toMatchSnapshot();
  });
});
