import { hclComment } from './hcl-text.js';

/**
 * ini files (the AWS CLI's `~/.aws/config`) have no escapes: a value or a comment is the rest of its line.
 * A name that lands there must therefore stay on its line; control characters, line separators and
 * bidirectional marks become visible escapes (`\x0a`, `\u202e`).
 */
export function iniComment(text: string): string {
  return hclComment(text);
}

/**
 * A value after `key = `. Besides staying on its line, it must not start or hold what the AWS CLI's
 * parser would cut (` ;`/` #` inline comments) or read as a quote: such characters are replaced by `_`,
 * since the values the kit writes (account ids, permission set names, regions, URLs) never need them.
 */
export function iniValue(text: string): string {
  return iniComment(text.trim())
    .replace(/\s+[;#]/g, '_')
    .replace(/^[;#"'[]/, '_');
}

/** A section or profile name: `[profile NAME]` holds letters, digits and `.+-_` only. */
export function iniSectionName(text: string): string {
  return text.replace(/[^\w.+-]/g, '-');
}
