/** Text a spreadsheet would run as a formula (a leading = + - @, or a tab or CR before one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell a spreadsheet shows as text: formula-looking text gets a leading `'` (the OWASP advice for
 * CSV injection). Quoting is the CSV writer's; this only defuses the content.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
