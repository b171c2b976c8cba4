import { SECURITY_SEVERITY, type Severity } from '../../findings/severity.js';
import type { RuleSummary } from '../../report/model/report-model.js';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-log.js';

/** SARIF has three result levels; GitHub ranks security alerts by security-severity instead. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

export function ruleDescriptor(rule: RuleSummary): SarifReportingDescriptor {
  const frameworks = rule.compliance.map((c) => `${c.framework} ${c.control}`);
  return {
    id: rule.id,
    name: pascalName(rule.id),
    ...(rule.aliases.length > 0 ? { deprecatedIds: rule.aliases } : {}),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: ['security', 'aws', 'iam', ...frameworks.map((f) => f.replace(/\s+/g, '-'))],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'very-high',
      problem: {
        severity: sarifLevel(rule.severity) === 'note' ? 'recommendation' : sarifLevel(rule.severity),
      },
    },
  };
}

/** Used when a baseline names a rule that did not run this time (its absent results still need a rule). */
export function placeholderRule(ruleId: string, severity: Severity): RuleSummary {
  return {
    id: ruleId,
    aliases: [],
    title: ruleId,
    severity,
    scope: 'account',
    resourceType: 'AWS::IAM::User',
    rationale: `Rule ${ruleId} reported this in the baseline; it was not run in this scan.`,
    remediation: { console: [], cli: [] },
    migration: null,
    references: [],
    compliance: [],
    helpUri: `https://github.com/keysweep/keysweep/blob/main/docs/rules.md#${ruleId}`,
  };
}

function pascalName(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}

function helpText(rule: RuleSummary): string {
  const lines = [rule.title, '', rule.rationale];
  if (rule.remediation.console.length > 0)
    lines.push('', 'Fix in the console:', ...rule.remediation.console.map((s) => `- ${s}`));
  if (rule.remediation.cli.length > 0)
    lines.push('', 'Fix with the AWS CLI:', ...rule.remediation.cli.map((s) => `  ${s}`));
  if (rule.migration) lines.push('', `Migration: ${rule.migration}`);
  if (rule.references.length > 0) lines.push('', 'References:', ...rule.references.map((r) => `- ${r}`));
  return lines.join('\n');
}

function helpMarkdown(rule: RuleSummary): string {
  const lines = [`**${rule.title}**`, '', rule.rationale];
  if (rule.remediation.console.length > 0) {
    lines.push('', '#### Fix in the console', '', ...rule.remediation.console.map((s) => `1. ${s}`));
  }
  if (rule.remediation.cli.length > 0) {
    lines.push('', '#### Fix with the AWS CLI', '', '```sh', ...rule.remediation.cli, '```');
  }
  if (rule.migration) lines.push('', '#### Migrate', '', rule.migration);
  if (rule.compliance.length > 0) {
    lines.push('', `**Compliance:** ${rule.compliance.map((c) => `${c.framework} ${c.control}`).join(', ')}`);
  }
  if (rule.references.length > 0) {
    lines.push('', '#### References', '', ...rule.references.map((r) => `- <${r}>`));
  }
  return lines.join('\n');
}
