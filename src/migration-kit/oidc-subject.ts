import { InputError } from '../io/input-error.js';

/**
 * A subject pattern for a generic CI system's OIDC trust must name a pipeline: a pattern that is all
 * wildcards, starts with one, or opens a claim with one (`repo:*`, `project_path:?…`) trusts every
 * pipeline of a shared issuer. The same rule is checked here (config, flags) and by Terraform (variable
 * validation), so neither path can write an open trust.
 */
export const OIDC_SUBJECT_RULE_TEXT =
  'The subject must name the pipeline: not all wildcards, not starting with * or ?, and no claim starting with one (repo:* trusts every pipeline of the issuer).';

const STARTS_WITH_WILDCARD = /^[*?]/;
const CLAIM_STARTS_WITH_WILDCARD = /^[^:]*:[*?]/;
const SOMETHING_LITERAL = /[^*?:/]/;

export function isStrictOidcSubject(pattern: string): boolean {
  return (
    pattern.trim() === pattern &&
    !STARTS_WITH_WILDCARD.test(pattern) &&
    !CLAIM_STARTS_WITH_WILDCARD.test(pattern) &&
    SOMETHING_LITERAL.test(pattern)
  );
}

/** For a subject given in config or on the command line: exit 2 with one line naming where it came from. */
export function parseOidcSubject(where: string, pattern: string): string {
  if (!isStrictOidcSubject(pattern))
    throw new InputError(`${where}: "${pattern}" is refused. ${OIDC_SUBJECT_RULE_TEXT}`);
  return pattern;
}

/** The same rule as a Terraform validation condition (RE2, no lookarounds); VALUE is the variable. */
export const TERRAFORM_OIDC_SUBJECT_CONDITION =
  'can(regex("^[^*?\\\\s]", VALUE)) && !can(regex("^[^:]*:[*?]", VALUE)) && can(regex("[^*?:/]", VALUE))';
