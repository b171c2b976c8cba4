import type { ServicesUsedInWindow } from '../../../knowledge/service-usage.js';

/** "ec2, s3 and 12 more": long service lists stay readable in a finding message. */
export function serviceList(namespaces: readonly string[], shown = 8): string {
  if (namespaces.length === 0) return 'none';
  const head = namespaces.slice(0, shown).join(', ');
  return namespaces.length > shown ? `${head} and ${namespaces.length - shown} more` : head;
}

/** The evidence line every usage finding carries: where the facts came from and over which window. */
export function evidenceNote(summary: ServicesUsedInWindow): string {
  const source =
    summary.source === 'access-analyzer'
      ? 'IAM Access Analyzer unused-access findings'
      : 'IAM last accessed data';
  return `(evidence: ${source}, ${summary.windowDays}-day window)`;
}
