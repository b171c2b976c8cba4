import { escapeControlCharacters } from '../escape-control-characters.js';

/**
 * Characters a Terraform reviewer would not see as written: C0/C1 controls, DEL, the line and paragraph
 * separators and the bidirectional marks, overrides and isolates (a "Trojan source" can reorder what a
 * reviewer reads). In a string they become `\uNNNN` escapes, which HCL decodes back to the same value.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A Terraform quoted string whose value is exactly `text`: quotes and backslashes escaped, `${` and `%{`
 * kept literal (`$${`, `%%{`) so a name never becomes an interpolation or a template directive, and every
 * invisible character written as an escape.
 */
export function hclString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(
      INVISIBLE,
      (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/**
 * The text of one `#` comment line: a newline (or any character that ends or reorders a line) becomes a
 * visible escape, so a name can never end the comment and start Terraform.
 */
export function hclComment(text: string): string {
  return escapeControlCharacters(text).replace(
    /[\u200e\u200f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}
