import { esc } from '../../io/text/html-escape.js';
import {
  markdownCodeBlock,
  markdownCodeSpan,
  markdownHeading,
  markdownInline,
} from '../../io/text/markdown-text.js';

/** The runbook as data, rendered to Markdown and HTML from the same nodes so both always agree. */
export type RunbookNode =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'warning'; text: string };

/** Stands for a backtick that is part of a name, never the start or end of a code span. */
const NAME_BACKTICK = '\uE000';

/**
 * A name from the inventory inside runbook text: its backticks cannot open or close a code span (each
 * renderer escapes them as text), so a display name never turns the rest of a line into code.
 */
export function literal(text: string | null | undefined): string {
  return String(text ?? '').replaceAll('`', NAME_BACKTICK);
}

const backticksBack = (text: string) => text.replaceAll(NAME_BACKTICK, '`');

export function renderRunbookMarkdown(nodes: readonly RunbookNode[]): string {
  return `${nodes.map(markdownOf).join('\n\n')}\n`;
}

function markdownOf(node: RunbookNode): string {
  switch (node.kind) {
    case 'heading':
      return markdownHeading(node.level, backticksBack(node.text));
    case 'paragraph':
      return markdownText(node.text);
    case 'warning':
      return `> **WARNING** ${markdownText(node.text)}`;
    case 'list':
      return node.items.map((item) => `- ${markdownText(item)}`).join('\n');
    default:
      return markdownCodeBlock('sh', node.lines);
  }
}

/**
 * Runbook text: `code` spans stay code spans, everything else (names from the inventory included) is
 * escaped, so nothing in a name becomes Markdown, HTML or a line of its own.
 */
function markdownText(text: string): string {
  return codeSpansOf(text)
    .map((part) => (part.code ? markdownCodeSpan(part.text) : markdownInline(part.text)))
    .join('');
}

function codeSpansOf(text: string): Array<{ code: boolean; text: string }> {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.length > 1 && part.startsWith('`') && part.endsWith('`')
        ? { code: true, text: backticksBack(part.slice(1, -1)) }
        : { code: false, text: backticksBack(part) },
    );
}

/** `code` spans become <code>; everything else is escaped text. */
function inline(text: string): string {
  return codeSpansOf(text)
    .map((part) => (part.code ? `<code>${esc(part.text)}</code>` : esc(part.text)))
    .join('');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;border-radius:6px}code{font-family:ui-monospace,monospace}
.warning{border-left:4px solid #b42318;background:#fef3f2;padding:.5rem .75rem}`;

export function renderRunbookHtml(title: string, nodes: readonly RunbookNode[]): string {
  const body = nodes.map(htmlOf);
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

function htmlOf(node: RunbookNode): string {
  switch (node.kind) {
    case 'heading':
      return `<h${node.level}>${inline(node.text)}</h${node.level}>`;
    case 'paragraph':
      return `<p>${inline(node.text)}</p>`;
    case 'warning':
      return `<p class="warning"><strong>WARNING</strong> ${inline(node.text)}</p>`;
    case 'list':
      return `<ul>${node.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    default:
      return `<pre><code>${esc(node.lines.join('\n'))}</code></pre>`;
  }
}
