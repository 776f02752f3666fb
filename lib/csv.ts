// Every CSV Loopkit writes goes through here. Spreadsheet programs run a cell that starts with
// = + - @ (or a tab / carriage return before one) as a formula, so a candidate named
// `=HYPERLINK(…)` would become a live link in a hiring manager's Excel. Papa Parse's
// escapeFormulae prefixes such cells with a single quote (OWASP's advice); our own imports take
// that quote off again, so an export re-imports unchanged.
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

export function toCsv(table: { fields: string[]; data: unknown[][] }): string {
  // Papa's own `escapeFormulae: true` pattern ends in `.*$`, which misses multi-line cells.
  return Papa.unparse(table, { escapeFormulae: FORMULA_START });
}

/** A cell as it was before toCsv escaped it (`'=x` → `=x`); anything else unchanged. */
export function unescapeCsvCell(value: string): string {
  return value.replace(ESCAPED_FORMULA, '');
}
