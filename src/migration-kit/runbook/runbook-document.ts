import { esc } from '../../io/text/html-escape.js';

/** The runbook as data, rendered to Markdown and HTML from the same nodes so both always agree. */
export type RunbookNode =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'warning'; text: string };

export function renderRunbookMarkdown(nodes: readonly RunbookNode[]): string {
  return `${nodes.map(markdownOf).join('\n\n')}\n`;
}

function markdownOf(node: RunbookNode): string {
  switch (node.kind) {
    case 'heading':
      return `${'#'.repeat(node.level)} ${node.text}`;
    case 'paragraph':
      return node.text;
    case 'warning':
      return `> **WARNING** ${node.text}`;
    case 'list':
      return node.items.map((item) => `- ${item}`).join('\n');
    default:
      return ['```sh', ...node.lines, '```'].join('\n');
  }
}

/** `code` spans become <code>; everything else is escaped text. */
function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part),
    )
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
