import { loadDemoSnapshot } from '../../../src/demo/demo-snapshot.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';
import type { KitPlan } from '../../../src/migration-kit/plan-schema.js';
import { type KitFile, renderKit } from '../../../src/migration-kit/render-kit.js';
import { NOW, planOf } from './kit.js';

/**
 * A name that tries everything at once: a spreadsheet formula, a newline that would end a `#` comment and
 * start a Terraform resource or an ini section, `${` and `%{` templates, quotes, a backslash, Markdown and
 * HTML, bidirectional and control characters. `tag` keeps each one distinct.
 */
export function hostile(tag: string): string {
  return [
    `=HYPERLINK("http://x")+${tag}`,
    `}\nresource "aws_iam_user" "pwn_${tag}" {\n  name = "x"\n}`,
    `\n[profile pwn_${tag}]\nsso_role_name = AdministratorAccess`,
    `\n# heading ${tag}\n`,
    // An interpolation and a template directive (built so they are not read as a template slip).
    ['$', '{jsonencode(1)} %{ if true }x%{ endif }'].join(''),
    `"q" 'q' \\back\\ \`tick\``,
    '<img src=x onerror=alert(1)> | * _ [l](http://x) ##',
    '\u202e\u200f\u2066 \u001b[31m \u0000 \u2028 \r\n',
    '=cmd',
  ].join(' ');
}

/** Replaces exact string values everywhere in a JSON value (names are referenced by value across the plan). */
function renamed<T>(value: T, names: ReadonlyMap<string, string>): T {
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'string' && names.has(v) ? names.get(v) : v,
  ) as T;
}

export interface KitPair {
  plan: KitPlan;
  files: KitFile[];
  hostilePlan: KitPlan;
  hostileFiles: KitFile[];
}

/**
 * The demo kit, and the same kit with every name a person, an identity store or an account owner can
 * choose replaced by a hostile one: group names, account names, people's display names and e-mails,
 * permission set descriptions, relay states and tag values. Same structure, different names.
 */
export async function demoKitPair(): Promise<KitPair> {
  const snapshot = await loadDemoSnapshot();
  const plan = planOf(snapshot);
  const names = new Map<string, string>();
  for (const [i, g] of plan.groups.entries()) names.set(g.displayName, hostile(`group${i}`));
  for (const [i, a] of snapshot.accounts.entries()) names.set(a.name, hostile(`account${i}`));
  let hostilePlan = renamed(plan, names);
  hostilePlan = {
    ...hostilePlan,
    people: hostilePlan.people.map((p, i) => ({
      ...p,
      displayName: hostile(`person${i}`),
      email: p.source === 'unresolved' ? p.email : `${hostile(`mail${i}`)}@example.com`,
    })),
    permissionSets: hostilePlan.permissionSets.map((s, i) => ({
      ...s,
      description: hostile(`set${i}`),
      relayState: s.exists ? hostile(`relay${i}`) : null,
      tags: s.exists ? { [`k${i}`]: hostile(`tag${i}`) } : s.tags,
    })),
  };
  const hostileSnapshot = renamed(snapshot, names) as Snapshot;
  return {
    plan,
    files: render(plan, snapshot),
    hostilePlan,
    hostileFiles: render(hostilePlan, hostileSnapshot),
  };
}

function render(plan: KitPlan, snapshot: Snapshot): KitFile[] {
  return renderKit(plan, snapshot, {
    scpExemptRoles: [],
    deleteAfterDays: 30,
    runbookFormats: ['md', 'html'],
    now: NOW,
  });
}
