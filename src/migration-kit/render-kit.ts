import type { Snapshot } from '../inventory/snapshot-schema.js';
import { denyIamUsersScp } from './guardrails/deny-iam-users-scp.js';
import { renderGuardrailsReadme } from './guardrails/guardrails-readme.js';
import type { KitPlan } from './plan-schema.js';
import { renderIdentityCenterTerraform } from './terraform/identity-center-tf.js';
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
  return [
    { path: 'plan.json', content: renderPlanJson(plan) },
    { path: 'people.csv', content: renderPeopleCsv(plan) },
    ...renderIdentityCenterTerraform(plan),
    { path: 'scp/deny-iam-users.json', content: denyIamUsersScp(options.scpExemptRoles) },
    { path: 'scp/README.md', content: renderGuardrailsReadme(plan, snapshot, options.scpExemptRoles) },
    ...renderCliProfiles(plan),
  ];
}
