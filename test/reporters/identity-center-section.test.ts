import { describe, expect, it } from 'vitest';
import {
  anApplication,
  anIdentityCenter,
  aSnapshot,
  aTrustedTokenIssuer,
} from '../../fixtures/builders/index.js';
import { failed, notCollected } from '../../src/inventory/collection.js';
import { buildIdentityCenterInventory } from '../../src/report/model/identity-center-inventory.js';
import type { ReportModel } from '../../src/report/model/report-model.js';
import { identityCenterHtmlSection } from '../../src/reporters/html/html-identity-center-section.js';
import { renderMarkdown } from '../../src/reporters/markdown/render-markdown.js';
import { demoModel } from './support/demo-model.js';

const EVIL = '=cmd|x\n# heading <script>alert(1)</script>';

function section(md: string): string {
  return `## Identity Center inventory${md.split('## Identity Center inventory')[1]!.split('\n## ')[0]!}`;
}

async function modelWith(identityCenter: ReturnType<typeof anIdentityCenter>): Promise<ReportModel> {
  const model = await demoModel();
  const inventory = buildIdentityCenterInventory(aSnapshot({ identityCenter }));
  return { ...model, inventory: { ...model.inventory, identityCenter: inventory } };
}

describe('report: Identity Center inventory section', () => {
  it('lists the demo instance, its regions, ABAC attributes, applications with counts and issuers', async () => {
    const md = section(renderMarkdown(await demoModel()));
    expect(md).toContain('- **Regions**: eu-west-1 (primary), eu-central-1');
    expect(md).toContain(`- **ABAC attributes**: CostCenter ← \${path:enterprise.costCenter}; Department ←`);
    expect(md).toContain('| Team wiki | yes | 1 | 1 | 3 |  |');
    expect(md).toContain('| Cost dashboard | no: every directory user | 0 | 0 | 0 |  |');
    expect(md).toContain('| okta-data-apps | OIDC_JWT | https://example.okta.com/oauth2/default |');
  });

  it('says "not collected" / "not read" for each unknown part, never "none"', async () => {
    const ic = anIdentityCenter();
    ic.accessControlAttributes = notCollected('snapshot written by an older keysweep');
    ic.applications = failed('AccessDeniedException', 'no sso:ListApplications');
    ic.trustedTokenIssuers = notCollected('ListTrustedTokenIssuers is not available at this endpoint');
    ic.regions = notCollected('no ListRegions');
    const model = await modelWith(ic);
    const md = section(renderMarkdown(model));
    expect(md).toContain('- **ABAC attributes**: not collected (snapshot written by an older keysweep)');
    expect(md).toContain('- **Regions**: not collected (no ListRegions)');
    expect(md).toContain('Applications not read (AccessDeniedException: no sso:ListApplications).');
    expect(md).toContain('Trusted token issuers not collected (ListTrustedTokenIssuers is not available');
    expect(md).not.toMatch(/No applications|No trusted token issuers|not configured/);
    const html = identityCenterHtmlSection(model);
    expect(html).toContain('not read (AccessDeniedException: no sso:ListApplications)');
  });

  it('ABAC not configured is a fact; an application whose reads failed shows unknown counts', async () => {
    const ic = anIdentityCenter({
      accessControlAttributes: null,
      applications: [
        anApplication({ assignmentRequired: null, assignments: null, unread: ['assignments: Throttling'] }),
      ],
    });
    const md = section(renderMarkdown(await modelWith(ic)));
    expect(md).toContain('- **ABAC attributes**: not configured');
    expect(md).toContain('| apl-1 | unknown | unknown | unknown | unknown | assignments: Throttling |');
  });

  it('hostile names keep the Markdown table shape and never reach the HTML raw', async () => {
    const ic = anIdentityCenter({
      applications: [anApplication({ name: EVIL }), anApplication({ id: 'apl-2', name: 'plain' })],
      trustedTokenIssuers: [aTrustedTokenIssuer({ name: EVIL, issuerUrl: `https://x/${EVIL}` })],
    });
    const model = await modelWith(ic);
    const md = section(renderMarkdown(model));
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    const columns = (l: string) => l.split(/(?<!\\)\|/).length;
    // Application table: header, separator, two rows, all the same width; issuer table likewise.
    expect(rows.slice(0, 4).map(columns)).toEqual([8, 8, 8, 8]);
    expect(rows.slice(4).map(columns)).toEqual([5, 5, 5]);
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.split(' ')[0]),
    ).toEqual(['##', '###', '###']);
    expect(md).not.toContain('<script>');
    const html = identityCenterHtmlSection(model);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
