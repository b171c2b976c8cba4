import { InputError } from '../io/input-error.js';
import { DEFAULT_ADMIN_POLICY_ARNS } from '../knowledge/policy/admin-equivalent.js';
import { DEFAULT_MAX_SESSION_HOURS } from '../knowledge/policy/identity-center.js';

/**
 * The rule options the kit follows, resolved from the keysweep config by the CLI (config/kit-rule-options.ts):
 * the kit reads values, never a rule file, so a kit applied today is not a finding in the next scan.
 */
export interface KitRuleOptions {
  /** Rule sso-session-duration-too-long's `maxSessionHours`: the longest session the kit proposes. */
  maxSessionHours: number;
  /** That rule's `adminPolicyArns`: the managed policies that make a permission set administrator-equivalent. */
  adminPolicyArns: readonly string[];
}

/** The rules' defaults, for a plan built without a config. */
export const DEFAULT_KIT_RULE_OPTIONS: KitRuleOptions = {
  maxSessionHours: DEFAULT_MAX_SESSION_HOURS,
  adminPolicyArns: DEFAULT_ADMIN_POLICY_ARNS,
};

export const IDP_CHOICES = ['identity-center', 'external'] as const;
export type Idp = (typeof IDP_CHOICES)[number];

export function parseIdp(value: string): Idp {
  if ((IDP_CHOICES as readonly string[]).includes(value)) return value as Idp;
  throw new InputError(`--idp: "${value}" must be one of ${IDP_CHOICES.join(', ')}`);
}

/** An IAM role name (optionally with a path), with * and ? allowed since ArnNotLike matches patterns. */
const ROLE_NAME = /^([\w+=,.@*?-]+\/)*[\w+=,.@*?-]{1,64}$/;

export function parseExemptRoles(values: readonly string[]): string[] {
  for (const value of values) {
    // Wildcards only (`*`, `?*`, `*/*`) exempt every role: the SCP would deny nothing. A path with a
    // wildcard name (`platform/*`) names the roles under that path and stays allowed.
    if (/^[*?/]+$/.test(value))
      throw new InputError(
        `--scp-exempt-role: "${value}" would exempt every role (the SCP would deny nothing); name the roles`,
      );
    if (!ROLE_NAME.test(value))
      throw new InputError(
        `--scp-exempt-role: "${value}" is not an IAM role name (letters, digits and +=,.@-_, optional path, * and ? as wildcards)`,
      );
  }
  return [...new Set(values)].sort();
}

/** The IAM tag holding a person's e-mail: IAM tag keys are 1–128 characters. */
export function parseEmailTag(value: string): string {
  if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(value))
    throw new InputError(`--email-tag: "${value}" is not a valid IAM tag key`);
  return value;
}
