import type { Framework } from '../finding.js';
import { AWS_FSBP } from './aws-fsbp.js';
import { CIS_AWS_3_0 } from './cis-aws-3.0.js';
import { CIS_AWS_5_0 } from './cis-aws-5.0.js';
import type { FrameworkMapping } from './framework.js';

export type { FrameworkControl, FrameworkMapping } from './framework.js';

/** Every framework keysweep maps to; the order is the order reports show them in. */
export const FRAMEWORKS: readonly FrameworkMapping[] = [CIS_AWS_3_0, CIS_AWS_5_0, AWS_FSBP];

export function frameworkById(framework: Framework): FrameworkMapping {
  const found = FRAMEWORKS.find((f) => f.framework === framework);
  if (!found) throw new Error(`unknown framework ${framework}`);
  return found;
}

/** The controls of every framework that list the rule, as the rule's `compliance` field should read. */
export function controlsForRule(ruleId: string): Partial<Record<Framework, string[]>> {
  const result: Partial<Record<Framework, string[]>> = {};
  for (const mapping of FRAMEWORKS) {
    const controls = mapping.controls.filter((c) => c.ruleIds.includes(ruleId)).map((c) => c.control);
    if (controls.length > 0) result[mapping.framework] = controls;
  }
  return result;
}
