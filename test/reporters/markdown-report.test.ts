import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/reporters/markdown/render-markdown.js';
import type { ReportFinding } from '../../src/reporters/model/report-model.js';
import { demoModel } from './support/demo-model.js';

describe('report.md', () => {
  it('leads with counts and lists the worst findings first, cut to fit a step summary', async () => {
    const model = await demoModel();
    const md = renderMarkdown(model);
    expect(md).toMatch(/^# keysweep identity audit — o-demo1234ab\n/);
    expect(md).toContain(`**${model.summary.total} open finding(s)** across 14 account(s)`);
    expect(md).toContain(`| 🟥 critical | ${model.summary.bySeverity.critical} | 0 |`);
    const top = md.split('## Top findings')[1] ?? '';
    expect(top.indexOf('root-access-keys-exist')).toBeLessThan(top.indexOf('iam-access-key-max-age'));
    expect(model.findings.length).toBeGreaterThan(25);
    expect(md).toContain(`…and ${model.findings.length - 25} more`);
    const topRows = (top.split('\n## ')[0] ?? '')
      .split('\n')
      .filter((line) => /^\| (🟥|🟧|🟨|🟦|⬜)/u.test(line));
    expect(topRows).toHaveLength(25);
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain('## Not covered');
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
      ],
    };
    const account = model.scan.accounts[1];
    if (account) Object.assign(account, { status: 'failed', error: 'AccessDenied: cannot assume role' });
    const md = renderMarkdown(model);
    expect(md).toContain('## Changes since the baseline');
    expect(md).toContain(`| 1 | ${model.findings.length - 2} | 1 |`);
    expect(md).toContain('### Fixed since the baseline');
    expect(md).toContain(`\`${gone.resourceArn}\``);
    expect(md).toContain('⏰ expired');
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
