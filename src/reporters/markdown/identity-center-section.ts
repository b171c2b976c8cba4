import type { ReportModel } from '../../report/model/report-model.js';
import { cell, code, table } from './markdown-text.js';

const MAX_ITEMS = 30;

type Part = { status: 'ok' | 'failed' | 'not_collected'; reason: string | null };

/** "not collected (why)" / "not read (why)": a part that is not known is said to be so, never "none". */
function unknownPart(part: Part): string | null {
  if (part.status === 'not_collected') return `not collected (${part.reason ?? ''})`;
  if (part.status === 'failed') return `not read (${part.reason ?? ''})`;
  return null;
}

const yesNo = (value: boolean | null, yes: string, no: string) =>
  value === null ? 'unknown' : value ? yes : no;
const orUnknown = (value: number | null) => (value === null ? 'unknown' : value);

/**
 * The organization instance of Identity Center: its regions, ABAC attributes, applications (with who is
 * assigned) and trusted token issuers. Absent from reports written before this inventory existed.
 */
export function identityCenterSection(model: ReportModel): string[] {
  const ic = model.inventory.identityCenter;
  if (!ic) return [];
  const lines = ['## Identity Center inventory', ''];
  const instance =
    unknownPart(ic.instance) ??
    (ic.instance.instanceArn
      ? `${code(ic.instance.instanceArn)} (identity store ${code(ic.instance.identityStoreId ?? '')})`
      : 'no instance');
  const abac =
    unknownPart(ic.accessControlAttributes) ??
    (ic.accessControlAttributes.attributes === null
      ? 'not configured'
      : ic.accessControlAttributes.attributes.length === 0
        ? 'configured, no attributes'
        : ic.accessControlAttributes.attributes.map((a) => `${a.key} ← ${a.sources.join(', ')}`).join('; '));
  lines.push(
    `- **Instance**: ${cell(instance)}`,
    `- **Regions**: ${cell(ic.regions)}`,
    `- **ABAC attributes**: ${cell(abac)}`,
    '',
  );

  lines.push('### Applications', '');
  const apps = ic.applications;
  const appsUnknown = unknownPart(apps);
  if (appsUnknown) lines.push(`Applications ${cell(appsUnknown)}.`, '');
  else if (apps.items.length === 0) lines.push('No applications.', '');
  else {
    const shown = apps.items.slice(0, MAX_ITEMS);
    lines.push(
      ...table(
        [
          'Application',
          'Requires assignment',
          'Users assigned',
          'Groups assigned',
          'People (groups expanded)',
          'Not read',
        ],
        shown.map((a) => [
          a.name,
          yesNo(a.assignmentRequired, 'yes', 'no: every directory user'),
          orUnknown(a.assignedUsers),
          orUnknown(a.assignedGroups),
          orUnknown(a.people),
          a.notRead.join('; '),
        ]),
      ),
      '',
    );
    if (apps.items.length > shown.length)
      lines.push(`…and ${apps.items.length - shown.length} more in report.json.`, '');
  }

  lines.push('### Trusted token issuers', '');
  const issuers = ic.trustedTokenIssuers;
  const issuersUnknown = unknownPart(issuers);
  if (issuersUnknown) lines.push(`Trusted token issuers ${cell(issuersUnknown)}.`, '');
  else if (issuers.items.length === 0) lines.push('No trusted token issuers.', '');
  else {
    const shown = issuers.items.slice(0, MAX_ITEMS);
    lines.push(
      ...table(
        ['Issuer', 'Type', 'Issuer URL'],
        shown.map((i) => [i.name, i.type ?? 'unknown', i.issuerUrl ?? 'unknown (not read)']),
      ),
      '',
    );
    if (issuers.items.length > shown.length)
      lines.push(`…and ${issuers.items.length - shown.length} more in report.json.`, '');
  }
  return lines;
}
