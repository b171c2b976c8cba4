import type { Snapshot } from '../inventory/snapshot-schema.js';
import { renderAccessDiffCsv } from './access/access-diff-csv.js';
import { renderDesiredStateYaml } from './access/desired-state-yaml.js';
import { denyIamUsersScp } from './guardrails/deny-iam-users-scp.js';
import { renderGuardrailsReadme } from './guardrails/guardrails-readme.js';
import type { KitPlan } from './plan-schema.js';
import { buildRunbook } from './runbook/build-runbook.js';
import { renderRunbookHtml, renderRunbookMarkdown } from './runbook/runbook-document.js';
import { renderIdentityCenterTerraform } from './terraform/identity-center-tf.js';
import { renderWorkloadsTerraform } from './terraform/workloads-tf.js';
import { renderCliProfiles } from './writers/cli-profiles.js';
import { renderPeopleCsv, renderPlanJson } from './writers/people-csv.js';

export interface KitRenderOptions {
  scpExemptRoles: string[];
  deleteAfterDays: number;
  runbookFormats: Array<'md' | 'html'>;
  now: Date;
}

export interface KitFile {
  /** Relative to the output directory, with forward slashes. */
  path: string;
  content: string;
}

/** Every file of the kit, rendered from the plan (and the snapshot for facts the plan does not carry). */
export function renderKit(plan: KitPlan, snapshot: Snapshot, options: KitRenderOptions): KitFile[] {
  const runbook = buildRunbook(plan, snapshot, options);
  return [
    ...(options.runbookFormats.includes('md')
      ? [{ path: 'runbook.md', content: renderRunbookMarkdown(runbook) }]
      : []),
    ...(options.runbookFormats.includes('html')
      ? [{ path: 'runbook.html', content: renderRunbookHtml('keysweep cutover runbook', runbook) }]
      : []),
    { path: 'plan.json', content: renderPlanJson(plan) },
    { path: 'people.csv', content: renderPeopleCsv(plan) },
    { path: 'access-diff.csv', content: renderAccessDiffCsv(plan) },
    { path: 'desired-state.yaml', content: renderDesiredStateYaml(plan, snapshot) },
    ...renderIdentityCenterTerraform(plan),
    { path: 'scp/deny-iam-users.json', content: denyIamUsersScp(options.scpExemptRoles) },
    { path: 'scp/README.md', content: renderGuardrailsReadme(plan, snapshot, options.scpExemptRoles) },
    ...renderCliProfiles(plan),
    ...renderWorkloadsTerraform(plan),
  ];
}
