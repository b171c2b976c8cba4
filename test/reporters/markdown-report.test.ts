import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/model/report-model.js';
import { renderMarkdown } from '../../src/reporters/markdown/render-markdown.js';
import { demoModel } from './support/demo-model.js';

/** The rows of the "Top findings" table. */
function topRows(md: string): string[] {
  const top = md.split('## Top findings')[1] ?? '';
  return (top.split('\n## ')[0] ?? '').split('\n').filter((line) => /^\| (🟥|🟧|🟨|🟦|⬜)/u.test(line));
}

describe('report.md', () => {
  it('leads with counts and lists the worst problems first, cut to fit a step summary', async () => {
    const model = await demoModel();
    const md = renderMarkdown(model);
    expect(md).toMatch(/^# keysweep identity audit — o-demo1234ab\n/);
    expect(md).toContain(`**${model.summary.total} open finding(s)** across 14 account(s)`);
    expect(md).toContain(`| 🟥 critical | ${model.summary.bySeverity.critical} | 0 |`);
    const top = md.split('## Top findings')[1] ?? '';
    expect(top.indexOf('root-access-keys-exist')).toBeLessThan(top.indexOf('iam-access-key-max-age'));
    const problems = model.findings.filter((f) => !f.relatedTo).length;
    expect(problems).toBeGreaterThan(25);
    expect(md).toContain(`…and ${problems - 25} more`);
    expect(topRows(md)).toHaveLength(25);
    expect(md.length).toBeLessThan(65_536);
  });

  it('orders top findings by risk across rules: no rule crowds out root use, admins or console users without MFA', async () => {
    const rows = topRows(renderMarkdown(await demoModel()));
    const rules = rows.map((row) => row.split(' | ')[1]!.replace(/`/g, ''));
    const perRule = new Map<string, number>();
    for (const rule of rules) perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
    expect(Math.max(...perRule.values())).toBeLessThanOrEqual(4);
    for (const rule of ['root-used-recently', 'iam-full-admin-privileges', 'iam-console-user-without-mfa'])
      expect(rules, rule).toContain(rule);
    expect(perRule.size).toBeGreaterThanOrEqual(8);
  });

  it('reads as one problem per access key, the other facts named on its row', async () => {
    const model = await demoModel();
    const rows = topRows(renderMarkdown(model));
    const keys = rows.map((row) => /`(AKIA[0-9A-Z]+)`/.exec(row)?.[1]).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.some((row) => row.includes('Same key, also:'))).toBe(true);
  });

  it('ranks accounts by open critical and high findings and names every account not covered', async () => {
    const model = await demoModel();
    const md = renderMarkdown(model);
    expect(md).toContain('13 of 14 account(s) fully covered; not covered: legacy-closed (skipped)');
    expect(md).toContain('| `100000000014` | legacy-closed | skipped | account status is SUSPENDED |');
    const section = (md.split('## Accounts by risk')[1] ?? '').split('\n## ')[0] ?? '';
    const ranked = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split(' | ').slice(2, 4).map(Number))
      .map(([critical, high]) => critical! + high!);
    expect(ranked.length).toBe(14);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it('shows what changed since the baseline, waivers needing attention and accounts not covered', async () => {
    const model = await demoModel();
    const [added, gone] = model.findings as [ReportFinding, ReportFinding];
    for (const f of model.findings) f.baselineState = 'unchanged';
    added.baselineState = 'new';
    gone.baselineState = 'absent';
    model.baseline = {
      file: 'previous.json',
      baselineNow: '2026-11-01T00:00:00.000Z',
      new: 1,
      unchanged: 44,
      absent: 1,
      notRechecked: 0,
    };
    model.waivers = {
      file: 'waivers.yaml',
      entries: [
        {
          index: 0,
          rule: 'iam-access-key-max-age',
          resource: 'arn:aws:iam::*:user/old-*',
          account: null,
          reason: 'legacy',
          owner: 'ops',
          expires: '2026-01-01',
          status: 'expired',
          matched: 2,
        },
        {
          index: 1,
          rule: 'iam-user-without-mfa',
          resource: 'arn:aws:iam::*:user/svc-*',
          account: null,
          reason: 'workloads',
          owner: 'platform',
          expires: '2027-06-30',
          status: 'active',
          matched: 7,
        },
      ],
    };
    const account = model.scan.accounts[1];
    if (account) Object.assign(account, { status: 'failed', error: 'AccessDenied: cannot assume role' });
    const md = renderMarkdown(model);
    expect(md).toContain('## Changes since the baseline');
    expect(md).toContain(`| 1 | ${model.findings.length - 2} | 1 |`);
    expect(md).toContain('### Fixed since the baseline');
    expect(md).toContain(`\`${gone.resourceArn}\``);
    // Every waiver is listed, active ones too, with how many findings it matched.
    expect(md).toContain(
      '| ✅ active | `iam-user-without-mfa` | `arn:aws:iam::*:user/svc-*` | platform | 2027-06-30 | 7 | workloads |',
    );
    expect(md).toContain(
      '| ⏰ expired | `iam-access-key-max-age` | `arn:aws:iam::*:user/old-*` | ops | 2026-01-01 | 2 | legacy |',
    );
    expect(md).toContain('## Not covered');
    expect(md).toContain('AccessDenied: cannot assume role');
  });

  it('groups compliance controls by framework, passed ones included', async () => {
    const model = await demoModel();
    Object.assign(model, {
      compliance: [
        {
          framework: 'CIS-AWS-5.0',
          control: '1.3',
          title: 'No root access keys',
          ruleIds: ['root-access-keys-exist'],
          status: 'failed',
          findings: 1,
        },
        {
          framework: 'CIS-AWS-5.0',
          control: '1.10',
          title: 'MFA for console users',
          ruleIds: ['iam-console-user-without-mfa'],
          status: 'passed',
          findings: 0,
        },
        {
          framework: 'AWS-FSBP',
          control: 'IAM.3',
          title: 'Keys rotated',
          ruleIds: ['iam-access-key-max-age'],
          status: 'not_evaluated',
          findings: 0,
        },
      ],
    });
    const md = renderMarkdown(model);
    expect(md).toContain('<b>CIS-AWS-5.0</b>: 1/2 controls passed');
    expect(md).toContain('| 1.10 | MFA for console users | ✅ passed | 0 |');
    expect(md).toContain('<b>AWS-FSBP</b>: 0/1 controls passed');
  });

  it('escapes table cells so a message cannot break the table', async () => {
    const model = await demoModel();
    (model.findings[0] as ReportFinding).message = 'a | b\nc';
    expect(renderMarkdown(model)).toContain('a \\| b c');
  });
});
