export function renderHtml(_m: unknown): string {
  throw new Error('html: in progress');
}
