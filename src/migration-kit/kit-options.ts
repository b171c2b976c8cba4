import { InputError } from '../io/input-error.js';

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
