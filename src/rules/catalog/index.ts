import type { Rule } from '../define-rule.js';
import iamAccessKeyMaxAge from './iam-access-key-max-age.js';
import iamConsoleUserWithoutMfa from './iam-console-user-without-mfa.js';
import rootAccessKeysExist from './root-access-keys-exist.js';

/** The catalogue: an explicit list, as ESLint keeps one. A repo-wide test checks each has a test and docs. */
export const ALL_RULES: readonly Rule[] = [
  iamAccessKeyMaxAge,
  iamConsoleUserWithoutMfa,
  rootAccessKeysExist,
] as Rule[];
