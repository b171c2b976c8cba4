import { describe, expect, it } from 'vitest';
import { anAccountInstanceSearch } from '../../fixtures/builders/iam-builders.js';
import { ok } from '../../src/inventory/collection.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { demoKit, NOW, planOf } from './support/kit.js';

interface MarkdownSection {
  level: number;
  title: string;
  paragraphs: string[];
  listItems: string[];
}

/** The runbook's structure: ATX headings, each with the paragraphs and list items under it. */
function sectionsOf(markdown: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode || line.startsWith('```')) continue;
    const heading = /^(#{1,6}) (.+)$/.exec(line);
    if (heading) {
      sections.push({ level: heading[1]!.length, title: heading[2]!, paragraphs: [], listItems: [] });
      continue;
    }
    const current = sections.at(-1);
    if (!current || line.trim() === '') continue;
    const item = /^[-*] (.+)$/.exec(line);
    if (item) current.listItems.push(item[1]!);
    else current.paragraphs.push(line);
  }
  return sections;
}

const TITLE = 'Account instances of IAM Identity Center (not managed by this kit)';

function runbookOf(snapshot: Snapshot) {
  const files = renderKit(planOf(snapshot), snapshot, {
    scpExemptRoles: [],
    deleteAfterDays: 30,
    runbookFormats: ['md'],
    now: NOW,
  });
  return sectionsOf(files.find((f) => f.path === 'runbook.md')!.content);
}

describe('runbook: account instances of Identity Center', () => {
  it('lists the demo account instance under its own level-2 section, with what to do about it', async () => {
    const { files } = await demoKit();
    const sections = sectionsOf(files.find((f) => f.path === 'runbook.md')!.content);
    const section = sections.find((s) => s.title === TITLE);
    expect(section?.level).toBe(2);
    expect(section!.paragraphs.join(' ')).toContain('manages the organization instance only');
    const instance = section!.listItems.filter((item) => item.includes('arn:aws:sso:::instance/'));
    expect(instance).toHaveLength(1);
    expect(instance[0]).toMatch(
      /^sandbox-alpha \(\d{12}\): `arn:aws:sso:::instance\/[^`]+` in [a-z0-9-]+ — 4 user\(s\), 1 application\(s\)$/,
    );
    const steps = section!.listItems.filter((item) => !item.includes('arn:aws:sso:::instance/'));
    expect(steps.some((s) => s.includes('aws sso-admin delete-instance'))).toBe(true);
    expect(steps.some((s) => s.includes('sso:CreateInstance'))).toBe(true);
    expect(steps.some((s) => s.startsWith('Rollback:'))).toBe(true);
    // The section comes before the first wave, so it is read before anything is applied.
    const firstWave = sections.findIndex((s) => /^Wave 1: /.test(s.title));
    expect(sections.indexOf(section!)).toBeLessThan(firstWave);
  });

  it('names the accounts where the slice was not read: unknown, never "none found"', async () => {
    const { snapshot } = await demoKit();
    const copy = structuredClone(snapshot);
    for (const account of copy.accounts)
      account.iam.identityCenterInstances = {
        status: 'failed',
        error: { code: 'AccessDenied', message: 'no sso:ListInstances' },
      };
    const section = runbookOf(copy).find((s) => s.title === TITLE)!;
    expect(section.paragraphs.join(' ')).not.toContain('No account instance was found');
    const scanned = copy.accounts.filter((a) => a.access.status !== 'skipped');
    const unread = section.listItems.filter((item) =>
      item.includes('not read — AccessDenied: no sso:ListInstances'),
    );
    expect(unread).toHaveLength(scanned.length);
  });

  it('says plainly when no scanned account owns one', async () => {
    const { snapshot } = await demoKit();
    const copy = structuredClone(snapshot);
    for (const account of copy.accounts)
      account.iam.identityCenterInstances = ok(anAccountInstanceSearch([], ['eu-west-1', 'us-east-1']));
    const section = runbookOf(copy).find((s) => s.title === TITLE)!;
    expect(section.paragraphs.join(' ')).toContain(
      'No account instance was found in the scanned accounts, in the regions searched (below).',
    );
    const scanned = copy.accounts.filter((a) => a.access.status !== 'skipped');
    expect(section.listItems).toHaveLength(1);
    expect(section.listItems[0]).toMatch(
      new RegExp(`^searched: eu-west-1, us-east-1 — ${scanned.length} account\\(s\\): `),
    );
    expect(section.paragraphs.join(' ')).toContain('--instance-regions <r1,r2,…>');
  });

  it('names the regions searched in the demo, and how to widen the search', async () => {
    const { files } = await demoKit();
    const section = sectionsOf(files.find((f) => f.path === 'runbook.md')!.content).find(
      (s) => s.title === TITLE,
    )!;
    expect(
      section.listItems.filter((item) => item.startsWith('searched: eu-central-1, eu-west-1 — ')),
    ).toHaveLength(1);
    expect(section.paragraphs.join(' ')).toContain('aws account list-regions');
  });

  it('a region whose ListInstances failed makes the account unknown, never "none found"', async () => {
    const { snapshot } = await demoKit();
    const copy = structuredClone(snapshot);
    for (const account of copy.accounts)
      account.iam.identityCenterInstances = ok({
        ...anAccountInstanceSearch([], ['eu-west-1']),
        regionsNotRead: [
          { region: 'ap-east-1', code: 'UnrecognizedClientException', message: 'not enabled' },
        ],
      });
    const section = runbookOf(copy).find((s) => s.title === TITLE)!;
    expect(section.paragraphs.join(' ')).not.toContain('No account instance was found');
    const scanned = copy.accounts.filter((a) => a.access.status !== 'skipped');
    const unknown = section.listItems.filter((item) =>
      item.endsWith('searched: eu-west-1; not read: ap-east-1 (UnrecognizedClientException)'),
    );
    expect(unknown).toHaveLength(scanned.length);
  });
});
