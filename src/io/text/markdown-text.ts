import { escapeControlCharacters } from '../escape-control-characters.js';

/** Markdown's inline punctuation, HTML's `<` and `&`, and table pipes: each taken literally once escaped. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]<>#|!~&]/g;

/**
 * Text that lands inside a Markdown paragraph, list item, table cell or heading: one line (line breaks
 * become spaces, other control characters and bidirectional marks visible escapes) and no Markdown or
 * HTML of its own (`*`, `[`, `<img …>`, `|`, `#` … are backslash-escaped), so a name renders as written.
 */
export function markdownInline(text: string): string {
  return escapeControlCharacters(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
    .replace(/[\u200e\u200f]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** An ATX heading: `#`×level and the text on one line, nothing in it read as Markdown. */
export function markdownHeading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${markdownInline(text)}`;
}

/** A code span holding `text` literally: fenced by more backticks than any run inside, on one line. */
export function markdownCodeSpan(text: string): string {
  const line = escapeControlCharacters(text.replace(/\r\n|[\r\n]/g, ' '));
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced code block: its fence longer than any backtick run inside, so no line can close it early. */
export function markdownCodeBlock(language: string, lines: readonly string[]): string {
  const safe = lines.map((l) => escapeControlCharacters(l));
  const longest = Math.max(2, ...safe.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, ...safe, fence].join('\n');
}
