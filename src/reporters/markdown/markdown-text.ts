/** Makes arbitrary text safe inside a GitHub-flavoured Markdown table cell. */
export function cell(value: string | number): string {
  return String(value)
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function code(value: string): string {
  return value.length === 0 ? '' : `\`${value.replace(/`/g, "'")}\``;
}

export function table(header: string[], rows: Array<Array<string | number>>): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

export const SEVERITY_BADGE: Record<string, string> = {
  critical: '🟥 critical',
  high: '🟧 high',
  medium: '🟨 medium',
  low: '🟦 low',
  info: '⬜ info',
};
