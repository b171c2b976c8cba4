import { esc } from '../../io/text/html-escape.js';
import type { ReportModel } from '../../report/model/report-model.js';

type Part = { status: 'ok' | 'failed' | 'not_collected'; reason: string | null };

function unknownPart(part: Part): string | null {
  if (part.status === 'not_collected') return `not collected (${part.reason ?? ''})`;
  if (part.status === 'failed') return `not read (${part.reason ?? ''})`;
  return null;
}

const orUnknown = (value: number | null) => (value === null ? 'unknown' : String(value));

/** The Identity Center inventory, as the Markdown report's section of the same name (every part escaped). */
export function identityCenterHtmlSection(model: ReportModel): string {
  const ic = model.inventory.identityCenter;
  if (!ic) return '';
  const instance =
    unknownPart(ic.instance) ??
    (ic.instance.instanceArn
      ? `${ic.instance.instanceArn} (identity store ${ic.instance.identityStoreId ?? ''})`
      : 'no instance');
  const attributes = ic.accessControlAttributes.attributes;
  const abac =
    unknownPart(ic.accessControlAttributes) ??
    (attributes === null
      ? 'not configured'
      : attributes.length === 0
        ? 'configured, no attributes'
        : attributes.map((a) => `${a.key} ← ${a.sources.join(', ')}`).join('; '));
  const apps =
    unknownPart(ic.applications) ?? (ic.applications.items.length === 0 ? 'No applications.' : null);
  const appRows = ic.applications.items
    .map(
      (a) =>
        `<tr><td>${esc(a.name)}</td><td>${a.assignmentRequired === null ? 'unknown' : a.assignmentRequired ? 'yes' : 'no: every directory user'}</td><td>${orUnknown(a.assignedUsers)}</td><td>${orUnknown(a.assignedGroups)}</td><td>${orUnknown(a.people)}</td><td>${esc(a.notRead.join('; '))}</td></tr>`,
    )
    .join('');
  const issuers =
    unknownPart(ic.trustedTokenIssuers) ??
    (ic.trustedTokenIssuers.items.length === 0 ? 'No trusted token issuers.' : null);
  const issuerRows = ic.trustedTokenIssuers.items
    .map(
      (i) =>
        `<tr><td>${esc(i.name)}</td><td>${esc(i.type ?? 'unknown')}</td><td>${esc(i.issuerUrl ?? 'unknown (not read)')}</td></tr>`,
    )
    .join('');
  return `<section id="identity-center-inventory"><h2>Identity Center inventory</h2>
<ul><li><strong>Instance</strong>: <code>${esc(instance)}</code></li><li><strong>Regions</strong>: ${esc(ic.regions)}</li><li><strong>ABAC attributes</strong>: ${esc(abac)}</li></ul>
<h3>Applications</h3>
${apps !== null ? `<p>${esc(apps)}</p>` : `<table class="plain"><thead><tr><th>Application</th><th>Requires assignment</th><th>Users assigned</th><th>Groups assigned</th><th>People (groups expanded)</th><th>Not read</th></tr></thead><tbody>${appRows}</tbody></table>`}
<h3>Trusted token issuers</h3>
${issuers !== null ? `<p>${esc(issuers)}</p>` : `<table class="plain"><thead><tr><th>Issuer</th><th>Type</th><th>Issuer URL</th></tr></thead><tbody>${issuerRows}</tbody></table>`}
</section>`;
}
