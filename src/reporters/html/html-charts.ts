import { SEVERITIES, type Severity, severityRank } from '../../findings/severity.js';
import { SEVERITY_COLORS } from '../../io/text/html-escape.js';
import type { ReportModel } from '../../report/model/report-model.js';
import { accountNames, type FindingTally, tallyFindings, totalOf } from '../report-view.js';
import { type BarRow, columns, donut, horizontalBars } from './svg-charts.js';

/** Rows per bar chart: ten keep all five charts above the fold at 1400 px (the table has the rest). */
const TOP_ROWS = 10;

export interface ChartCard {
  id: string;
  title: string;
  subtitle: string;
  svg: string;
  wide?: boolean;
}

/** `tally`: the findings tallied (one pass; made here when not given). */
export function buildCharts(model: ReportModel, tally: FindingTally = tallyFindings(model)): ChartCard[] {
  const openBySeverity = tally.openBySeverity;
  return [
    {
      id: 'severity',
      title: 'Open findings by severity',
      subtitle: 'Waived and fixed findings are not counted. Click a severity to filter the table.',
      svg: donut(
        'severity',
        'Open findings by severity',
        SEVERITIES.map((s) => ({
          label: s,
          value: openBySeverity[s],
          color: SEVERITY_COLORS[s] ?? '#999',
        })),
        'open findings',
      ),
    },
    {
      id: 'key-age',
      title: 'Active access key age',
      subtitle: `${model.inventory.activeAccessKeyAgesDays.length} active IAM user keys; the usual rotation limit is 90 days.`,
      svg: keyAgeChart(model.inventory.activeAccessKeyAgesDays),
    },
    {
      id: 'by-account',
      title: 'Open findings by account',
      subtitle: `Worst ${TOP_ROWS} accounts, split by severity. Click an account to filter.`,
      svg: horizontalBars('by-account', 'Open findings by account', byAccountRows(model, tally), {
        labelWidth: 235,
        barWidth: 170,
      }),
    },
    {
      id: 'by-rule',
      title: 'Open findings by rule',
      subtitle: 'Which problems are most common (hover for the rule’s title). Click a rule to filter.',
      // Rule ids, never cut: the longest id fits the label column, where titles would be truncated.
      svg: horizontalBars('by-rule', 'Open findings by rule', byRuleRows(model, tally), {
        labelWidth: 290,
        barWidth: 130,
      }),
    },
    {
      id: 'migration',
      title: 'Migration to IAM Identity Center, per account',
      subtitle: `People on IAM users (orange) versus via Identity Center (green); the ${TOP_ROWS} least migrated accounts.`,
      svg: horizontalBars(
        'migration',
        'Migration progress per account',
        migrationRows(model).slice(0, TOP_ROWS),
        {
          max: 100,
          labelWidth: 235,
          barWidth: 170,
        },
      ),
    },
  ];
}

function byAccountRows(model: ReportModel, tally: FindingTally): BarRow[] {
  const names = accountNames(model);
  return [...tally.openByAccount.entries()]
    .map(([accountId, counts]) => ({ accountId, counts, total: totalOf(counts), weight: weight(counts) }))
    .sort((a, b) => b.weight - a.weight || b.total - a.total)
    .slice(0, TOP_ROWS)
    .map(({ accountId, counts, total }) => {
      return {
        label: names.get(accountId) ? `${names.get(accountId)} · ${accountId}` : accountId,
        caption: String(total),
        segments: SEVERITIES.map((s) => ({
          label: s,
          value: counts[s],
          color: SEVERITY_COLORS[s] ?? '#999',
        })),
        filter: { name: 'account', value: accountId },
      };
    });
}

function byRuleRows(model: ReportModel, tally: FindingTally): BarRow[] {
  const titles = new Map(model.rules.map((r) => [r.id, r.title]));
  return [...tally.openByRule.entries()]
    .map(([ruleId, counts]) => ({ ruleId, counts, total: totalOf(counts) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, TOP_ROWS)
    .map(({ ruleId, counts, total }) => {
      return {
        label: ruleId,
        tooltip: titles.get(ruleId) ?? ruleId,
        caption: String(total),
        segments: SEVERITIES.map((s) => ({
          label: s,
          value: counts[s],
          color: SEVERITY_COLORS[s] ?? '#999',
        })),
        filter: { name: 'rule', value: ruleId },
      };
    });
}

/** Percent of people per account already on Identity Center; accounts with nobody are left out. */
function migrationRows(model: ReportModel): BarRow[] {
  return model.inventory.accounts
    .filter((a) => a.humanIamUsers + a.identityCenterUsers > 0)
    .map((a) => ({ a, total: a.humanIamUsers + a.identityCenterUsers }))
    .sort((x, y) => x.a.identityCenterUsers / x.total - y.a.identityCenterUsers / y.total)
    .map(({ a, total }) => ({
      label: `${a.accountName} · ${a.accountId}`,
      caption: `${Math.round((a.identityCenterUsers / total) * 100)}% · ${a.humanIamUsers} on IAM`,
      segments: [
        { label: 'on Identity Center', value: (a.identityCenterUsers / total) * 100, color: '#2f9e44' },
        { label: 'still IAM users', value: (a.humanIamUsers / total) * 100, color: '#f08c00' },
      ],
      filter: { name: 'account', value: a.accountId },
    }));
}

const AGE_BUCKETS = [
  { label: '0–30 d', max: 30, color: '#2f9e44' },
  { label: '31–90 d', max: 90, color: '#74b816' },
  { label: '91–180 d', max: 180, color: '#f08c00' },
  { label: '181–365 d', max: 365, color: '#e8590c' },
  { label: '1–2 y', max: 730, color: '#c92a2a' },
  { label: '> 2 y', max: Number.POSITIVE_INFINITY, color: '#862e2e' },
];

function keyAgeChart(ages: number[]): string {
  const counts = AGE_BUCKETS.map(() => 0);
  for (const age of ages) {
    const index = AGE_BUCKETS.findIndex((b) => age <= b.max);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return columns(
    'key-age',
    'Active access key age distribution',
    AGE_BUCKETS.map((b, i) => ({ label: b.label, value: counts[i] ?? 0, color: b.color })),
    { index: 1, label: '90 days' },
  );
}

/** Each open finding weighs 10^(severity rank): one critical outweighs any number of lower ones in practice. */
function weight(counts: Record<Severity, number>): number {
  let sum = 0;
  for (const s of SEVERITIES) sum += counts[s] * 10 ** severityRank(s);
  return sum;
}
