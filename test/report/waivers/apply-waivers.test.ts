import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../../src/report/model/report-model.js';
import { applyWaivers } from '../../../src/report/waivers/apply-waivers.js';
import type { Waiver } from '../../../src/report/waivers/waiver-schema.js';
import { demoModel } from '../../reporters/support/demo-model.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const noAliases = () => [];
const waiver = (over: Partial<Waiver>): Waiver => ({
  rule: 'iam-access-key-max-age',
  resource: '*',
  reason: 'accepted',
  owner: 'secops',
  expires: '2027-06-30',
  ...over,
});

async function demoFindings(): Promise<ReportFinding[]> {
  return (await demoModel(NOW)).findings;
}

describe('applyWaivers', () => {
  it('marks matching findings with reason, owner and expiry, and leaves the rest alone', async () => {
    const findings = await demoFindings();
    const { findings: out, outcomes } = applyWaivers(
      findings,
      [waiver({ resource: 'arn:aws:iam::*:user/svc-backup-*' })],
      { now: NOW, aliasesOf: noAliases },
    );
    const waived = [...out].filter((f) => f.waiver);
    expect(waived.length).toBeGreaterThan(3);
    expect(
      waived.every(
        (f) => /:user\/svc-backup-\d+$/.test(f.resourceArn) && f.ruleId === 'iam-access-key-max-age',
      ),
    ).toBe(true);
    expect(waived[0]?.waiver).toEqual({ reason: 'accepted', owner: 'secops', expires: '2027-06-30' });
    expect(outcomes[0]).toMatchObject({ status: 'active', matched: waived.length });
    expect(findings.some((f) => f.waiver)).toBe(false);
  });

  it('a "*" crosses "/" in IAM paths, and account narrows the match', async () => {
    const findings = await demoFindings();
    const everywhere = applyWaivers(findings, [waiver({ resource: 'arn:aws:iam::*:user/*' })], {
      now: NOW,
      aliasesOf: noAliases,
    });
    const oneAccount = applyWaivers(
      findings,
      [waiver({ resource: 'arn:aws:iam::*:user/*', account: '100000000006' })],
      { now: NOW, aliasesOf: noAliases },
    );
    expect(everywhere.outcomes[0]?.matched).toBe(
      findings.filter((f) => f.ruleId === 'iam-access-key-max-age').length,
    );
    expect(
      [...oneAccount.findings].filter((f) => f.waiver).every((f) => f.accountId === '100000000006'),
    ).toBe(true);
    expect(oneAccount.outcomes[0]?.matched).toBeLessThan(everywhere.outcomes[0]?.matched ?? 0);
  });

  it('a waiver with a past expiry no longer suppresses, and is listed as expired with what it would match', async () => {
    const findings = await demoFindings();
    const { findings: out, outcomes } = applyWaivers(
      findings,
      [
        waiver({
          rule: 'root-access-keys-exist',
          resource: 'arn:aws:iam::100000000010:root',
          expires: '2026-11-30',
        }),
      ],
      { now: NOW, aliasesOf: noAliases },
    );
    expect([...out].find((f) => f.ruleId === 'root-access-keys-exist')?.waiver).toBeUndefined();
    expect(outcomes[0]).toMatchObject({ status: 'expired', matched: 1, expires: '2026-11-30' });
  });

  it('a date is valid through the end of that day (UTC)', async () => {
    const findings = await demoFindings();
    const lastDay = applyWaivers(findings, [waiver({ expires: '2026-12-01' })], {
      now: new Date('2026-12-01T23:59:59Z'),
      aliasesOf: noAliases,
    });
    const dayAfter = applyWaivers(findings, [waiver({ expires: '2026-12-01' })], {
      now: new Date('2026-12-02T00:00:00Z'),
      aliasesOf: noAliases,
    });
    expect(lastDay.outcomes[0]?.status).toBe('active');
    expect(dayAfter.outcomes[0]?.status).toBe('expired');
  });

  it('reports a waiver that matched nothing as unused', async () => {
    const { outcomes } = applyWaivers(
      await demoFindings(),
      [waiver({ resource: 'arn:aws:iam::*:user/nobody' })],
      { now: NOW, aliasesOf: noAliases },
    );
    expect(outcomes[0]).toMatchObject({ status: 'unused', matched: 0, index: 0 });
  });

  it('matches a rule by a former id, and "*" matches every rule', async () => {
    const findings = await demoFindings();
    const byAlias = applyWaivers(
      findings,
      [waiver({ rule: 'old-root-keys', resource: 'arn:aws:iam::*:root' })],
      {
        now: NOW,
        aliasesOf: (id) => (id === 'root-access-keys-exist' ? ['old-root-keys'] : []),
      },
    );
    expect(byAlias.outcomes[0]?.matched).toBe(1);
    const any = applyWaivers(findings, [waiver({ rule: '*', resource: '*' })], {
      now: NOW,
      aliasesOf: noAliases,
    });
    expect([...any.findings].every((f) => f.waiver)).toBe(true);
  });

  it('the first unexpired waiver in file order wins; an earlier expired one does not block it', async () => {
    const findings = await demoFindings();
    const { findings: out, outcomes } = applyWaivers(
      findings,
      [
        waiver({ reason: 'old', expires: '2026-01-01' }),
        waiver({ reason: 'new' }),
        waiver({ reason: 'later' }),
      ],
      { now: NOW, aliasesOf: noAliases },
    );
    expect([...out].find((f) => f.waiver)?.waiver?.reason).toBe('new');
    expect(outcomes.map((o) => o.status)).toEqual(['expired', 'active', 'active']);
  });
});
