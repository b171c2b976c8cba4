/** Escapes text for HTML content and attribute values. Every model string goes through this. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const SEVERITY_COLORS: Record<string, string> = {
  critical: '#b42318',
  high: '#e8590c',
  medium: '#d4a017',
  low: '#3b82f6',
  info: '#8a94a6',
};
